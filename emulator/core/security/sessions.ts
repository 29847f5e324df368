/**
 * The HTTP session a resource service creates as a side effect of a 401 (contract §1.5): before
 * the bearer entry point answers an anonymous request to a protected rule, Spring Security's
 * ExceptionTranslationFilter saves the request in the session (HttpSessionRequestCache), and Tomcat
 * answers with a `JSESSIONID` cookie. The request cache's default matcher saves only GETs that are
 * not favicons, not XMLHttpRequests and whose Accept does not take JSON or multipart/form-data
 * (or text/event-stream); a bare `*` / `*` is ignored, so curl's, Locust's and k6's defaults count.
 */
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { compatibleWith, parseAccept } from "../http/media-type.js";

const EXCLUDED = [
  ["application", "json"],
  ["multipart", "form-data"],
  ["text", "event-stream"],
] as const;

/** Would HttpSessionRequestCache save this request (and so create a session)? */
export function savesRequest(method: string, rawPath: string, headers: IncomingHttpHeaders): boolean {
  if (method !== "GET") return false;
  if (/\/favicon\.[^/]*$/.test(rawPath)) return false;
  if (headers["x-requested-with"] === "XMLHttpRequest") return false;
  // MediaTypeRequestMatcher ignores an exact `*` / `*` (no parameters, so quality 1); an Accept
  // it cannot parse matches nothing, so the request is saved.
  const requested = parseAccept(headers.accept).filter(
    (range) => !(range.type === "*" && range.subtype === "*" && range.q === 1),
  );
  return !EXCLUDED.some(([type, subtype]) => requested.some((range) => compatibleWith(range, type, subtype)));
}

const LIMIT = 10_000;

/** One service's sessions: a cookie it issued is known again; any other id gets a new session. */
export class HttpSessions {
  private readonly ids = new Set<string>();

  /** The `Set-Cookie` value for a new session, or undefined when the request already has one. */
  ensure(cookieHeader: string | undefined): string | undefined {
    for (const id of sessionIds(cookieHeader)) if (this.ids.has(id)) return undefined;
    if (this.ids.size >= LIMIT) this.ids.clear();
    // Tomcat's StandardSessionIdGenerator: 16 random bytes as upper-case hex.
    const id = randomBytes(16).toString("hex").toUpperCase();
    this.ids.add(id);
    return `JSESSIONID=${id}; Path=/; HttpOnly`;
  }
}

function sessionIds(cookieHeader: string | undefined): string[] {
  if (!cookieHeader) return [];
  const ids: string[] = [];
  for (const pair of cookieHeader.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === "JSESSIONID") ids.push(pair.slice(eq + 1).trim());
  }
  return ids;
}
