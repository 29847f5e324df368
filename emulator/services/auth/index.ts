/**
 * The token service on 8084. The real auth-service is an OIDC client that needs a browser login
 * at MUNI (contract §2); the emulator hands out tokens without one: `GET /token` in the real
 * shape, plus the standard endpoints clients and real resource servers expect (client-credentials
 * `POST /token`, discovery, JWKS, RFC 7662 introspection). Everything else answers like the real
 * service does to a visitor who is not logged in: a redirect to the login.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { serviceApp, type ServiceApp } from "../../core/service-app.js";
import { parseDuration } from "../../../common/duration.js";
import type { Clock } from "../../core/clock.js";
import { exchangeOf, type ExchangeObserver } from "../../core/exchange.js";
import { bootReply, type ErrorContext } from "../../core/http/error-styles.js";
import { deliver } from "../../core/http/deliver.js";
import { prefersHtml, parseAccept } from "../../core/http/media-type.js";
import { readBody } from "../../core/http/read-body.js";
import { empty, json, type Reply } from "../../core/http/reply.js";
import { parseParameters, type Parameters } from "../../core/routing/query.js";
import { refuse } from "../../core/security/firewall.js";
import { savesRequest } from "../../core/security/sessions.js";
import type { TokenAuthority } from "../../core/security/tokens.js";
import type { Strain } from "../../core/strain.js";
import type { Telemetry } from "../../core/telemetry.js";
import { javaSetString, javaZonedDateTime } from "./java-time.js";
import { listedScopes, requestedScopes, TEST_SCOPES } from "./scopes.js";

export interface AuthServiceContext {
  clock: Clock;
  tokens: TokenAuthority;
  telemetry: Telemetry;
  strain: Strain;
  maxBodyBytes: number;
  observe?: ExchangeObserver;
}

interface AuthRequest {
  req: IncomingMessage;
  query: Parameters;
  host: string;
  errorContext: ErrorContext;
}

const SERVICE = "auth";
const CSRF_CHECKED = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const KNOWN_PATHS = new Set([
  "/token",
  "/introspect",
  "/.well-known/openid-configuration",
  "/.well-known/jwks.json",
  "/oauth2/authorization/muni",
  "/login",
  "/",
]);

function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description });
}

/** The last instant Java's ZonedDateTime and JavaScript's Date both print with a four-digit year. */
const LAST_SECOND = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/**
 * `?ttl=` / `?nbf=` from now, in seconds (`3600`, `-60` for an already expired token) or as a
 * duration (`10m`); an error text for anything else. The instant must be a date Java can print:
 * beyond it `expiresAt` read `0NaN-NaN-…` and the token's `exp` became null.
 */
function offsetSeconds(name: string, text: string, nowSeconds: number): number | string {
  let seconds: number;
  if (/^-?\d+$/.test(text.trim())) {
    seconds = Number(text.trim());
  } else {
    const ms = parseDuration(text, "s");
    if (ms === undefined) return `${name}: not a duration '${text}'`;
    seconds = Math.round(ms / 1000);
  }
  const at = nowSeconds + seconds;
  if (!(at >= 0 && at <= LAST_SECOND))
    return `${name}: out of range '${text}' (the instant must fall in the years 1970 to 9999)`;
  return seconds;
}

function first(params: Parameters, name: string): string | undefined {
  return params.get(name)?.[0];
}

async function formOf(req: IncomingMessage, limit: number): Promise<Parameters> {
  const body = await readBody(req, limit);
  return parseParameters(body.toString("utf8"));
}

export function createAuthService(context: AuthServiceContext): ServiceApp {
  const { tokens, clock } = context;

  function issueFromQuery(params: Parameters): Reply {
    const scope = requestedScopes(first(params, "scope"));
    if (!scope.ok) return oauthError(400, "invalid_scope", `Unknown scope: ${scope.unknown.join(" ")}`);
    const nowSeconds = Math.floor(clock.now() / 1000);
    const ttlText = first(params, "ttl");
    const ttl = ttlText === undefined ? tokens.defaultTtlSeconds : offsetSeconds("ttl", ttlText, nowSeconds);
    if (typeof ttl === "string") return oauthError(400, "invalid_request", ttl);
    const nbfText = first(params, "nbf");
    const notBefore = nbfText === undefined ? undefined : offsetSeconds("nbf", nbfText, nowSeconds);
    if (typeof notBefore === "string") return oauthError(400, "invalid_request", notBefore);
    const issued = tokens.issue({
      scopes: scope.scopes,
      ttlSeconds: ttl,
      notBeforeSeconds: notBefore,
      subject: first(params, "sub"),
    });
    return json(200, {
      accessToken: issued.token,
      expiresAt: javaZonedDateTime(issued.claims.exp * 1000),
      scopes: javaSetString(listedScopes(scope.scopes)),
    });
  }

  async function clientCredentials(request: AuthRequest): Promise<Reply> {
    const form = await formOf(request.req, context.maxBodyBytes);
    const grant = first(form, "grant_type");
    if (grant === undefined) return oauthError(400, "invalid_request", "Missing grant_type");
    if (grant !== "client_credentials")
      return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${grant}`);
    const scope = requestedScopes(first(form, "scope"));
    if (!scope.ok) return oauthError(400, "invalid_scope", `Unknown scope: ${scope.unknown.join(" ")}`);
    const clientId = first(form, "client_id") ?? basicUser(request.req.headers.authorization) ?? "soundcheck";
    const issued = tokens.issue({ scopes: scope.scopes, clientId, subject: clientId });
    return json(200, {
      access_token: issued.token,
      token_type: "Bearer",
      expires_in: issued.claims.exp - issued.claims.iat,
      scope: issued.claims.scope,
    });
  }

  async function introspect(request: AuthRequest): Promise<Reply> {
    const form = await formOf(request.req, context.maxBodyBytes);
    const token = first(form, "token");
    if (token === undefined) return oauthError(400, "invalid_request", "Missing token");
    return json(200, tokens.introspect(token));
  }

  function discovery(): Reply {
    const issuer = tokens.issuer;
    return json(200, {
      issuer,
      token_endpoint: `${issuer}/token`,
      introspection_endpoint: `${issuer}/introspect`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      grant_types_supported: ["client_credentials"],
      response_types_supported: ["token"],
      scopes_supported: ["openid", "profile", ...TEST_SCOPES],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
      introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      claims_supported: ["sub", "iss", "iat", "exp", "nbf", "jti", "scope", "client_id"],
    });
  }

  function toLogin(host: string, withSession: boolean): Reply {
    return redirect(`http://${host}/oauth2/authorization/muni`, withSession);
  }

  function toIdentityProvider(host: string): Reply {
    const state = randomBytes(24).toString("base64url");
    const nonce = randomBytes(24).toString("base64url");
    const redirectUri = `http://${host}/login/oauth2/code/muni`;
    return redirect(
      `https://id.muni.cz/oidc/authorize?response_type=code&client_id=soundcheck&scope=openid%20profile%20test_1%20test_2%20test_3&state=${state}&redirect_uri=${redirectUri}&nonce=${nonce}`,
      false,
    );
  }

  async function route(method: string, path: string, request: AuthRequest): Promise<Reply> {
    // Tomcat and Spring Security's firewall stand in front of this service too.
    const refusal = refuse(method, path);
    if (refusal)
      return bootReply(
        refusal.status,
        request.errorContext,
        refusal.allow ? [["Allow", refusal.allow]] : undefined,
      );
    const key = `${method === "HEAD" ? "GET" : method} ${path}`;
    switch (key) {
      case "GET /token":
        return issueFromQuery(request.query);
      case "POST /token":
        return clientCredentials(request);
      case "POST /introspect":
        return introspect(request);
      case "GET /.well-known/openid-configuration":
        return discovery();
      case "GET /.well-known/jwks.json":
        return json(200, tokens.jwks());
      case "GET /oauth2/authorization/muni":
        return toIdentityProvider(request.host);
      case "GET /login":
        return {
          status: 200,
          contentType: "text/html;charset=UTF-8",
          body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Please sign in</title></head><body><h2>Login with OAuth 2.0</h2><table class="table table-striped"><tr><td><a href="/oauth2/authorization/muni">MUNI Unified Login</a></td></tr></table></body></html>',
        };
      default:
        // Writes need the session's XSRF-TOKEN; a visitor without a session has none.
        if (CSRF_CHECKED.has(method)) return bootReply(403, request.errorContext);
        // permitAll, but nothing serves them: the static-resource handler's 404.
        if (path === "/" || path.startsWith("/swagger-ui/") || path.startsWith("/v3/api-docs"))
          return bootReply(404, request.errorContext);
        // Any other method (GET, HEAD, OPTIONS) of a visitor goes to the login; only a GET the
        // request cache saves opens the session that carries it back.
        return toLogin(request.host, savesRequest(method, path, request.req.headers));
    }
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrival = performance.now();
    const nowMs = clock.now();
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const host = req.headers.host ?? "localhost:8084";
    const errorContext: ErrorContext = {
      method,
      rawPath: path,
      nowMs,
      wantsHtml: prefersHtml(parseAccept(req.headers.accept)),
    };
    const plan = context.strain.plan({
      service: SERVICE,
      method,
      route: KNOWN_PATHS.has(path) ? path : undefined,
    });
    context.strain.enter?.(SERVICE);
    let reply: Reply;
    try {
      reply = await route(method, path, {
        req,
        query: parseParameters(q < 0 ? "" : url.slice(q + 1)),
        host,
        errorContext,
      });
    } catch {
      reply = oauthError(400, "invalid_request", "The request body could not be read");
    }
    if (plan?.fault?.kind === "status") reply = bootReply(plan.fault.status, errorContext);
    if (!req.readableEnded) req.resume();
    deliver(res, reply, plan, arrival, (delivered) => {
      context.strain.leave?.(SERVICE);
      const durationMs = performance.now() - arrival;
      const query = q < 0 ? "" : url.slice(q + 1);
      context.observe?.(
        exchangeOf(req, {
          time: nowMs,
          service: SERVICE,
          method,
          path,
          query,
          reply,
          status: delivered.status,
          durationMs,
          fault: delivered.fault,
        }),
      );
      context.telemetry.record({
        time: nowMs,
        service: SERVICE,
        method,
        path,
        route: KNOWN_PATHS.has(path) ? path : "UNKNOWN",
        status: delivered.status,
        durationMs,
        delayMs: plan?.delayMs ?? 0,
        fault: delivered.fault,
        bytes: delivered.bytes,
      });
    });
  }

  return serviceApp((req, res) => void dispatch(req, res), [...KNOWN_PATHS]);
}

function redirect(location: string, withSession: boolean): Reply {
  const headers: [string, string][] = [["Location", location]];
  if (withSession)
    headers.push([
      "Set-Cookie",
      `JSESSIONID=${randomBytes(16).toString("hex").toUpperCase()}; Path=/; HttpOnly`,
    ]);
  return empty(302, headers);
}

/**
 * The client id of HTTP Basic client authentication. RFC 6749 §2.3.1 form-urlencodes the id before
 * it is base64-encoded (Spring's client does: `my client` is sent as `my+client`); an id that is
 * not valid form encoding is taken as it stands.
 */
function basicUser(header: string | undefined): string | undefined {
  if (!header?.toLowerCase().startsWith("basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  const id = decoded.slice(0, colon);
  try {
    return decodeURIComponent(id.replaceAll("+", " "));
  } catch {
    return id;
  }
}
