/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): a proxy must not pass
 * them on. Everything else goes through unchanged, in both directions.
 */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

/** The header names this message's `Connection` header adds to the hop-by-hop set. */
function connectionTokens(value: string | undefined): Set<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * The request headers to send upstream, from node's raw list (names as sent, repeats kept).
 * `Host` goes too: the upstream gets its own, and `Expect` is answered by node already.
 */
export function upstreamRequestHeaders(rawHeaders: readonly string[]): string[] {
  let connection: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i]?.toLowerCase() === "connection") connection = rawHeaders[i + 1];
  const extra = connectionTokens(connection);
  const headers: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || extra.has(lower) || lower === "host" || lower === "expect") continue;
    headers.push(name, rawHeaders[i + 1] as string);
  }
  return headers;
}

/** The upstream's response headers as pairs for the client, repeated headers kept. */
export function clientResponseHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Array<[string, string]> {
  const connection = headers.connection;
  const extra = connectionTokens(Array.isArray(connection) ? connection.join(",") : connection);
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || extra.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs;
}
