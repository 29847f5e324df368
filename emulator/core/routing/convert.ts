/**
 * Spring's String → Long conversion for path variables and request parameters
 * (NumberUtils.parseNumber): all whitespace removed, `0x`/`#` hexadecimal accepted, Java's range.
 */
import type { Id } from "../dto/schema.js";

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export type LongResult = { ok: true; value: Id | null } | { ok: false; reason: string };

export function parseJavaLong(text: string): LongResult {
  // StringToNumberConverterFactory turns only the empty string into null; whitespace reaches
  // NumberUtils, which trims it away and hands Long.valueOf an empty string.
  if (text.length === 0) return { ok: true, value: null };
  const trimmed = text.replace(/\s+/g, "");
  if (trimmed.length === 0) return { ok: false, reason: 'For input string: ""' };
  const hex = /^([+-]?)(0x|0X|#)(.*)$/.exec(trimmed);
  const sign = hex ? hex[1] : "";
  const digits = hex ? (hex[3] as string) : trimmed;
  const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[+-]?\d+$/.test(digits);
  if (!valid) {
    return { ok: false, reason: `For input string: "${digits}"${hex ? " under radix 16" : ""}` };
  }
  const value = hex ? BigInt(`0x${digits}`) * (sign === "-" ? -1n : 1n) : BigInt(digits.replace(/^\+/, ""));
  if (value < LONG_MIN || value > LONG_MAX) {
    return {
      ok: false,
      reason: `For input string: "${hex ? digits : trimmed}"${hex ? " under radix 16" : ""}`,
    };
  }
  return { ok: true, value: toId(value) };
}

export function toId(value: bigint): Id {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}
