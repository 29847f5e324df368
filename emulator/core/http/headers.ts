/**
 * Headers every response of the five services carries (contract §1.8): Spring Security's
 * defaults, and the three `Vary` lines of Spring's CORS handling.
 */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Vary", "Origin"],
  ["Vary", "Access-Control-Request-Method"],
  ["Vary", "Access-Control-Request-Headers"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-XSS-Protection", "0"],
  ["Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"],
  ["Pragma", "no-cache"],
  ["Expires", "0"],
  ["X-Frame-Options", "DENY"],
];

/** Flattened once for `writeHead(status, [k, v, k, v…])`, the cheapest way to send headers. */
export const SECURITY_HEADERS_FLAT: readonly string[] = SECURITY_HEADERS.flat();
