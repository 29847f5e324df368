/**
 * A short, stable reason for a request that got no usable HTTP answer, from the error undici or
 * the socket gave. Reasons are grouped in the report, so they must not carry per-request detail
 * (ports, ids); the error's own text is kept only for errors this table does not know.
 */
const REASON_BY_CODE: Readonly<Record<string, string>> = {
  SOUNDCHECK_REQUEST_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "connect timeout",
  ETIMEDOUT: "connect timeout",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  UND_ERR_SOCKET: "connection reset",
  UND_ERR_DESTROYED: "aborted at end of run",
  UND_ERR_CLOSED: "aborted at end of run",
  UND_ERR_ABORTED: "aborted at end of run",
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "invalid HTTP response",
  UND_ERR_RES_EXCEEDED_MAX_SIZE: "invalid HTTP response",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "host unreachable",
};

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  errors?: unknown;
}

function codeOf(error: ErrorLike): string | undefined {
  if (typeof error.code === "string") return error.code;
  // Connecting to a name with several addresses fails with an AggregateError of the attempts.
  if (Array.isArray(error.errors) && error.errors.length > 0) {
    const first: unknown = error.errors[0];
    if (first && typeof first === "object") return codeOf(first as ErrorLike);
  }
  return undefined;
}

export function failureReason(error: unknown): string {
  if (!error || typeof error !== "object") return `error: ${String(error)}`;
  const like = error as ErrorLike;
  const code = codeOf(like);
  if (code !== undefined) {
    const known = REASON_BY_CODE[code];
    if (known) return known;
    if (code.startsWith("HPE_")) return "invalid HTTP response";
  }
  const name = typeof like.name === "string" ? like.name : "Error";
  // undici's parser error carries no code when the status line itself is not HTTP.
  if (name === "HTTPParserError") return "invalid HTTP response";
  const message = typeof like.message === "string" ? like.message : "";
  return `${code ?? name}: ${message}`.slice(0, 200);
}
