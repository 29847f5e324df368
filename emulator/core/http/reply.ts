/**
 * What a handler or an error mapping produces: a status, an already serialised body and its
 * content type. Writing it (headers, latency, faults) happens in one place, the pipeline.
 */
export interface Reply {
  status: number;
  body?: string | Buffer;
  contentType?: string;
  headers?: ReadonlyArray<readonly [string, string]>;
}

export const JSON_TYPE = "application/json";
export const PROBLEM_TYPE = "application/problem+json";

export function json(status: number, value: unknown, headers?: Reply["headers"]): Reply {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE, headers };
}

export function problemJson(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: PROBLEM_TYPE };
}

export function empty(status: number, headers?: Reply["headers"]): Reply {
  return { status, headers };
}
