/**
 * The control plane's HTTP conventions: JSON in and out, `{"error": …}` bodies (with `problems`
 * when there are several), 404 for unknown paths, 405 with Allow for a known path and a wrong
 * method, and never a stack trace.
 */
import type express from "express";
import type { NextFunction, Request, Response } from "express";

export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: readonly string[],
  ) {
    super(message);
  }
}

export function badRequest(message: string, problems?: readonly string[]): AdminError {
  return new AdminError(400, message, problems);
}

export type Handler = (req: Request, res: Response) => unknown;

/** One path and its methods; any other method is a 405 listing the ones it has. */
export function endpoint(router: express.Router, path: string, methods: Record<string, Handler>): void {
  const route = router.route(path);
  for (const [method, handler] of Object.entries(methods)) {
    const wrapped = async (req: Request, res: Response) => {
      await handler(req, res);
    };
    if (method === "GET") route.get(wrapped);
    else if (method === "POST") route.post(wrapped);
    else if (method === "PUT") route.put(wrapped);
    else if (method === "DELETE") route.delete(wrapped);
  }
  const allow = Object.keys(methods).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));
  route.all((req: Request, res: Response) => {
    res.status(405).set("Allow", allow.join(", "));
    res.json({ error: `${req.method} is not supported on ${req.path} (use ${allow.join(", ")})` });
  });
}

/**
 * No authentication, but no other web page's say either: a page the developer has open could
 * otherwise send a form-like POST (no preflight) that empties the store or takes a service
 * down. Browsers name the page in `Origin`; curl and the load tools send none.
 */
export function refuseOtherOrigins(req: Request, _res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin === undefined || req.method === "GET" || req.method === "HEAD") return next();
  if (origin === `http://${req.headers.host ?? ""}`) return next();
  next(new AdminError(403, `requests from other web pages are refused (Origin: ${origin})`));
}

/** A query parameter given at most once. */
export function queryParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw badRequest(`?${name}= must be given once, as a plain value`);
  return value;
}

/** The request body as a JSON object, or a 400 saying what was wrong with it. */
export function objectBody(req: Request, what: string): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) throw badRequest(`the request needs a JSON body: ${what}`);
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw badRequest(`the body must be a JSON object: ${what}`);
  return body as Record<string, unknown>;
}

/** After express.text: the body as parsed JSON, or undefined when there is none. */
export function parseJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const text: unknown = req.body;
  if (typeof text !== "string" || text.trim() === "") {
    req.body = undefined;
    return next();
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return next(badRequest(`the body is not valid JSON (${(error as Error).message})`));
  }
  if (nestedDeeperThan(body, MAX_DEPTH))
    return next(badRequest(`the body is nested more than ${MAX_DEPTH} levels deep`));
  req.body = body;
  next();
}

/** Fixtures and strain settings are a few levels deep; their readers recurse, so cap it. */
const MAX_DEPTH = 64;

/** Walks without recursion: the value may be nested a hundred thousand levels deep. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== "object") return false;
  const pending: [object, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [object, number];
    if (depth > limit) return true;
    // Only containers are queued: a fixture may hold a million plain values.
    for (const child of Array.isArray(item) ? (item as unknown[]) : Object.values(item))
      if (child !== null && typeof child === "object") pending.push([child, depth + 1]);
  }
  return false;
}

export function notFound(req: Request, res: Response): void {
  res.status(404).json({ error: `no admin endpoint at ${req.path} (see GET /admin/state and the README)` });
}

/**
 * The 4xx that express's body reader and router attach to what they refuse about the request
 * itself: an unknown charset or content encoding (415), a body that does not decompress or a
 * path whose percent-encoding is broken (400). Those are the client's mistakes, never a 500.
 */
function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : undefined;
}

/** The one error handler: typed errors keep their status, a body over the limit is a 413. */
export function errorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error instanceof AdminError) {
    res
      .status(error.status)
      .json(error.problems ? { error: error.message, problems: error.problems } : { error: error.message });
    return;
  }
  const type = (error as { type?: string }).type;
  if (type === "entity.too.large") {
    res.status(413).json({ error: "the body is too large" });
    return;
  }
  const clientStatus = clientErrorStatus(error);
  if (clientStatus !== undefined) {
    res.status(clientStatus).json({ error: `the request cannot be read: ${(error as Error).message}` });
    return;
  }
  res
    .status(500)
    .json({ error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
}
