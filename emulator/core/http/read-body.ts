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

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}
