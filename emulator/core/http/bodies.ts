/**
 * The error body shapes of contract §1.4, built exactly (key order included).
 */
import { formatBootTimestamp } from "../dto/dates.js";

export const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  408: "Request Timeout",
  413: "Content Too Large",
  429: "Too Many Requests",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function reasonOf(status: number): string {
  return REASON[status] ?? "Unknown";
}

/** BOOT: Boot's `/error` JSON, exactly four keys. */
export function bootBody(status: number, path: string, nowMs: number) {
  return { timestamp: formatBootTimestamp(nowMs), status, error: reasonOf(status), path };
}

/** PD: Spring's ProblemDetail; user-service adds `errorCode` after the standard keys. */
export function problemBody(status: number, title: string, detail: string, instance: string, extra = {}) {
  return { type: "about:blank", title, status, detail, instance, ...extra };
}

/** MC and TS: `{"status", "message"}` from the services' @ControllerAdvice. */
export function messageBody(status: number, message: string) {
  return { status, message };
}

/** Boot's HTML error page, for clients that ask for text/html. */
export function whitelabelPage(status: number, nowMs: number): string {
  const created = new Date(nowMs)
    .toUTCString()
    .replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, "$1 $3 $2 $5 UTC $4");
  return (
    "<html><body><h1>Whitelabel Error Page</h1>" +
    "<p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p>" +
    `<div id='created'>${created}</div>` +
    `<div>There was an unexpected error (type=${reasonOf(status)}, status=${status}).</div>` +
    "</body></html>"
  );
}
