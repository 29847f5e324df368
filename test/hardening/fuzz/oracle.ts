/**
 * The fuzzer's oracle: is this the kind of answer the contract gives, from this service, to this
 * request? It does not predict exact statuses (that is what the per-service tests do); it checks
 * that each status is one the service can answer, in that service's error shape (contract §1.4),
 * with its fields consistent with the request — and that a 5xx comes only where the contract
 * says the real service answers one.
 */
import type { RawResponse } from "../../helpers/raw-http.js";
import type { FuzzService } from "./operations.js";
import { classify, leak, type Classified, type Shape } from "./shapes.js";
import { bootProblem, type Sent } from "./checks.js";
import { resourceProblem } from "./resource-oracle.js";

function bareRefusal(res: RawResponse, sent: Sent): boolean {
  return sent.flawed && res.status === 400 && res.body.length === 0 && res.closed;
}

function authProblem(res: RawResponse, c: Classified, sent: Sent): string | undefined {
  const { status } = res;
  const allowed: Record<number, Shape[]> = {
    200: ["json", "html", "empty"],
    302: ["empty"],
    // An OAuth error, or the firewall's refusal (Tomcat and StrictHttpFirewall guard it too).
    400: ["oauthError", "boot", "whitelabel", "empty"],
    403: ["boot", "whitelabel", "empty"],
    404: ["boot", "whitelabel", "empty"],
    405: ["boot", "whitelabel", "empty"],
  };
  if (!allowed[status]?.includes(c.shape)) return `auth answered ${status} with a ${c.shape} body`;
  if (status === 302 && !res.headers.location) return "a redirect without Location";
  if (status === 405 && sent.method !== "TRACE") return `auth answered 405 to ${sent.method}`;
  if (c.shape === "boot") return bootProblem(c.json ?? {}, res, sent);
  return undefined;
}

function adminProblem(res: RawResponse, c: Classified, sent: Sent): string | undefined {
  const { status } = res;
  const refusedOrigin = status === 403 && sent.crossOrigin === true && !["GET", "HEAD"].includes(sent.method);
  if (status >= 500)
    return `the control plane answered ${status}: ${res.body.toString("utf8").slice(0, 200)}`;
  if (status < 300)
    return ["json", "html", "empty"].includes(c.shape) ? undefined : `admin ${status} ${c.shape}`;
  if (![400, 404, 405, 413, 415].includes(status) && !refusedOrigin)
    return `the control plane answered ${status}`;
  if (c.shape !== "errorOnly" && c.shape !== "adminError" && c.shape !== "empty")
    return `admin ${status} in a ${c.shape} body, not {"error": …}`;
  if (status === 405 && !res.headers.allow) return "admin 405 without Allow";
  return undefined;
}

/** Undefined when the answer is one the contract allows; else what is wrong with it. */
export function judge(service: FuzzService, sent: Sent, res: RawResponse): string | undefined {
  const leaked = leak(res.body);
  if (leaked) return leaked;
  if (bareRefusal(res, sent)) return undefined;
  const classified = sent.method === "HEAD" ? { shape: "empty" as const } : classify(res);
  if (sent.method === "HEAD" && res.body.length > 0) return "a body on a HEAD answer";
  if (classified.shape === "badJson") return "a JSON content type with a body that is not JSON";
  if (service === "auth") return authProblem(res, classified, sent);
  if (service === "admin") return adminProblem(res, classified, sent);
  return resourceProblem(service, sent, res, classified);
}
