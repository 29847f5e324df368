/**
 * Bodies in a recording: text when the bytes are UTF-8 (nearly always: JSON, forms, HTML), base64
 * with an `encoding` flag otherwise, so no byte is lost and no line holds raw binary.
 */
import { isUtf8 } from "node:buffer";

export interface EncodedBody {
  body: string | null;
  encoding?: "base64";
}

export function encodeBody(body: Buffer | Uint8Array | string | undefined | null): EncodedBody {
  if (body === undefined || body === null || body.length === 0) return { body: null };
  if (typeof body === "string") return { body };
  if (isUtf8(body)) return { body: Buffer.from(body).toString("utf8") };
  return { body: Buffer.from(body).toString("base64"), encoding: "base64" };
}

/** The bytes of a recorded body (empty for none). */
export function bodyBytes(body: string | null, encoding?: "base64"): Buffer {
  if (body === null) return Buffer.alloc(0);
  return encoding === "base64" ? Buffer.from(body, "base64") : Buffer.from(body, "utf8");
}

/** The body as text when it is text, undefined for none or binary. */
export function bodyText(body: string | null, encoding?: "base64"): string | undefined {
  if (body === null || encoding === "base64") return undefined;
  return body;
}
