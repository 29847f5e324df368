import { parseDuration } from "../../common/duration.js";
import { MAX_TIMER_MS } from "../../common/timers.js";

/**
 * Small parsers for flag values. Each returns the value or a problem text (without the flag
 * name, which the caller puts in front), so validation can collect every problem at once.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = <T>(text: string): Parsed<T> => ({ ok: false, problem: text });

export function parseInteger(text: string, min: number, max = Number.MAX_SAFE_INTEGER): Parsed<number> {
  if (!/^\s*\d+\s*$/.test(text)) return problem(`not a whole number '${text}'`);
  const value = Number(text);
  if (value < min) return problem(`must be ≥ ${min}`);
  if (value > max) return problem(`must be ≤ ${max}`);
  return ok(value);
}

export function parsePositiveNumber(text: string): Parsed<number> {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return problem(`not a number '${text}'`);
  const value = Number(text);
  return value > 0 ? ok(value) : problem("must be > 0");
}

const TOO_LONG = "must be ≤ 596h (the longest a timer can wait)";

export function parsePositiveDuration(text: string, defaultUnit: "ms" | "s"): Parsed<number> {
  const value = parseDuration(text, defaultUnit);
  if (value === undefined) return problem(`not a duration '${text}' (e.g. 20, 20s, 5m)`);
  if (value > MAX_TIMER_MS) return problem(TOO_LONG);
  return value > 0 ? ok(value) : problem("must be > 0");
}

/** `0` (none), `2s` (fixed) or `1-3s` / `500ms-2s` (uniform range; a bare lower bound takes the upper's unit). */
export function parseThink(text: string): Parsed<{ min: number; max: number }> {
  const range = /^\s*([\d.]+)(us|ms|s|m|h)?\s*-\s*([\d.]+)(us|ms|s|m|h)?\s*$/.exec(text);
  if (range) {
    const upperUnit = range[4] ?? "s";
    const min = parseDuration(`${range[1]}${range[2] ?? upperUnit}`, "s");
    const max = parseDuration(`${range[3]}${upperUnit}`, "s");
    if (min === undefined || max === undefined) return problem(`not a think time '${text}' (e.g. 1-3s)`);
    if (max > MAX_TIMER_MS) return problem(TOO_LONG);
    return min <= max ? ok({ min, max }) : problem(`lower bound above upper bound in '${text}'`);
  }
  const fixed = parseDuration(text, "s");
  if (fixed === undefined) return problem(`not a think time '${text}' (e.g. 0, 2s, 1-3s)`);
  if (fixed > MAX_TIMER_MS) return problem(TOO_LONG);
  return ok({ min: fixed, max: fixed });
}

export function parseHttpUrl(text: string): Parsed<string> {
  try {
    const url = new URL(text);
    if (url.protocol !== "http:" && url.protocol !== "https:") return problem(`not an http(s) URL '${text}'`);
    return ok(text.replace(/\/+$/, ""));
  } catch {
    return problem(`not a URL '${text}'`);
  }
}

export function parseList<T extends string>(text: string, allowed: readonly T[]): Parsed<T[]> {
  const items = text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) return problem("empty list");
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0)
    return problem(`unknown ${unknown.map((item) => `'${item}'`).join(", ")} (one of ${allowed.join(", ")})`);
  return ok([...new Set(items)] as T[]);
}
