/**
 * Spring Security's DefaultBearerTokenResolver (contract §1.5): a header starting with "bearer"
 * in any case is a bearer attempt; it is a token only if it has exactly one space and the RFC 6750
 * token characters. Any other Authorization scheme leaves the request anonymous.
 */
const BEARER = /^Bearer (?<token>[a-zA-Z0-9\-._~+/]+=*)$/i;

export type BearerResult = { kind: "none" } | { kind: "malformed" } | { kind: "token"; token: string };

const NONE: BearerResult = { kind: "none" };
const MALFORMED: BearerResult = { kind: "malformed" };

/**
 * A load sends the same header again and again: the last one's answer is kept, so a repeat costs
 * a string comparison instead of a regular expression over a kilobyte of token (and hands the
 * token authority the same token string, whose hash V8 has already computed).
 */
let last: { header: string; result: BearerResult } | undefined;

export function resolveBearer(header: string | undefined): BearerResult {
  if (header === undefined || header.length < 6 || header.slice(0, 6).toLowerCase() !== "bearer") return NONE;
  if (last?.header === header) return last.result;
  const match = BEARER.exec(header);
  const token = match?.groups?.token;
  const result: BearerResult = token ? { kind: "token", token } : MALFORMED;
  last = { header, result };
  return result;
}

const ERROR_URI = 'error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';

/** The exact WWW-Authenticate values of contract §1.5. */
export const CHALLENGE = {
  anonymous: "Bearer",
  malformed: `Bearer error="invalid_token", error_description="Bearer token is malformed", ${ERROR_URI}`,
  inactive: `Bearer error="invalid_token", error_description="Provided token isn't active", ${ERROR_URI}`,
  insufficientScope: `Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", ${ERROR_URI}`,
} as const;
