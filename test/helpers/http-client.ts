/**
 * A bare node:http client for tests that must see what a client sees on the wire: every chunk,
 * whether the body was complete, resets, refused connections and timeouts. One connection per
 * request unless an agent is given, so one request's fate never affects another's.
 */
import { request, type Agent, type IncomingHttpHeaders } from "node:http";

export interface Fetched {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** How many pieces the body arrived in. */
  chunks: number;
  /** False when the connection closed before Content-Length bytes arrived. */
  complete: boolean;
  /** From sending the request to the end of the body (or the close). */
  ms: number;
}

export interface FetchOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Give up after this long without the whole answer: rejects with code `CLIENT_TIMEOUT`. */
  timeoutMs?: number;
  /** Reuse connections (default: a new connection per request). */
  agent?: Agent;
}

export class ClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function fetchRaw(url: string, options: FetchOptions = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const req = request(url, {
      method: options.method ?? "GET",
      headers: options.headers,
      agent: options.agent ?? false,
    });
    const timer = setTimeout(() => {
      settle(() =>
        reject(new ClientError("CLIENT_TIMEOUT", `no complete answer within ${options.timeoutMs} ms`)),
      );
      req.destroy();
    }, options.timeoutMs ?? 5000);
    req.on("error", (error: NodeJS.ErrnoException) =>
      settle(() => reject(new ClientError(error.code ?? "ERROR", error.message))),
    );
    req.on("response", (res) => {
      const pieces: Buffer[] = [];
      res.on("data", (chunk: Buffer) => pieces.push(chunk));
      // A premature close surfaces as an "aborted" error on the response; what arrived is kept.
      res.on("error", () => {});
      res.on("close", () =>
        settle(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(pieces).toString("utf8"),
            chunks: pieces.length,
            complete: res.complete,
            ms: performance.now() - started,
          }),
        ),
      );
    });
    req.end();
  });
}

/** The code a request failed with, or "ok" if it got an answer. */
export async function failureOf(url: string, options: FetchOptions = {}): Promise<string> {
  try {
    await fetchRaw(url, options);
    return "ok";
  } catch (error) {
    return error instanceof ClientError ? error.code : String(error);
  }
}
