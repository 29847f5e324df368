/**
 * The error body shapes of contract §1.4, built exactly (key order included).
 */
import { formatBootTimestamp } from "../dto/dates.js";

/**
 * Spring 6.2's HttpStatus reason phrases for 4xx and 5xx (an injected fault may use any of them;
 * RFC 9110 names for 413 and 422 since 6.1, the old WebDAV drafts' 419–421 still listed).
 */
export const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Requested range not satisfiable",
  417: "Expectation Failed",
  418: "I'm a teapot",
  419: "Insufficient Space On Resource",
  420: "Method Failure",
  421: "Destination Locked",
  422: "Unprocessable Content",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version not supported",
  506: "Variant Also Negotiates",
  507: "Insufficient Storage",
  508: "Loop Detected",
  509: "Bandwidth Limit Exceeded",
  510: "Not Extended",
  511: "Network Authentication Required",
};

/** Boot's DefaultErrorAttributes: a status HttpStatus does not know is "Http Status N". */
export function reasonOf(status: number): string {
  return REASON[status] ?? `Http Status ${status}`;
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
