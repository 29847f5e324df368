/**
 * Checks one parsed line of a recording against the format, returning the first problem in
 * words ("status" must be an integer…) or the typed value. The reader adds file and line.
 */
import {
  RECORDING_FORMAT,
  RECORDING_SOURCES,
  RECORDING_VERSION,
  isRecordingService,
  type RecordedExchange,
  type RecordingHeader,
} from "./format.js";

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function checkHeader(value: unknown): Checked<RecordingHeader> {
  if (!isObject(value) || value.format !== RECORDING_FORMAT)
    return {
      ok: false,
      problem: `not a soundcheck recording (the first line must be the header {"format":"${RECORDING_FORMAT}","version":${RECORDING_VERSION},…})`,
    };
  if (value.version !== RECORDING_VERSION)
    return {
      ok: false,
      problem: `unknown format version ${show(value.version)} (this soundcheck reads version ${RECORDING_VERSION})`,
    };
  if (typeof value.createdAt !== "string" || Number.isNaN(Date.parse(value.createdAt)))
    return { ok: false, problem: `"createdAt" must be an ISO-8601 instant (got ${show(value.createdAt)})` };
  if (!(RECORDING_SOURCES as readonly unknown[]).includes(value.source))
    return {
      ok: false,
      problem: `"source" must be one of ${RECORDING_SOURCES.join(", ")} (got ${show(value.source)})`,
    };
  return { ok: true, value: value as unknown as RecordingHeader };
}

type FieldCheck = (v: unknown) => boolean;

const isString: FieldCheck = (v) => typeof v === "string";
const isMs: FieldCheck = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isBody: FieldCheck = (v) => v === null || typeof v === "string";
const isEncoding: FieldCheck = (v) => v === undefined || v === "base64";
const isHeaders: FieldCheck = (v) =>
  isObject(v) &&
  Object.values(v).every((h) => typeof h === "string" || (Array.isArray(h) && h.every(isString)));

/** Each field with its rule, in line order; the first failing one is the problem reported. */
const FIELDS: ReadonlyArray<readonly [keyof RecordedExchange, FieldCheck, string]> = [
  ["t", isMs, "a number of milliseconds ≥ 0"],
  ["session", isString, "a string"],
  ["service", isRecordingService, "one of auth, users, bands, catalog, tours"],
  ["method", (v) => typeof v === "string" && /^[A-Z]+$/.test(v), "an upper-case HTTP method"],
  ["path", (v) => typeof v === "string" && v.startsWith("/"), "a path starting with /"],
  ["query", isString, "a string (the raw query, empty for none)"],
  ["requestHeaders", isHeaders, "an object of header strings"],
  ["requestBody", isBody, "a string or null"],
  ["requestBodyEncoding", isEncoding, '"base64" or absent'],
  ["status", (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 999, "an integer status"],
  ["responseHeaders", isHeaders, "an object of header strings"],
  ["responseBody", isBody, "a string or null"],
  ["responseBodyEncoding", isEncoding, '"base64" or absent'],
  ["responseBodyMissing", (v) => v === undefined || v === true, "true or absent"],
  ["durationMs", isMs, "a number of milliseconds ≥ 0"],
  ["fault", (v) => v === undefined || typeof v === "string", "a string or absent"],
];

export function checkExchange(value: unknown): Checked<RecordedExchange> {
  if (!isObject(value))
    return { ok: false, problem: `an exchange must be a JSON object (got ${show(value)})` };
  if (value.format === RECORDING_FORMAT) return { ok: false, problem: "a second header line" };
  for (const [field, check, expected] of FIELDS) {
    if (!check(value[field]))
      return { ok: false, problem: `"${field}" must be ${expected} (got ${show(value[field])})` };
  }
  return { ok: true, value: value as unknown as RecordedExchange };
}
