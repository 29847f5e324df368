/**
 * The two date types of the real services and how Jackson reads and writes them (contract §1.2).
 */
import type { LocalDateTimeValue } from "./schema.js";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?Z?$/;

/** `java.time.LocalDateTime` as Jackson reads it; `undefined` when Jackson would refuse it. */
export function parseLocalDateTime(text: string): LocalDateTimeValue | undefined {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = "00", fraction = ""] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const trimmed = fraction.replace(/0+$/, "");
  const millis = Number((fraction + "000").slice(0, 3));
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const base = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  return { text: trimmed ? `${base}.${trimmed}` : base, epochMs };
}

/**
 * `LocalDateTime.of(year, month, day, hour, minute, second, nano)`, the form Jackson builds from an
 * array such as `[2024, 3, 1, 10, 0]`: the DateTimeException message when a field is out of range.
 */
export function localDateTimeFromFields(
  fields: ScannedFields,
  nano: number,
): LocalDateTimeValue | { error: string } {
  const invalid =
    invalidField(fields) ??
    (nano < 0 || nano > 999_999_999
      ? `Invalid value for NanoOfSecond (valid values 0 - 999999999): ${nano}`
      : undefined);
  if (invalid) return { error: invalid };
  const { year, month, day, hour, minute, second } = fields;
  const two = (n: number) => String(n).padStart(2, "0");
  const fraction = String(nano).padStart(9, "0").replace(/0+$/, "");
  const text = `${yearText(year)}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, Math.trunc(nano / 1_000_000));
  return { text: fraction ? `${text}.${fraction}` : text, epochMs: instant.getTime() };
}

/** `LocalDate.toString()`'s year: four digits at least, a sign past 9999 or before 0. */
function yearText(year: number): string {
  if (year > 9999) return `+${year}`;
  return (year < 0 ? "-" : "") + String(Math.abs(year)).padStart(4, "0");
}

/** A LocalDateTime value for an instant, as the service would hold `LocalDateTime.now()` in UTC. */
export function localDateTimeOf(epochMs: number): LocalDateTimeValue {
  const iso = new Date(epochMs).toISOString().slice(0, 23);
  const text = iso.endsWith(".000") ? iso.slice(0, 19) : iso.replace(/0+$/, "");
  return { text, epochMs };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_DATE = /^([+-]?\d{4,})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const RFC_1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/;

/** `java.util.Date` through Jackson's StdDateFormat (UTC when no zone is given). */
export function parseJavaDate(text: string): Date | undefined {
  if (/^-?\d+$/.test(text)) return validDate(Number(text));
  const dateOnly = ISO_DATE.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    return validDate(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  }
  const full = ISO_DATE_TIME.exec(text);
  if (full) {
    const [, y, mo, d, h, mi, s = "00", fraction = "0", zone = "Z"] = full;
    const millis = Number((fraction + "000").slice(0, 3));
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis);
    return validDate(utc - zoneOffsetMs(zone));
  }
  if (RFC_1123.test(text)) return validDate(Date.parse(text));
  return undefined;
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || "0");
  return sign * (hours * 60 + minutes) * 60_000;
}

function validDate(ms: number): Date | undefined {
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * The UTC calendar date of an instant, as the tour service stores it (`LocalDate`). JavaScript
 * writes years past 9999 as `+010000`; Java's LocalDate (and Jackson's StdDateFormat, which
 * writes the Date back) as `+10000`, years before 1 as `-0001`.
 */
export function utcDateOf(date: Date): string {
  const iso = date.toISOString();
  const day = iso.slice(0, iso.indexOf("T"));
  const expanded = /^([+-])(\d{6})(-\d{2}-\d{2})$/.exec(day);
  if (!expanded) return day;
  const [, sign, digits, rest] = expanded;
  const year = Number(digits);
  return sign === "+" ? `+${year}${rest}` : `-${String(year).padStart(4, "0")}${rest}`;
}

/** A stored `LocalDate` written back through `java.util.Date`: midnight UTC with millis. */
export function formatStoredDate(isoDate: string): string {
  return `${isoDate}T00:00:00.000+00:00`;
}

/** `java.util.Date` as Boot writes it in error bodies: `2025-05-21T10:15:30.123+00:00`. */
export function formatBootTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("Z", "+00:00");
}

/**
 * The DateTimeParseException message Jackson reports for a LocalDateTime it refuses: Java's
 * ISO_LOCAL_DATE_TIME parser (strict) walked element by element, then its field checks. Jackson
 * strips a trailing `Z` first (lenient mode), so the message quotes the text without it.
 */
export function localDateTimeParseError(input: string): string {
  const zoned = input.length > 10 && input[10] === "T" && input.endsWith("Z");
  const text = zoned ? input.slice(0, -1) : input;
  const quoted = text.length > 64 ? `${text.slice(0, 64)}...` : text;
  const scanned = scanIsoLocalDateTime(text);
  if (typeof scanned === "number") return `Text '${quoted}' could not be parsed at index ${scanned}`;
  if (scanned.end < text.length)
    return `Text '${quoted}' could not be parsed, unparsed text found at index ${scanned.end}`;
  const invalid = invalidField(scanned.fields);
  return invalid
    ? `Text '${quoted}' could not be parsed: ${invalid}`
    : `Text '${quoted}' could not be parsed at index 0`;
}

export interface ScannedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** The error index, or the fields and where parsing stopped. */
function scanIsoLocalDateTime(text: string): number | { end: number; fields: ScannedFields } {
  let pos = 0;
  // The year: 4 digits, more only after a sign (SignStyle.EXCEEDS_PAD, strict).
  const sign = text[pos] === "+" || text[pos] === "-" ? text[pos] : undefined;
  if (sign) pos++;
  const yearStart = pos;
  while (pos < text.length && pos - yearStart < 10 && isDigit(text[pos])) pos++;
  const yearDigits = pos - yearStart;
  if (yearDigits < 4) return yearStart;
  if (sign === "+" && yearDigits <= 4) return yearStart - 1;
  if (sign !== "+" && yearDigits > 4) return yearStart;
  const year = Number(text.slice(yearStart, pos)) * (sign === "-" ? -1 : 1);
  const fixed = (width: number): number | undefined => {
    for (let i = 0; i < width; i++) if (!isDigit(text[pos + i])) return undefined;
    const value = Number(text.slice(pos, pos + width));
    pos += width;
    return value;
  };
  const literal = (c: string): boolean => {
    if (text[pos] !== c) return false;
    pos++;
    return true;
  };
  const fields: ScannedFields = { year, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  const steps: [string, keyof ScannedFields][] = [
    ["-", "month"],
    ["-", "day"],
    ["T", "hour"],
    [":", "minute"],
  ];
  for (const [separator, field] of steps) {
    if (!literal(separator)) return pos;
    const value = fixed(2);
    if (value === undefined) return pos;
    fields[field] = value;
  }
  // Optional `:ss` then optional `.fraction` (up to nine digits); a failed optional part is undone.
  const afterMinute = pos;
  if (literal(":")) {
    const second = fixed(2);
    if (second === undefined) return { end: afterMinute, fields };
    fields.second = second;
    if (text[pos] === ".") {
      pos++;
      const fractionStart = pos;
      while (pos < text.length && pos - fractionStart < 9 && isDigit(text[pos])) pos++;
    }
  }
  return { end: pos, fields };
}

/** The first field check that fails, in the order Java resolves them (date, then time). */
function invalidField(f: ScannedFields): string | undefined {
  const range = (name: string, value: number, low: number, high: string) =>
    `Invalid value for ${name} (valid values ${low} - ${high}): ${value}`;
  if (f.year < -999_999_999 || f.year > 999_999_999) return range("Year", f.year, -999_999_999, "999999999");
  if (f.month < 1 || f.month > 12) return range("MonthOfYear", f.month, 1, "12");
  if (f.day < 1 || f.day > 31) return range("DayOfMonth", f.day, 1, "28/31");
  if (f.day > daysInMonth(f.year, f.month)) {
    if (f.month === 2 && f.day === 29) return `Invalid date 'February 29' as '${f.year}' is not a leap year`;
    return `Invalid date '${MONTHS[f.month - 1]} ${f.day}'`;
  }
  if (f.hour > 23) return range("HourOfDay", f.hour, 0, "23");
  if (f.minute > 59) return range("MinuteOfHour", f.minute, 0, "59");
  if (f.second > 59) return range("SecondOfMinute", f.second, 0, "59");
  return undefined;
}

const MONTHS = [
  "JANUARY",
  "FEBRUARY",
  "MARCH",
  "APRIL",
  "MAY",
  "JUNE",
  "JULY",
  "AUGUST",
  "SEPTEMBER",
  "OCTOBER",
  "NOVEMBER",
  "DECEMBER",
];
