/**
 * One exchange as a program saw it (raw headers, bytes, epoch time) → one recording line: offset
 * from the recording's start, allow-listed headers, secrets redacted, bodies encoded. Every
 * writer of recordings (emu start, emu proxy, replay, the HAR import) goes through here, so the
 * redaction rules hold for all of them.
 */
import { encodeBody } from "./body.js";
import {
  RECORDED_REQUEST_HEADERS,
  RECORDED_RESPONSE_HEADERS,
  type RecordedExchange,
  type RecordedHeaders,
  type RecordingService,
} from "./format.js";
import { isTokenPath, redactBodyText, redactHeader, redactQuery } from "./redact.js";

/** Headers as node:http gives them (an object) or as pairs in the order they were sent. */
export type HeaderInput =
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | Iterable<readonly [string, string]>;

export interface RawExchange {
  /** Epoch milliseconds at the request's arrival. */
  time: number;
  session: string;
  service: RecordingService;
  method: string;
  path: string;
  /** Raw query string without `?`. */
  query: string;
  requestHeaders: HeaderInput;
  requestBody: Buffer | Uint8Array | string | undefined;
  status: number;
  responseHeaders: HeaderInput;
  responseBody: Buffer | Uint8Array | string | undefined;
  /** The answer had a body that was not captured (a HAR without response content). */
  responseBodyMissing?: boolean;
  durationMs: number;
  fault?: string;
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

function pairsOf(input: HeaderInput): Array<readonly [string, string]> {
  if (Symbol.iterator in input) return [...(input as Iterable<readonly [string, string]>)];
  const pairs: Array<readonly [string, string]> = [];
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) pairs.push([name, v]);
    else pairs.push([name, String(value)]);
  }
  return pairs;
}

/** The allow-listed headers, lower-case, redacted; a repeated header becomes an array. */
export function recordHeaders(input: HeaderInput, allowList: readonly string[]): RecordedHeaders {
  const headers: RecordedHeaders = {};
  for (const [rawName, value] of pairsOf(input)) {
    const name = rawName.toLowerCase();
    if (!allowList.includes(name)) continue;
    const redacted = redactHeader(name, value);
    const previous = headers[name];
    if (previous === undefined) headers[name] = redacted;
    else headers[name] = Array.isArray(previous) ? [...previous, redacted] : [previous, redacted];
  }
  return headers;
}

function firstHeader(headers: RecordedHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function recordBody(
  body: RawExchange["requestBody"],
  tokenPath: boolean,
  contentType: string | undefined,
): { body: string | null; encoding?: "base64" } {
  const encoded = encodeBody(body);
  if (encoded.body === null || encoded.encoding) return encoded;
  return { body: redactBodyText(encoded.body, tokenPath, contentType) };
}

export function captureExchange(raw: RawExchange, startedAtMs: number): RecordedExchange {
  const tokenPath = isTokenPath(raw.path);
  const requestHeaders = recordHeaders(raw.requestHeaders, RECORDED_REQUEST_HEADERS);
  const responseHeaders = recordHeaders(raw.responseHeaders, RECORDED_RESPONSE_HEADERS);
  const request = recordBody(raw.requestBody, tokenPath, firstHeader(requestHeaders, "content-type"));
  const response = recordBody(raw.responseBody, tokenPath, firstHeader(responseHeaders, "content-type"));
  const exchange: RecordedExchange = {
    t: round3(Math.max(0, raw.time - startedAtMs)),
    session: raw.session,
    service: raw.service,
    method: raw.method,
    path: raw.path,
    query: redactQuery(raw.query),
    requestHeaders,
    requestBody: request.body,
    ...(request.encoding ? { requestBodyEncoding: request.encoding } : {}),
    status: raw.status,
    responseHeaders,
    responseBody: response.body,
    ...(response.encoding ? { responseBodyEncoding: response.encoding } : {}),
    ...(raw.responseBodyMissing && response.body === null ? { responseBodyMissing: true as const } : {}),
    durationMs: round3(raw.durationMs),
    ...(raw.fault ? { fault: raw.fault } : {}),
  };
  return exchange;
}
