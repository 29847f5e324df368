/**
 * Which user or client an exchange belongs to, for a recording's `session` field. Tokens are
 * read, never verified (a recording may be made of traffic with expired or foreign tokens):
 *
 * 1. a JWT bearer with a `jti` claim → `jti:<jti>` — one token is one login, and the emulator's
 *    default `sub` is the same for every token, so `sub` would lump unrelated clients together;
 * 2. a JWT without `jti` but with `sub` → `sub:<sub>`;
 * 3. any other bearer (the real services' tokens are opaque, contract §1.5) → `token:<12 hex>`,
 *    the start of the token's SHA-256: the same token gives the same key, the token itself is
 *    never written;
 * 4. no bearer → `client:<address>` (the remote address without port: one client's connections
 *    belong together).
 */
import { createHash } from "node:crypto";

function claimsOf(token: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return claims && typeof claims === "object" && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function bearerOf(authorization: string | undefined): string | undefined {
  const match = /^bearer\s+(\S+)/i.exec(authorization ?? "");
  return match?.[1];
}

export function sessionKeyOf(authorization: string | undefined, remoteAddress: string | undefined): string {
  const token = bearerOf(authorization);
  if (token) {
    const claims = claimsOf(token);
    if (typeof claims?.jti === "string" && claims.jti) return `jti:${claims.jti}`;
    if (typeof claims?.sub === "string" && claims.sub) return `sub:${claims.sub}`;
    return `token:${createHash("sha256").update(token).digest("hex").slice(0, 12)}`;
  }
  const address = remoteAddress?.startsWith("::ffff:") ? remoteAddress.slice(7) : remoteAddress;
  return `client:${address ?? "unknown"}`;
}
