/**
 * The four resource services' answers, per status and shape (contract §1.4–§1.9, §3–§6).
 * user- and band-service answer framework errors with BOOT and business errors with PD, and a
 * 500 only where an unhandled exception is in the contract; music-catalog and tour-service turn
 * nearly every framework error into their catch-all 500 (§1.7), with a message of a known kind.
 */
import type { RawResponse } from "../../helpers/raw-http.js";
import type { FuzzService } from "./operations.js";
import { bootProblem, CHALLENGES, takesJson, type Sent } from "./checks.js";
import type { Classified, Shape } from "./shapes.js";

/**
 * Where user- and band-service answer 500 BOOT: unhandled exceptions the contract names —
 * password missing or over 72 bytes, a username or email another user has, VARCHAR(255) and NOT
 * NULL columns (§3.2, §3.3, Q9), link/unlink conflicts (Q10), a null in a band-id list (the
 * element column of a Set is part of its key), PATCH band with nulls (Q12), two bands of one
 * name, two mirrored pending offers (§4.3).
 */
const UNHANDLED_500: Record<string, RegExp[]> = {
  users: [
    /^POST \/api\/(artists|managers)$/,
    /^PUT \/api\/(artists|managers)\/[^/]+$/,
    /^PATCH \/api\/artists\/(link|unlink)\/[^/]+\/[^/]+$/,
    /^PATCH \/api\/(artists|managers)\/bands\/[^/]+$/,
  ],
  bands: [/^POST \/api\/bands$/, /^PATCH \/api\/bands\/[^/]+$/, /^POST \/api\/bands\/offers$/],
};

/** The exception messages music-catalog's and tour-service's catch-all prints (§1.4, §10.4). */
const CATCH_ALL =
  /^An unexpected error occurred: (No static resource |Request method '|Content-Type '|Required request body is missing: |JSON parse error: |Method parameter '|Required request parameter '|No acceptable representation|could not execute statement \[|Row was updated or deleted by another transaction|detached entity passed to persist: |A collection with cascade="all-delete-orphan")/;

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function allowedShapes(service: FuzzService, status: number, sent: Sent): Shape[] {
  const boot = service === "users" || service === "bands";
  // Boot's Whitelabel page replaces a JSON error for a client that names text/html (§1.4).
  const html: Shape[] = status >= 400 && /text\/html/i.test(sent.accept ?? "") ? ["whitelabel"] : [];
  if (status < 300) return ["json", "text", "empty"];
  if (status === 302) return ["empty"];
  if (status === 401) return ["empty"];
  if (status === 403) return ["empty", "boot", "whitelabel"];
  if (boot) {
    if ([400, 404, 405, 406, 413, 415, 500].includes(status))
      return ["boot", "whitelabel", "problem", "empty"];
    if (status === 409 && service === "users") return ["problem", "empty"];
    return [];
  }
  if (status === 400)
    return [
      ...html,
      "message",
      "fieldMap",
      "boot",
      "whitelabel",
      "empty",
      ...(service === "tours" ? (["errorOnly"] as Shape[]) : []),
    ];
  if (status === 404) return [...html, "message", "empty"];
  if (status === 405) return ["boot", "whitelabel", "empty"];
  if (status === 413) return [...html, "message", "empty"];
  if (status === 500) return [...html, "message", "empty"];
  return [];
}

export function resourceProblem(
  service: FuzzService,
  sent: Sent,
  res: RawResponse,
  c: Classified,
): string | undefined {
  const { status } = res;
  const route = `${sent.method} ${decoded(sent.rawPath)}`;
  if (res.headers["x-content-type-options"] !== "nosniff") return "no Spring Security headers (§1.8)";
  if (status === 503)
    return /^\/actuator\/health/.test(sent.rawPath) ? undefined : "a 503 outside the health endpoint";
  const allowed = allowedShapes(service, status, sent);
  // A HEAD answer has no body to judge: only its status and headers.
  const head = sent.method === "HEAD";
  if (head ? allowed.length === 0 : !allowed.includes(c.shape))
    return `${service} answered ${status} with a ${c.shape} body`;
  if (
    status === 500 &&
    (service === "users" || service === "bands") &&
    !UNHANDLED_500[service]?.some((r) => r.test(route))
  )
    return `${service} answered 500 where the contract has no unhandled exception`;
  if (status === 401) {
    const value = res.headers["www-authenticate"];
    if (![CHALLENGES.anonymous, CHALLENGES.malformed, CHALLENGES.inactive].includes(value ?? ""))
      return `401 with WWW-Authenticate ${JSON.stringify(value)}`;
  }
  if (head) return undefined;
  if (status === 403 && c.shape === "empty") {
    const challenge = res.headers["www-authenticate"];
    const scopeRefusal = challenge === CHALLENGES.insufficientScope;
    // A CSRF refusal is BOOT, which goes out empty to a client that does not take JSON.
    if (!scopeRefusal && (challenge !== undefined || takesJson(sent.accept)))
      return `403 without a body and WWW-Authenticate ${JSON.stringify(challenge)}`;
  }
  if (status >= 400 && status !== 401 && status !== 403 && c.shape === "empty") {
    // §6.3: a successful city-visit delete answers 404 without a body, and so do the actuator's
    // endpoints for an unknown component or metric (§1.9); a 406 has none (§1.7).
    const emptyByContract =
      (status === 404 &&
        (/^DELETE \/api\/cityVisits\/[^/]+$/.test(route) || /^GET \/actuator\//.test(route))) ||
      status === 406;
    if (!emptyByContract && takesJson(sent.accept))
      return `${status} with an empty body to a client that takes JSON`;
  }
  if (status === 302 && !res.headers.location) return "a redirect without Location";
  if (c.shape === "boot") return bootProblem(c.json ?? {}, res, sent);
  if (c.shape === "problem") return problemProblem(service, c.json ?? {}, res, sent);
  if (c.shape === "message") {
    if (c.json?.status !== status) return `{status,message} says ${String(c.json?.status)} on a ${status}`;
    if (status === 500 && !CATCH_ALL.test(String(c.json.message)))
      return `catch-all message of an unknown kind: ${String(c.json.message).slice(0, 200)}`;
  }
  if (
    (status === 405 || status === 415) &&
    (service === "users" || service === "bands") &&
    c.shape !== "empty"
  ) {
    if (status === 405 && !res.headers.allow) return "405 without Allow";
    if (status === 415 && res.headers.accept !== "application/json, application/*+json")
      return "415 without Accept";
  }
  return undefined;
}

function problemProblem(
  service: FuzzService,
  json: Record<string, unknown>,
  res: RawResponse,
  sent: Sent,
): string | undefined {
  if (service !== "users" && service !== "bands") return `a ProblemDetail from ${service}`;
  if (json.type !== "about:blank" || json.status !== res.status || json.instance !== sent.rawPath)
    return `ProblemDetail fields disagree with the request: ${JSON.stringify(json)}`;
  const extra = Object.keys(json).slice(5);
  const expected = service === "users" ? ["errorCode"] : [];
  if (extra.join() !== expected.join())
    return `ProblemDetail extras ${extra.join()} (expected ${expected.join() || "none"})`;
  return undefined;
}
