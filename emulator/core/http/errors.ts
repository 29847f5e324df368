/**
 * Typed errors, thrown anywhere in a service and turned into HTTP in exactly one place per
 * service (error-styles.ts). Two families: what Spring MVC itself raises before a controller runs
 * (FrameworkError), and what the services' own code raises (the rest).
 */
import type { FieldError } from "../dto/validate.js";

export type FrameworkProblem =
  | { kind: "noResource" }
  | { kind: "methodNotAllowed"; allow: readonly string[] }
  | { kind: "unsupportedMediaType"; contentType: string }
  | { kind: "notAcceptable" }
  | { kind: "bodyMissing"; signature: string }
  | { kind: "notReadable"; message: string }
  | { kind: "missingParameter"; name: string; javaType: string }
  | { kind: "typeMismatch"; name: string; value: string; javaType: string; reason: string }
  | { kind: "methodValidation" }
  | { kind: "payloadTooLarge"; limit: number }
  | { kind: "rejected"; status: 400 | 405; reason: string }
  /** An actuator endpoint's InvalidEndpointRequestException, rethrown as a 400 ResponseStatusException. */
  | { kind: "badEndpointRequest"; reason: string };

/** Raised by the MVC layer: routing, argument binding, content negotiation. */
export class FrameworkError extends Error {
  constructor(readonly problem: FrameworkProblem) {
    super(problem.kind);
  }
}

/** `@Valid` on a request body failed. */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super("validation failed");
  }
}

/** A business error answered as a ProblemDetail (user- and band-service). */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** The services' own ResourceNotFoundException (music-catalog and tour-service → 404). */
export class ResourceNotFoundError extends Error {}

/** IllegalArgumentException, which music-catalog and tour-service answer with 400. */
export class IllegalArgumentError extends Error {}

/**
 * Any exception without a handler: a constraint violation at commit, an optimistic-lock failure,
 * a null password. user/band answer 500 BOOT; music/tour 500 with the message.
 */
export class UnhandledError extends Error {}
