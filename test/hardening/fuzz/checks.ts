/**
 * What the oracle knows about a request, and the checks every service's answers share: BOOT's
 * fields (contract §1.4), the bearer challenges (§1.5), and whether the client takes JSON.
 */
import type { RawResponse } from "../../helpers/raw-http.js";

export interface Sent {
  method: string;
  /** The path as the server saw it (bytes read as latin1), without the query. */
  rawPath: string;
  accept: string | undefined;
  /** Not valid HTTP: a bare 400 and a closed connection are the right answer. */
  flawed: boolean;
  /** Sent with an Origin other than the server's own (the control plane refuses its changes). */
  crossOrigin?: boolean;
}

export const REASONS: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
};

/** §1.5: the exact WWW-Authenticate values of Spring Security's bearer entry point. */
const ERROR_URI = 'error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';
export const CHALLENGES = {
  anonymous: "Bearer",
  malformed: `Bearer error="invalid_token", error_description="Bearer token is malformed", ${ERROR_URI}`,
  inactive: `Bearer error="invalid_token", error_description="Provided token isn't active", ${ERROR_URI}`,
  insufficientScope: `Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", ${ERROR_URI}`,
};

const MEDIA_RANGE = /^(\*|\*\/\*|[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+)$/;

/**
 * Whether a client with this Accept takes JSON; errors for one that does not go out empty. An
 * Accept Spring cannot parse at all (an element that is not `type/subtype`, `*\/json`) takes
 * nothing: every body written by content negotiation is dropped.
 */
export function takesJson(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  const elements = accept.split(",").filter((element) => element.trim() !== "");
  const unreadable = elements.some((element) => {
    const media = (element.split(";")[0] ?? "").trim();
    return !MEDIA_RANGE.test(media) || /^\*\/./.test(media.replace(/^\*\/\*$/, ""));
  });
  if (unreadable) return false;
  const ranges = elements.filter((range) => range.includes("/"));
  if (ranges.length === 0) return true;
  return ranges.some((range) => {
    const [type = "", ...params] = range.trim().toLowerCase().split(";");
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) return false;
    const media = type.trim();
    return [
      "*/*",
      "application/*",
      "application/json",
      "application/*+json",
      "application/problem+json",
    ].includes(media);
  });
}

export const BOOT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

/** BOOT's four fields must agree with the response and the request (contract §1.4). */
export function bootProblem(json: Record<string, unknown>, res: RawResponse, sent: Sent): string | undefined {
  if (json.status !== res.status) return `BOOT status ${String(json.status)} on a ${res.status}`;
  if (json.error !== REASONS[res.status]) return `BOOT error ${String(json.error)} for ${res.status}`;
  if (json.path !== sent.rawPath)
    return `BOOT path ${JSON.stringify(json.path)}, sent ${JSON.stringify(sent.rawPath)}`;
  if (typeof json.timestamp !== "string" || !BOOT_TIMESTAMP.test(json.timestamp)) return "BOOT timestamp";
  return undefined;
}
