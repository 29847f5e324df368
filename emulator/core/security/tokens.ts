/**
 * The emulator's stand-in for MUNI's token issuing and introspection: JWTs signed with a key made
 * at start (RS256) or a configured one. The resource services only need "active, with these
 * scopes" (contract §1.5); every way a token can be bad — signature, `alg: none`, another issuer,
 * expired, not yet valid — is the same "isn't active" to them.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import type { Clock } from "../clock.js";
import type { Principal } from "../routing/route.js";

export type SigningKey =
  { kind: "generated" } | { kind: "rsa-pem"; pem: string } | { kind: "secret"; secret: string };

export interface TokenSettings {
  issuer: string;
  signing: SigningKey;
  defaultTtlSeconds: number;
  /** Allowed clock skew when checking `exp` and `nbf`. */
  leewaySeconds: number;
}

export interface IssueRequest {
  scopes: readonly string[];
  ttlSeconds?: number;
  notBeforeSeconds?: number;
  subject?: string;
  clientId?: string;
}

export interface IssuedToken {
  token: string;
  claims: TokenClaims;
}

export interface TokenClaims {
  sub: string;
  scope: string;
  iat: number;
  exp: number;
  nbf?: number;
  iss: string;
  jti: string;
  client_id: string;
}

interface Verified {
  principal: Principal;
  claims: jwt.JwtPayload;
}

const CACHE_LIMIT = 10_000;

export class TokenAuthority {
  private issuerUrl: string;
  private readonly algorithm: "RS256" | "HS256";
  private readonly signKey: KeyObject | string;
  private readonly verifyKey: KeyObject | string;
  readonly keyId: string;
  private readonly cache = new Map<string, Verified>();

  constructor(
    private readonly settings: TokenSettings,
    private readonly clock: Clock,
  ) {
    this.issuerUrl = settings.issuer;
    const { signing } = settings;
    if (signing.kind === "secret") {
      this.algorithm = "HS256";
      this.signKey = this.verifyKey = signing.secret;
      this.keyId = createHash("sha256").update(signing.secret).digest("base64url").slice(0, 16);
      return;
    }
    this.algorithm = "RS256";
    if (signing.kind === "rsa-pem") {
      this.signKey = signing.pem;
      this.verifyKey = createPublicKey(signing.pem);
    } else {
      const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
      this.signKey = pair.privateKey;
      this.verifyKey = pair.publicKey;
    }
    const der = (this.verifyKey as KeyObject).export({ format: "der", type: "spki" });
    this.keyId = createHash("sha256").update(der).digest("base64url").slice(0, 16);
  }

  get issuer(): string {
    return this.issuerUrl;
  }

  /** The issuer is the token service's URL, known only once it listens. */
  setIssuer(url: string): void {
    this.issuerUrl = url;
    this.cache.clear();
  }

  get defaultTtlSeconds(): number {
    return this.settings.defaultTtlSeconds;
  }

  issue(request: IssueRequest): IssuedToken {
    const iat = Math.floor(this.clock.now() / 1000);
    const claims: TokenClaims = {
      sub: request.subject ?? "soundcheck-user",
      scope: request.scopes.join(" "),
      iat,
      exp: iat + (request.ttlSeconds ?? this.settings.defaultTtlSeconds),
      iss: this.issuerUrl,
      jti: randomUUID(),
      client_id: request.clientId ?? "soundcheck",
    };
    if (request.notBeforeSeconds !== undefined) claims.nbf = iat + request.notBeforeSeconds;
    const token = jwt.sign(claims, this.signKey, { algorithm: this.algorithm, keyid: this.keyId });
    return { token, claims };
  }

  /** The principal for an active token, undefined for anything else. */
  verify(token: string): Principal | undefined {
    return this.check(token)?.principal;
  }

  /** RFC 7662 introspection answer. */
  introspect(token: string): Record<string, unknown> {
    const verified = this.check(token);
    if (!verified) return { active: false };
    const { claims } = verified;
    return {
      active: true,
      scope: [...verified.principal.scopes].join(" "),
      client_id: claims.client_id ?? "soundcheck",
      username: claims.sub,
      token_type: "Bearer",
      exp: claims.exp,
      iat: claims.iat,
      ...(claims.nbf !== undefined ? { nbf: claims.nbf } : {}),
      sub: claims.sub,
      iss: claims.iss,
      jti: claims.jti,
    };
  }

  /** The public key as a JWK set (empty for a shared secret, which must never be published). */
  jwks(): { keys: Record<string, unknown>[] } {
    if (this.algorithm === "HS256") return { keys: [] };
    const jwk = (this.verifyKey as KeyObject).export({ format: "jwk" });
    return { keys: [{ ...jwk, kid: this.keyId, alg: "RS256", use: "sig" }] };
  }

  private check(token: string): Verified | undefined {
    const nowSeconds = this.clock.now() / 1000;
    const cached = this.cache.get(token);
    if (cached) return this.timely(cached.claims, nowSeconds) ? cached : undefined;
    if (!canonicalSignature(token)) return undefined;
    let claims: jwt.JwtPayload;
    try {
      const decoded = jwt.verify(token, this.verifyKey, {
        algorithms: [this.algorithm],
        issuer: this.issuerUrl,
        clockTimestamp: Math.floor(nowSeconds),
        clockTolerance: this.settings.leewaySeconds,
      });
      if (typeof decoded === "string") return undefined;
      claims = decoded;
    } catch {
      return undefined;
    }
    if (typeof claims.exp !== "number") return undefined;
    // A scope that is not a space-separated string grants nothing (the token stays authenticated).
    const scopes = typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : [];
    const verified: Verified = {
      principal: { subject: String(claims.sub ?? ""), scopes: new Set(scopes) },
      claims,
    };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, verified);
    return verified;
  }

  private timely(claims: jwt.JwtPayload, nowSeconds: number): boolean {
    const leeway = this.settings.leewaySeconds;
    if (typeof claims.exp === "number" && nowSeconds >= claims.exp + leeway) return false;
    if (typeof claims.nbf === "number" && nowSeconds + leeway < claims.nbf) return false;
    return true;
  }
}

/**
 * Introspection looks an opaque token up by its exact text (contract §1.5), so any change makes it
 * unknown. A JWT signature is base64url whose last character carries unused bits: change them
 * and it decodes to the same bytes and still verifies. Only the canonical spelling is the token
 * that was issued.
 */
function canonicalSignature(token: string): boolean {
  const signature = token.slice(token.lastIndexOf(".") + 1);
  return Buffer.from(signature, "base64url").toString("base64url") === signature;
}
