/**
 * The security filter chain of a resource service, in its order (contract §1.5): CSRF for writes,
 * then the bearer token, then the first matching authorization rule.
 */
import type { IncomingHttpHeaders } from "node:http";
import { bootReply, type ErrorContext } from "../http/error-styles.js";
import { empty, type Reply } from "../http/reply.js";
import type { Principal } from "../routing/route.js";
import { CHALLENGE, resolveBearer } from "./bearer.js";
import { firstMatch, type CompiledRule } from "./rules.js";
import { savesRequest, type HttpSessions } from "./sessions.js";
import type { TokenAuthority } from "./tokens.js";

const CSRF_CHECKED = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type SecurityOutcome = { reply: Reply } | { principal: Principal | undefined };

function challenge(status: 401 | 403, value: string): { reply: Reply } {
  return { reply: empty(status, [["WWW-Authenticate", value]]) };
}

export function checkSecurity(
  method: string,
  segments: readonly string[],
  headers: IncomingHttpHeaders,
  rules: readonly CompiledRule[],
  tokens: TokenAuthority,
  context: ErrorContext,
  sessions?: HttpSessions,
): SecurityOutcome {
  const bearer = resolveBearer(headers.authorization);
  // A write is exempt from CSRF only when it carries a parseable bearer token.
  if (CSRF_CHECKED.has(method) && bearer.kind !== "token") return csrfRejected(headers, context, sessions);
  let principal: Principal | undefined;
  if (bearer.kind === "malformed") return challenge(401, CHALLENGE.malformed);
  if (bearer.kind === "token") {
    principal = tokens.verify(bearer.token);
    if (!principal) return challenge(401, CHALLENGE.inactive);
  }
  const rule = firstMatch(rules, method, segments);
  if (rule) {
    if (!principal) return anonymous(method, headers, context, sessions);
    const granted = principal.scopes;
    if (!rule.anyOf.some((scope) => granted.has(scope))) return challenge(403, CHALLENGE.insufficientScope);
  }
  return { principal };
}

/**
 * The CSRF 403. Before it compares the tokens, CsrfFilter loads the expected one; a request
 * without a session has none, so HttpSessionCsrfTokenRepository generates one and saves it in a
 * new session: Tomcat sets a `JSESSIONID` cookie on the 403 (none when the request brings a
 * session the service knows).
 */
function csrfRejected(
  headers: IncomingHttpHeaders,
  context: ErrorContext,
  sessions: HttpSessions | undefined,
): { reply: Reply } {
  const cookie = sessions?.ensure(headers.cookie);
  return { reply: bootReply(403, context, cookie ? [["Set-Cookie", cookie]] : undefined) };
}

/** The 401 for an anonymous request, after the request cache may have opened a session. */
function anonymous(
  method: string,
  headers: IncomingHttpHeaders,
  context: ErrorContext,
  sessions: HttpSessions | undefined,
): { reply: Reply } {
  const cookie =
    sessions && savesRequest(method, context.rawPath, headers) ? sessions.ensure(headers.cookie) : undefined;
  if (!cookie) return challenge(401, CHALLENGE.anonymous);
  return {
    reply: empty(401, [
      ["WWW-Authenticate", CHALLENGE.anonymous],
      ["Set-Cookie", cookie],
    ]),
  };
}
