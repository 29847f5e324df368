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

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const cached = bodies.get(req);
  if (cached) return cached;
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new FrameworkError({ kind: "payloadTooLarge", limit });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > limit) throw new FrameworkError({ kind: "payloadTooLarge", limit });
    chunks.push(buffer);
  }
  const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  bodies.set(req, body);
  return body;
}
