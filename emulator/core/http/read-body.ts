/**
 * Reading a request body with a size limit, before any parsing.
 */
import type { IncomingMessage } from "node:http";
import { FrameworkError } from "./errors.js";

/** Whether the request announces a body at all (Spring's `hasBody`). */
export function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return Number(length) > 0;
  return req.headers["transfer-encoding"] !== undefined;
}

const bodies = new WeakMap<IncomingMessage, Buffer>();

/** The body a request's handler already read, for recording; undefined if it was never read. */
export function bodyRead(req: IncomingMessage): Buffer | undefined {
  return bodies.get(req);
}

/**
 * The whole body, or a 413 once it passes `limit`. On a refusal the stream is paused, not
 * destroyed: the pipeline resumes it after answering, so the rest is discarded and the
 * keep-alive connection can carry the next request (a destroyed request stream leaves the
 * connection open with its parser stalled, and the next request on it is never answered).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const cached = bodies.get(req);
  if (cached) return Promise.resolve(cached);
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.reject(new FrameworkError({ kind: "payloadTooLarge", limit }));
  // Read to its end already (nothing else reads bodies, but no 'end' would come again).
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) return void chunks.push(chunk);
      stop();
      req.pause();
      reject(new FrameworkError({ kind: "payloadTooLarge", limit }));
    };
    const onEnd = () => {
      stop();
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
      bodies.set(req, body);
      resolve(body);
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // The client went away before the end of its body; nobody is left to answer.
    const onClose = () => onError(new Error("the request body ended early"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
