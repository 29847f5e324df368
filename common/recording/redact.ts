/**
 * Secrets never reach a recording: credentials in `Authorization`, cookie values, tokens in the
 * bodies and queries of the token endpoints, and — as a safety net — anything shaped like a JWT
 * anywhere in a body or query. What stands in keeps the shape (`Bearer <redacted>`,
 * `JSESSIONID=<redacted>; Path=/`), so a replayer still knows a bearer was sent and puts the
 * target's own token there.
 */
import { REDACTED } from "./format.js";

/** Fields that carry a token or a client secret in token-endpoint bodies (JSON or form). */
const SECRET_FIELDS = new Set([
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "token",
  "client_secret",
  "code",
]);

const SCHEMES = new Set(["bearer", "basic", "digest", "negotiate"]);

/** A JWT: base64url header and payload that both start with `{"`, then an optional signature. */
const JWT = /eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

export function redactHeader(name: string, value: string): string {
  switch (name) {
    case "authorization":
    case "proxy-authorization":
      return redactCredentials(value);
    case "cookie":
      return value
        .split(";")
        .map((pair) => redactCookiePair(pair.trim()))
        .join("; ");
    case "set-cookie": {
      const semicolon = value.indexOf(";");
      return semicolon < 0
        ? redactCookiePair(value)
        : `${redactCookiePair(value.slice(0, semicolon))}${value.slice(semicolon)}`;
    }
    default:
      return value.replace(JWT, REDACTED);
  }
}

/** `Bearer abc` → `Bearer <redacted>`; a scheme alone (a malformed header) has nothing to hide. */
function redactCredentials(value: string): string {
  const match = /^(\S+)\s+\S/.exec(value);
  if (match) return `${match[1]} ${REDACTED}`;
  return SCHEMES.has(value.trim().toLowerCase()) ? value.trim() : REDACTED;
}

function redactCookiePair(pair: string): string {
  const eq = pair.indexOf("=");
  return eq < 0 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
}

/** Token endpoints: the paths whose bodies carry tokens by design. */
export function isTokenPath(path: string): boolean {
  return /\/(token|introspect|oauth2\/token|oauth2\/introspect)$/.test(path);
}

/** A body's text with every secret replaced; `tokenPath` asks for the field-level redaction too. */
export function redactBodyText(text: string, tokenPath: boolean, contentType: string | undefined): string {
  let result = text;
  if (tokenPath) {
    const type = (contentType ?? "").toLowerCase();
    result = type.includes("x-www-form-urlencoded") ? redactForm(result) : redactJsonFields(result);
  }
  return result.replace(JWT, REDACTED);
}

/** A raw query string with token parameters and JWTs replaced; everything else byte for byte. */
export function redactQuery(query: string): string {
  if (query.length === 0) return query;
  return redactForm(query).replace(JWT, REDACTED);
}

function redactForm(text: string): string {
  return text
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      let name: string;
      try {
        name = decodeURIComponent(pair.slice(0, eq).replace(/\+/g, " "));
      } catch {
        return pair;
      }
      return SECRET_FIELDS.has(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join("&");
}

function redactJsonFields(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(node)) {
      if (SECRET_FIELDS.has(key) && typeof field === "string") {
        out[key] = REDACTED;
        changed = true;
      } else out[key] = walk(field);
    }
    return out;
  };
  const redacted = walk(value);
  return changed ? JSON.stringify(redacted) : text;
}
