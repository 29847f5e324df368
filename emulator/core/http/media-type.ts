/**
 * Content types and Accept headers as Spring's MimeTypeUtils reads them.
 */
export interface MediaType {
  type: string;
  subtype: string;
  charset: string | undefined;
  /** Spring's `toString()`: `text/plain;charset=UTF-8`, parameters without spaces. */
  text: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** undefined when Spring would throw InvalidMediaTypeException (then 415). */
export function parseMediaType(header: string): MediaType | undefined {
  const [essence = "", ...rawParams] = header.split(";");
  const [type = "", subtype = "", extra] = essence.trim().split("/");
  if (extra !== undefined || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  if (type === "*" && subtype !== "*") return undefined;
  const params: string[] = [];
  let charset: string | undefined;
  for (const raw of rawParams) {
    const param = raw.trim();
    const eq = param.indexOf("=");
    if (param.length === 0 || eq < 0) continue;
    const name = param.slice(0, eq).trim();
    let value = param.slice(eq + 1).trim();
    if (!TOKEN.test(name)) return undefined;
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name.toLowerCase() === "charset") {
      if (!decoderFor(value)) return undefined;
      charset = value;
    }
    params.push(`${name}=${value}`);
  }
  const text = [`${type}/${subtype}`, ...params].join(";");
  return { type: type.toLowerCase(), subtype: subtype.toLowerCase(), charset, text };
}

export function isJson(media: MediaType): boolean {
  return media.type === "application" && (media.subtype === "json" || media.subtype.endsWith("+json"));
}

export function isForm(media: MediaType): boolean {
  return media.type === "application" && media.subtype === "x-www-form-urlencoded";
}

const LATIN1 = new Set([
  "iso-8859-1",
  "latin1",
  "l1",
  "iso8859_1",
  "iso_8859_1",
  "8859_1",
  "cp819",
  "ibm819",
]);

/** A decoder for a charset Java knows, or undefined (Java would throw UnsupportedCharsetException). */
export function decoderFor(charset: string): ((bytes: Buffer) => string) | undefined {
  const label = charset.toLowerCase();
  if (label === "utf-8" || label === "utf8") return decodeUtf8;
  if (LATIN1.has(label)) return (bytes) => bytes.toString("latin1");
  if (label === "us-ascii" || label === "ascii")
    return (bytes) => bytes.toString("latin1").replace(/[\x80-\xff]/g, "\ufffd");
  try {
    const decoder = new TextDecoder(label, { fatal: false });
    return (bytes) => decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Jackson refuses malformed UTF-8 instead of replacing it. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const bad = findInvalidUtf8(bytes);
    throw new InvalidEncodingError(`Invalid UTF-8 start byte 0x${bad.toString(16).padStart(2, "0")}`);
  }
}

export class InvalidEncodingError extends Error {}

function findInvalidUtf8(bytes: Buffer): number {
  for (const byte of bytes) if (byte >= 0x80) return byte;
  return 0;
}

export interface AcceptRange {
  type: string;
  subtype: string;
  q: number;
}

const ANY: readonly AcceptRange[] = Object.freeze([Object.freeze({ type: "*", subtype: "*", q: 1 })]);

/** Clients send a handful of distinct Accept headers, each thousands of times: parsed once each. */
const parsedAccepts = new Map<string, readonly AcceptRange[]>();
const PARSED_ACCEPTS_LIMIT = 256;

export function parseAccept(header: string | undefined): readonly AcceptRange[] {
  if (!header) return ANY;
  let ranges = parsedAccepts.get(header);
  if (!ranges) {
    if (parsedAccepts.size >= PARSED_ACCEPTS_LIMIT) parsedAccepts.clear();
    ranges = Object.freeze(parseRanges(header).map((range) => Object.freeze(range)));
    parsedAccepts.set(header, ranges);
  }
  return ranges;
}

/**
 * Spring's MediaType.parseMediaTypes: empty elements are skipped (none at all means `*\/*`); one
 * element that does not parse makes the whole header unreadable — returned as no range at all.
 */
function parseRanges(header: string): AcceptRange[] {
  const ranges: AcceptRange[] = [];
  for (const part of splitOutsideQuotes(header, ",")) {
    if (part.trim().length === 0) continue;
    const range = parseRange(part);
    if (!range) return [];
    ranges.push(range);
  }
  return ranges.length > 0 ? ranges : [{ type: "*", subtype: "*", q: 1 }];
}

/** MimeTypeUtils.parseMimeType plus MediaType's quality check; undefined where Spring throws. */
function parseRange(text: string): AcceptRange | undefined {
  const [essence = "", ...params] = splitOutsideQuotes(text, ";");
  // A bare `*` is java.net.HttpURLConnection's `*; q=.2`, which Spring reads as `*/*`.
  const full = essence.trim() === "*" ? "*/*" : essence.trim();
  const slash = full.indexOf("/");
  const type = full.slice(0, slash);
  const subtype = full.slice(slash + 1);
  if (slash < 0 || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  if (type === "*" && subtype !== "*") return undefined;
  let q = 1;
  for (const raw of params) {
    const param = raw.trim();
    const eq = param.indexOf("=");
    if (eq < 0) continue;
    const name = param.slice(0, eq).trim();
    const value = param.slice(eq + 1).trim();
    const quoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"');
    const bare = quoted ? value.slice(1, -1) : value;
    if (!TOKEN.test(name) || (!quoted && !TOKEN.test(value))) return undefined;
    const lower = name.toLowerCase();
    if (lower === "charset" && !decoderFor(bare)) return undefined;
    if (lower === "q") {
      q = bare.trim() === "" ? Number.NaN : Number(bare);
      if (!(q >= 0 && q <= 1)) return undefined;
    }
  }
  return { type: type.toLowerCase(), subtype: subtype.toLowerCase(), q };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** An Accept header Spring cannot parse: nothing it would write by content negotiation goes out. */
export function isUnreadableAccept(ranges: readonly AcceptRange[]): boolean {
  return ranges.length === 0;
}

function covers(range: AcceptRange, type: string, subtype: string): boolean {
  return range.q > 0 && compatibleWith(range, type, subtype);
}

/** MimeType.isCompatibleWith for a concrete type, whatever the range's quality. */
export function compatibleWith(range: AcceptRange, type: string, subtype: string): boolean {
  if (range.type === "*") return true;
  if (range.type !== type) return false;
  if (range.subtype === "*" || range.subtype === subtype) return true;
  // application/*+json covers application/json and application/problem+json
  return (
    range.subtype.startsWith("*+") &&
    (subtype === range.subtype.slice(2) || subtype.endsWith(range.subtype.slice(1)))
  );
}

/**
 * The media type Jackson's converter writes a JSON body as for this Accept, or undefined when
 * none is acceptable (Spring's 406). The producible types are `application/json` and
 * `application/*+json`; an accepted concrete `+json` type (`application/hal+json`,
 * `application/problem+json`) is written as that type. Ranges are tried by quality, a concrete
 * one before a wildcard of the same quality, then in the order sent — Spring's specificity sort.
 */
export function jsonTypeFor(ranges: readonly AcceptRange[]): string | undefined {
  if (ranges === ANY) return "application/json";
  // parseAccept hands out one frozen array per distinct header: decide once per header.
  if (jsonTypes.has(ranges)) return jsonTypes.get(ranges);
  const type = chooseJsonType(ranges);
  jsonTypes.set(ranges, type);
  return type;
}

const jsonTypes = new WeakMap<readonly AcceptRange[], string | undefined>();

function chooseJsonType(ranges: readonly AcceptRange[]): string | undefined {
  let best: { type: string; q: number; concrete: boolean } | undefined;
  for (const range of ranges) {
    if (range.q <= 0) continue;
    const concrete = range.type !== "*" && range.subtype !== "*" && !range.subtype.startsWith("*+");
    const type =
      range.type === "application" && concrete && range.subtype.endsWith("+json")
        ? `application/${range.subtype}`
        : covers(range, "application", "json")
          ? "application/json"
          : undefined;
    if (type === undefined) continue;
    if (!best || range.q > best.q || (range.q === best.q && concrete && !best.concrete)) {
      best = { type, q: range.q, concrete };
    }
  }
  return best?.type;
}

/** What Actuator's JSON endpoints produce, in Spring Boot's order (`ActuatorMediaType`, then JSON). */
const ACTUATOR_PRODUCES = [
  "application/vnd.spring-boot.actuator.v3+json",
  "application/vnd.spring-boot.actuator.v2+json",
  "application/json",
] as const;

/**
 * The type an Actuator JSON endpoint answers for this Accept, or undefined (406): the first
 * producible type the best range covers, so no Accept, a full wildcard or `application/*` get
 * the v3 type and `application/json` gets plain JSON.
 */
export function actuatorTypeFor(ranges: readonly AcceptRange[]): string | undefined {
  if (ranges === ANY) return ACTUATOR_PRODUCES[0];
  let best: { type: string; q: number; concrete: boolean } | undefined;
  for (const range of ranges) {
    if (range.q <= 0) continue;
    const concrete = range.type !== "*" && range.subtype !== "*" && !range.subtype.startsWith("*+");
    const type = ACTUATOR_PRODUCES.find((t) => covers(range, "application", t.slice("application/".length)));
    if (type === undefined) continue;
    if (!best || range.q > best.q || (range.q === best.q && concrete && !best.concrete)) {
      best = { type, q: range.q, concrete };
    }
  }
  return best?.type;
}

/** Boot's error controller serves HTML when the client names text/html explicitly. */
export function prefersHtml(ranges: readonly AcceptRange[]): boolean {
  return ranges.some((r) => r.type === "text" && r.subtype === "html" && r.q > 0);
}
