/**
 * How each service turns an error into a response (contract §1.4, §1.7). user- and band-service
 * leave framework errors to Boot's `/error` (BOOT bodies with the real status); music-catalog and
 * tour-service have a catch-all `@ExceptionHandler(Exception.class)` that makes nearly all of them
 * a 500 with a message. This module is the only place that knows.
 */
import { bootBody, messageBody, problemBody, reasonOf, whitelabelPage } from "./bodies.js";
import {
  FrameworkError,
  IllegalArgumentError,
  ProblemError,
  ResourceNotFoundError,
  UnhandledError,
  ValidationError,
  type FrameworkProblem,
} from "./errors.js";
import { empty, json, problemJson, type Reply } from "./reply.js";

export interface ErrorContext {
  method: string;
  /** The request URI path as sent (no query), which Boot puts in `path` and PD in `instance`. */
  rawPath: string;
  nowMs: number;
  /** The client prefers text/html (a browser): Boot answers its Whitelabel page. */
  wantsHtml: boolean;
}

export interface ErrorStyle {
  readonly name: "boot" | "music" | "tour";
  toReply(error: unknown, context: ErrorContext): Reply;
  /** An injected HTTP fault, in the body this service would give for that status. */
  injected(status: number, context: ErrorContext): Reply;
}

const JSON_MEDIA = "application/json, application/*+json";

/** A Boot `/error` answer: BOOT JSON, or the Whitelabel page for browsers. */
export function bootReply(status: number, context: ErrorContext, headers?: Reply["headers"]): Reply {
  if (context.wantsHtml) {
    return {
      status,
      body: whitelabelPage(status, context.nowMs),
      contentType: "text/html;charset=UTF-8",
      headers,
    };
  }
  return json(status, bootBody(status, context.rawPath, context.nowMs), headers);
}

function frameworkStatus(problem: FrameworkProblem): number {
  switch (problem.kind) {
    case "noResource":
      return 404;
    case "methodNotAllowed":
      return 405;
    case "unsupportedMediaType":
      return 415;
    case "notAcceptable":
      return 406;
    case "payloadTooLarge":
      return 413;
    case "rejected":
      return problem.status;
    default:
      return 400;
  }
}

function frameworkHeaders(problem: FrameworkProblem, method: string): Reply["headers"] {
  if (problem.kind === "methodNotAllowed") return [["Allow", problem.allow.join(",")]];
  if (problem.kind === "unsupportedMediaType") {
    return method === "PATCH"
      ? [
          ["Accept", JSON_MEDIA],
          ["Accept-Patch", JSON_MEDIA],
        ]
      : [["Accept", JSON_MEDIA]];
  }
  return undefined;
}

/** The exception message the catch-all handler of music/tour prints after its prefix. */
export function frameworkMessage(problem: FrameworkProblem, rawPath: string, method: string): string {
  switch (problem.kind) {
    case "noResource":
      return `No static resource ${decodeForMessage(rawPath).replace(/^\//, "")}.`;
    case "methodNotAllowed":
      return `Request method '${method}' is not supported`;
    case "unsupportedMediaType":
      return `Content-Type '${problem.contentType}' is not supported`;
    case "notAcceptable":
      return "No acceptable representation";
    case "bodyMissing":
      return `Required request body is missing: ${problem.signature}`;
    case "notReadable":
      return `JSON parse error: ${problem.message}`;
    case "missingParameter":
      return `Required request parameter '${problem.name}' for method parameter type ${problem.javaType} is not present`;
    case "typeMismatch":
      return `Method parameter '${problem.name}': Failed to convert value of type 'java.lang.String' to required type '${problem.javaType}'; ${problem.reason}`;
    case "methodValidation":
      return '400 BAD_REQUEST "Validation failure"';
    case "payloadTooLarge":
      return `Maximum request body size of ${problem.limit} bytes exceeded`;
    case "rejected":
      return problem.reason;
    case "badEndpointRequest":
      return `400 BAD_REQUEST "${problem.reason}"`;
  }
}

function decodeForMessage(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export const bootStyle: ErrorStyle = {
  name: "boot",
  toReply(error, context) {
    if (error instanceof ProblemError) {
      return problemJson(
        error.status,
        problemBody(error.status, error.title, error.detail, context.rawPath, error.extra),
      );
    }
    if (error instanceof FrameworkError) {
      const status = frameworkStatus(error.problem);
      const headers = frameworkHeaders(error.problem, context.method);
      // Boot cannot write JSON to a client that refuses it: 406 goes out with an empty body.
      if (status === 406 && !context.wantsHtml) return empty(406);
      return bootReply(status, context, headers);
    }
    if (error instanceof ValidationError) return bootReply(400, context);
    return bootReply(500, context);
  },
  injected(status, context) {
    return bootReply(status, context);
  },
};

/** music-catalog (MC, MC-VAL) and tour-service (TS, TS-VAL, TS-IAE) share the advice pattern. */
function adviceStyle(name: "music" | "tour"): ErrorStyle {
  return {
    name,
    toReply(error, context) {
      if (error instanceof ValidationError) {
        const fields: Record<string, string> = {};
        for (const { field, message } of error.fieldErrors) fields[field] = message;
        return json(400, fields);
      }
      if (error instanceof ResourceNotFoundError) return json(404, messageBody(404, error.message));
      if (error instanceof IllegalArgumentError) {
        return json(400, name === "music" ? messageBody(400, error.message) : { error: error.message });
      }
      if (error instanceof FrameworkError) {
        const { problem } = error;
        // The advice writes JSON too, which a client refusing JSON cannot take: an empty 500.
        if (problem.kind === "notAcceptable") return empty(500);
        if (problem.kind === "payloadTooLarge") {
          return json(413, messageBody(413, frameworkMessage(problem, context.rawPath, context.method)));
        }
        if (problem.kind === "rejected") return bootReply(problem.status, context);
        return catchAll(frameworkMessage(problem, context.rawPath, context.method));
      }
      if (error instanceof UnhandledError || error instanceof ProblemError) return catchAll(error.message);
      return catchAll(error instanceof Error ? error.message : String(error));
    },
    injected(status) {
      return status === 500
        ? catchAll("injected fault")
        : json(status, messageBody(status, reasonOf(status)));
    },
  };
}

function catchAll(message: string): Reply {
  return json(500, messageBody(500, `An unexpected error occurred: ${message}`));
}

export const musicStyle = adviceStyle("music");
export const tourStyle = adviceStyle("tour");
