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
  const requested = requestedTypes(headers.accept);
  return !EXCLUDED.some(([type, subtype]) => requested.some((range) => compatible(range, type, subtype)));
}

interface Requested {
  type: string;
  subtype: string;
}

/** The Accept ranges MediaTypeRequestMatcher looks at: all of them except an exact `*` / `*`. */
function requestedTypes(accept: string | undefined): Requested[] {
  if (!accept) return [];
  const ranges: Requested[] = [];
  for (const part of accept.split(",")) {
    const [essence = "", ...params] = part.split(";");
    const [type = "", subtype = ""] = essence.trim().toLowerCase().split("/");
    if (!type || !subtype) continue;
    const bareAll = type === "*" && subtype === "*" && params.every((param) => param.trim() === "");
    if (!bareAll) ranges.push({ type, subtype });
  }
  return ranges;
}

/** MimeType.isCompatibleWith, for a concrete type on one side. */
function compatible(range: Requested, type: string, subtype: string): boolean {
  if (range.type === "*") return true;
  if (range.type !== type) return false;
  if (range.subtype === "*" || range.subtype === subtype) return true;
  return range.subtype.startsWith("*+") && range.subtype.slice(2) === subtype;
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
