/**
 * Dates move with the replay. A recording's request bodies hold dates relative to the day it was
 * made — a tour's city visit 30 days ahead, an album released last week — and the services
 * validate them against today (`@FutureOrPresent`, `@PastOrPresent`, contract §5–§6): replayed a
 * month later as they are, every tour would be refused. So each date in a JSON request body is
 * moved by the whole days between the recording's start and the replay's, keeping its distance
 * from "today"; a replay on the day of the recording changes nothing.
 *
 * Only strings that are exactly a date (`2025-07-01`) or start with one followed by a time
 * (`2025-07-01T10:00:00`, `…Z`, `…+02:00`) move; the time and offset text stay as written. Any
 * other value, and any body that is not JSON, is left alone.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?=$|T\d{2}:\d{2})/;

/** Calendar days (UTC) from the day of `fromMs` to the day of `toMs`. */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.floor(toMs / DAY_MS) - Math.floor(fromMs / DAY_MS);
}

/** The string with its leading date moved by `days`, or undefined if it is not a date. */
export function shiftDate(text: string, days: number): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2025-02-30 is not a date: Date.UTC would quietly roll it over into March.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  const moved = new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
  return moved + text.slice(10);
}

function walk(value: unknown, days: number): unknown {
  if (typeof value === "string") return shiftDate(value, days) ?? value;
  if (Array.isArray(value)) return value.map((element) => walk(element, days));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = walk(field, days);
  return out;
}

/** A JSON body with every date moved by `days`; re-serialised only if a date moved. */
export function shiftBodyDates(body: string, days: number): string {
  if (days === 0) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const moved = walk(parsed, days);
  const text = JSON.stringify(moved);
  return text === JSON.stringify(parsed) ? body : text;
}
