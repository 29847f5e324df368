/**
 * The recording format shared by the emulator (which writes it) and the replayer (which reads
 * it): JSON lines, a header line, then one exchange per line. recordings/README.md is its
 * documentation; the two must change together, and any change a version-1 reader would
 * misunderstand needs a new version.
 */

export const RECORDING_FORMAT = "soundcheck-recording";
export const RECORDING_VERSION = 1;

export const RECORDING_SERVICES = ["auth", "users", "bands", "catalog", "tours"] as const;
export type RecordingService = (typeof RECORDING_SERVICES)[number];

export const RECORDING_SOURCES = ["emu", "proxy", "replay", "har"] as const;
export type RecordingSource = (typeof RECORDING_SOURCES)[number];

export function isRecordingService(value: unknown): value is RecordingService {
  return (RECORDING_SERVICES as readonly unknown[]).includes(value);
}

export interface RecordingHeader {
  format: typeof RECORDING_FORMAT;
  version: number;
  /** ISO-8601 instant the recording started; every exchange's `t` counts from it. */
  createdAt: string;
  source: RecordingSource;
  /** Base URL per service the traffic went to (the proxy's upstreams), when known. */
  services?: Partial<Record<RecordingService, string>>;
  /** Free text: what was recorded, by whom, against what. */
  note?: string;
}

/** A header or body as recorded: lower-case names; a header sent more than once is an array. */
export type RecordedHeaders = Record<string, string | string[]>;

export interface RecordedExchange {
  /** Milliseconds from `createdAt` to the request's arrival. */
  t: number;
  /** Which user or client the exchange belongs to (see README: session keys). */
  session: string;
  service: RecordingService;
  method: string;
  /** The raw path as sent, without the query. */
  path: string;
  /** The raw query string as sent, without `?`: repeats, order and percent-encoding kept. */
  query: string;
  requestHeaders: RecordedHeaders;
  /** null when the request had no body (or it was never read). */
  requestBody: string | null;
  /** Present when `requestBody` holds base64 because the bytes are not UTF-8 text. */
  requestBodyEncoding?: "base64";
  /** 0 when no HTTP answer was given (the connection was cut); `fault` says why. */
  status: number;
  responseHeaders: RecordedHeaders;
  responseBody: string | null;
  responseBodyEncoding?: "base64";
  /**
   * Present when the answer had a body that was not captured (a HAR exported without response
   * content): `responseBody` is then null and says nothing about the answer's body.
   */
  responseBodyMissing?: true;
  durationMs: number;
  /** A fault injected by the emulator, or why the proxy could not answer normally. */
  fault?: string;
}

/** Request headers worth keeping: what changes how a service answers. Everything else is dropped. */
export const RECORDED_REQUEST_HEADERS: readonly string[] = [
  "content-type",
  "accept",
  "authorization",
  "cookie",
  "origin",
  "access-control-request-method",
  "access-control-request-headers",
];

/** Response headers worth keeping: what a client reads besides the body. */
export const RECORDED_RESPONSE_HEADERS: readonly string[] = [
  "content-type",
  "location",
  "allow",
  "www-authenticate",
  "set-cookie",
  "accept",
  "accept-patch",
];

/** What stands in for a secret: a credential, a cookie value, a token in a body. */
export const REDACTED = "<redacted>";
