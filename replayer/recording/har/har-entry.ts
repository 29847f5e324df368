/**
 * One HAR 1.2 entry → one exchange as seen on the wire, tolerating what browsers and proxies
 * really write: HTTP/2 pseudo-headers (`:method`, `:authority`, `:path`, `:scheme`) are dropped,
 * base64 response bodies decoded, a body without a MIME type or on a GET kept as it is. An entry
 * that cannot be read is a problem in words; the import skips it and goes on.
 */
import type { RawExchange } from "../../../common/recording/index.js";
import { parseRawUrl } from "./raw-url.js";
import type { ServiceResolver } from "./service-map.js";

export type EntryOutcome =
  | { kind: "exchange"; exchange: Omit<RawExchange, "session">; session: string }
  | { kind: "other-host"; host: string }
  | { kind: "broken"; problem: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function headerPairs(list: unknown): Array<[string, string]> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((h: unknown) =>
    isObject(h) && typeof h.name === "string" && typeof h.value === "string" && !h.name.startsWith(":")
      ? [[h.name, h.value] as [string, string]]
      : [],
  );
}

function requestBody(postData: unknown): string | Buffer | undefined {
  if (!isObject(postData)) return undefined;
  if (typeof postData.text === "string") {
    // Not in HAR 1.2, but some proxies mark binary request bodies the way responses are marked.
    return postData.encoding === "base64" ? Buffer.from(postData.text, "base64") : postData.text;
  }
  if (Array.isArray(postData.params))
    return postData.params
      .filter(isObject)
      .map((p) => `${encodeURIComponent(String(p.name ?? ""))}=${encodeURIComponent(String(p.value ?? ""))}`)
      .join("&");
  return undefined;
}

function responseBody(content: unknown): string | Buffer | undefined {
  if (!isObject(content) || typeof content.text !== "string") return undefined;
  return content.encoding === "base64" ? Buffer.from(content.text, "base64") : content.text;
}

/**
 * An answer whose body the HAR does not hold although it had one: browsers export a response
 * without `content.text` when its body was not kept (Chrome for large or evicted bodies, or
 * when a HAR is exported "sanitized"), with its real `size` or `-1`. Only a size of 0, a 204, a
 * 304 or a HEAD says there was no body.
 */
function bodyMissing(method: string, status: number, content: unknown): boolean {
  if (isObject(content) && typeof content.text === "string") return false;
  if (method === "HEAD" || status === 204 || status === 304) return false;
  return !(isObject(content) && content.size === 0);
}

/** The page, else the connection, else the initiator; else everything is one session. */
function sessionOf(entry: Json): string {
  if (typeof entry.pageref === "string" && entry.pageref) return `page:${entry.pageref}`;
  if (typeof entry.connection === "string" && entry.connection) return `connection:${entry.connection}`;
  const initiator = entry._initiator;
  if (typeof initiator === "string" && initiator) return `initiator:${initiator}`;
  if (isObject(initiator)) {
    const which = typeof initiator.url === "string" ? initiator.url : initiator.type;
    if (typeof which === "string" && which) return `initiator:${which}`;
  }
  return "har";
}

export function readEntry(entry: unknown, resolve: ServiceResolver): EntryOutcome {
  if (!isObject(entry)) return { kind: "broken", problem: "not an object" };
  const request = entry.request;
  if (!isObject(request) || typeof request.url !== "string")
    return { kind: "broken", problem: "no request.url" };
  if (typeof request.method !== "string" || !request.method)
    return { kind: "broken", problem: "no request.method" };
  const url = parseRawUrl(request.url);
  if (!url) return { kind: "broken", problem: `request.url '${request.url}' is not an absolute URL` };
  const target = resolve(url);
  if (!target) return { kind: "other-host", host: `${url.hostname}:${url.port}` };
  const response = entry.response;
  if (!isObject(response) || typeof response.status !== "number")
    return { kind: "broken", problem: "no response.status" };
  if (response.status === 0)
    return { kind: "broken", problem: "no response (status 0: the request failed or was blocked)" };
  const time = Date.parse(String(entry.startedDateTime));
  if (Number.isNaN(time))
    return {
      kind: "broken",
      problem: `startedDateTime ${JSON.stringify(entry.startedDateTime)} is not a date`,
    };
  const requestHeaders = headerPairs(request.headers);
  const postData = request.postData;
  if (isObject(postData) && typeof postData.mimeType === "string" && postData.mimeType)
    if (!requestHeaders.some(([name]) => name.toLowerCase() === "content-type"))
      requestHeaders.push(["content-type", postData.mimeType]);
  const responseHeaders = headerPairs(response.headers);
  const content = response.content;
  if (isObject(content) && typeof content.mimeType === "string" && content.mimeType)
    if (!responseHeaders.some(([name]) => name.toLowerCase() === "content-type"))
      responseHeaders.push(["content-type", content.mimeType]);
  return {
    kind: "exchange",
    session: sessionOf(entry),
    exchange: {
      time,
      service: target.service,
      method: request.method.toUpperCase(),
      path: target.path,
      query: url.query,
      requestHeaders,
      requestBody: requestBody(postData),
      status: response.status,
      responseHeaders,
      responseBody: responseBody(content),
      responseBodyMissing: bodyMissing(request.method.toUpperCase(), response.status, content),
      durationMs: typeof entry.time === "number" && entry.time > 0 ? entry.time : 0,
    },
  };
}
