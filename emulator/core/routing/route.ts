/**
 * A route is data: method, path pattern, typed parameters and body, documented responses, and a
 * handler that gets already bound and validated input. The router, the argument binder and the
 * OpenAPI generator all read the same definitions, so the docs cannot drift from what is served.
 */
import type { Bound, Dto, FieldMap, Id } from "../dto/schema.js";
import type { Reply } from "../http/reply.js";
import { compilePattern, type PathPattern } from "./path-pattern.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type PathParamType = "long" | "string";

export interface QueryParam {
  type: "long" | "longs" | "string";
  /** Spring's `@RequestParam` default. */
  required?: boolean;
  /** `@NotBlank` on the parameter: Spring 6.1 method validation, 400 when blank. */
  notBlank?: boolean;
  description?: string;
}

export type BodySpec =
  | { kind: "dto"; dto: Dto<FieldMap>; validate: boolean; signature: string }
  | { kind: "longs"; javaType: string; signature: string };

export type ResponseSchema = { dto: Dto<FieldMap> } | { arrayOf: Dto<FieldMap> } | { longs: true };

export interface ResponseSpec {
  description: string;
  schema?: ResponseSchema;
  contentType?: string;
}

export interface Principal {
  subject: string;
  scopes: ReadonlySet<string>;
}

type PathValues<P> = { [K in keyof P]: P[K] extends "long" ? Id : string };
type QueryValues<Q> = {
  [K in keyof Q]: Q[K] extends { type: "long" }
    ? Id | null
    : Q[K] extends { type: "longs" }
      ? Id[] | null
      : string | null;
};
type BodyValue<B> = B extends { kind: "dto"; dto: Dto<infer F> }
  ? Bound<F>
  : B extends { kind: "longs" }
    ? (number | null)[]
    : undefined;

export interface RouteInput<P, Q, B> {
  params: PathValues<P>;
  query: QueryValues<Q>;
  body: BodyValue<B>;
  principal: Principal | undefined;
  nowMs: number;
  rawPath: string;
  /** The Host header, for links the service writes about itself (actuator). */
  host: string;
}

export interface RouteSpec<P, Q, B> {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  tag?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented authority (what the controller's annotation says, shown in the OpenAPI doc). */
  secured?: boolean;
  responses: Record<number, ResponseSpec>;
  handle(input: RouteInput<P, Q, B>): Reply | Promise<Reply>;
}

/** A route with its types erased, as the router and the docs see it. */
export interface Route {
  method: HttpMethod;
  path: string;
  pattern: PathPattern;
  operationId: string;
  summary: string;
  tag: string | undefined;
  params: Record<string, PathParamType>;
  query: Record<string, QueryParam>;
  body: BodySpec | undefined;
  secured: boolean;
  responses: Record<number, ResponseSpec>;
  handle(input: RouteInput<unknown, unknown, unknown>): Reply | Promise<Reply>;
}

export function defineRoute<
  const P extends Record<string, PathParamType> = Record<never, PathParamType>,
  const Q extends Record<string, QueryParam> = Record<never, QueryParam>,
  const B extends BodySpec | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): Route {
  return {
    method: spec.method,
    path: spec.path,
    pattern: compilePattern(spec.path),
    operationId: spec.operationId,
    summary: spec.summary,
    tag: spec.tag,
    params: (spec.params ?? {}) as Record<string, PathParamType>,
    query: (spec.query ?? {}) as Record<string, QueryParam>,
    body: spec.body,
    secured: spec.secured ?? true,
    responses: spec.responses,
    handle: spec.handle as Route["handle"],
  };
}
