/**
 * How one recorded exchange is sent to the target and how its answer is judged. The recording
 * is the expectation: a 4xx it also got is what the client asked for then (a lookup of something
 * missing, a refused duplicate), not a failure of the target; every 5xx is.
 */
import { bodyText, REDACTED, type RecordedExchange } from "../../../common/recording/index.js";
import type { Answer } from "../../engine/scenario.js";
import { statusReason } from "../../engine/session.js";
import { matchRoute, shiftBodyDates } from "../../recording/index.js";

/** Headers of the recorded request kept for sending, beside `authorization`. */
const SENT_AS_RECORDED = [
  "content-type",
  "accept",
  "origin",
  "access-control-request-method",
  "access-control-request-headers",
];

function isRedactedBearer(value: string): boolean {
  return /^bearer\s+(.*)$/i.exec(value)?.[1] === REDACTED;
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The recorded request's own headers, with the target's token where the recording has
 * `Bearer <redacted>` (tokens are fetched for the target, never replayed). A request recorded
 * without a token goes without one; cookies are not sent, their values were never recorded.
 */
export function targetHeaders(exchange: RecordedExchange, token: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of SENT_AS_RECORDED) {
    const value = joined(exchange.requestHeaders[name]);
    if (value !== undefined) headers[name] = value;
  }
  const authorization = joined(exchange.requestHeaders.authorization);
  if (authorization !== undefined)
    headers.authorization = isRedactedBearer(authorization) ? `Bearer ${token}` : authorization;
  return headers;
}

function hasIntegerId(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const id: unknown = (JSON.parse(text) as { id?: unknown } | null)?.id;
    return Number.isInteger(id);
  } catch {
    return false;
  }
}

/** Whether the recorded answer created an entity whose id later requests of the session may use. */
export function createsId(exchange: RecordedExchange): boolean {
  if (exchange.status < 200 || exchange.status >= 300) return false;
  const entry = matchRoute(exchange.service, exchange.method, exchange.path)?.entry;
  if (!entry?.creates || entry.method !== exchange.method) return false;
  return hasIntegerId(bodyText(exchange.responseBody, exchange.responseBodyEncoding));
}

/**
 * The failure reason of an answer to a replayed exchange, or null for a success: a 5xx, a 4xx
 * the recording did not get, or a create whose 2xx answer brought no id (as for generated
 * traffic: the session cannot go on with what it created).
 */
export function judgeAnswer(exchange: RecordedExchange, answer: Answer): string | null {
  const { status } = answer;
  if (status >= 500 || (status >= 400 && status !== exchange.status))
    return statusReason(status, answer.body);
  if (status >= 200 && status < 300 && createsId(exchange) && !hasIntegerId(answer.body))
    return `HTTP ${status} with an unexpected body`;
  return null;
}

/**
 * The body to send: the rewritten text with its dates moved by `shiftDays` (shift-dates.ts), or
 * the recorded bytes of a body that is not text.
 */
export function requestBodyOf(
  exchange: RecordedExchange,
  rewritten: string | null,
  shiftDays: number,
): string | Buffer | undefined {
  if (rewritten === null) return undefined;
  if (exchange.requestBodyEncoding === "base64") return Buffer.from(rewritten, "base64");
  return shiftBodyDates(rewritten, shiftDays);
}
