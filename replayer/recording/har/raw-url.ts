/**
 * A HAR `request.url` taken apart without re-encoding it. `new URL()` would normalise the path
 * and re-encode some query characters, and HAR's `queryString[]` holds decoded values that would
 * have to be encoded again — either way `%20` can become `%2520`. The text after the authority is
 * kept as written; only characters that may not appear in a request line at all (a space,
 * non-ASCII) are percent-encoded, and an existing `%XX` is never touched.
 */

export interface RawUrl {
  /** `http://host:port`, lower-case scheme and host, port as written (empty for the default). */
  scheme: string;
  hostname: string;
  port: number;
  /** The path as written, `/` when empty. */
  path: string;
  /** The query as written, without `?`; empty for none. */
  query: string;
}

/** RFC 3986 characters allowed in a path or query, plus `%` for escapes already there. */
const ALLOWED = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/;

export function encodeInvalid(text: string): string {
  let out = "";
  for (const char of text) out += ALLOWED.test(char) ? char : encodeURIComponent(char);
  return out;
}

export function parseRawUrl(text: string): RawUrl | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(text);
  if (!match) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.slice(0, -1);
  const rest = (match[3] ?? "").split("#")[0] as string;
  const q = rest.indexOf("?");
  const path = q < 0 ? rest : rest.slice(0, q);
  return {
    scheme,
    hostname: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : scheme === "https" ? 443 : 80,
    path: encodeInvalid(path || "/"),
    query: q < 0 ? "" : encodeInvalid(rest.slice(q + 1)),
  };
}
