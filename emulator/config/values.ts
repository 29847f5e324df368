/**
 * Parsers for the values people type into flags and config files. Each returns the value or a
 * problem text; the caller collects every problem before giving up (style.md: all at once).
 */
import { parseDuration } from "../../common/duration.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

export function port(text: unknown): Parsed<number> {
  const n =
    typeof text === "number"
      ? text
      : typeof text === "string" && /^\d+$/.test(text.trim())
        ? Number(text)
        : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 65535
    ? ok(n)
    : bad(`'${String(text)}' is not a port (0-65535)`);
}

export function durationMs(text: unknown, defaultUnit: "ms" | "s"): Parsed<number> {
  if (typeof text === "number" && text >= 0) return ok(defaultUnit === "s" ? text * 1000 : text);
  const ms = typeof text === "string" ? parseDuration(text, defaultUnit) : undefined;
  return ms === undefined ? bad(`'${String(text)}' is not a duration (e.g. 250ms, 10s, 5m)`) : ok(ms);
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
};

export function byteSize(text: unknown): Parsed<number> {
  if (typeof text === "number" && Number.isInteger(text) && text > 0) return ok(text);
  const match = typeof text === "string" ? /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text) : null;
  const factor = match ? SIZE_UNITS[(match[2] || "b").toLowerCase()] : undefined;
  if (!match || factor === undefined || Number(match[1]) <= 0)
    return bad(`'${String(text)}' is not a size (e.g. 512kb, 2mb)`);
  return ok(Math.floor(Number(match[1]) * factor));
}

export function onOff(text: unknown): Parsed<boolean> {
  if (typeof text === "boolean") return ok(text);
  if (text === "on" || text === "true") return ok(true);
  if (text === "off" || text === "false") return ok(false);
  return bad(`'${String(text)}' must be on or off`);
}

export function integer(text: unknown, min: number): Parsed<number> {
  const n =
    typeof text === "number"
      ? text
      : typeof text === "string" && /^-?\d+$/.test(text.trim())
        ? Number(text)
        : NaN;
  return Number.isSafeInteger(n) && n >= min ? ok(n) : bad(`'${String(text)}' must be an integer ≥ ${min}`);
}

export function nonEmptyString(text: unknown): Parsed<string> {
  return typeof text === "string" && text.trim().length > 0
    ? ok(text)
    : bad(`'${String(text)}' must be a non-empty string`);
}
