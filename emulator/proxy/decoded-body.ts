/**
 * The answer's body as the recording keeps it: decoded when the upstream compressed it. The
 * client gets the compressed bytes unchanged, but `Content-Encoding` is not a recorded header,
 * so gzip bytes in the recording would read as an opaque binary body: no id for the correlation
 * to learn, nothing for `--compare` to match. Clients ask for compression on their own (Python
 * `requests`, hence Locust, always sends `Accept-Encoding: gzip, deflate`), and a gateway in front
 * of the real services grants it. Bytes that do not decode are kept as they came.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

const DECODERS: Readonly<Record<string, (bytes: Buffer) => Buffer>> = {
  gzip: gunzipSync,
  "x-gzip": gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

export function decodedBody(body: Buffer, headers: ReadonlyArray<readonly [string, string]>): Buffer {
  const encodings = headers
    .filter(([name]) => name.toLowerCase() === "content-encoding")
    .flatMap(([, value]) => value.split(","))
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  let bytes = body;
  try {
    // Codings are listed in the order they were applied: undo them from the last.
    for (const coding of encodings.reverse()) {
      const decode = DECODERS[coding];
      if (!decode) return body;
      bytes = decode(bytes);
    }
  } catch {
    return body;
  }
  return bytes;
}
