/**
 * Latency as people write it, in flags and config files, and back:
 *   `100ms`                               fixed (a bare number is milliseconds)
 *   `10-80ms`, `uniform:10ms-80ms`        uniform
 *   `normal:50ms,10ms`                    normal (mean, standard deviation), never below 0
 *   `lognormal:median=40ms,p99=250ms`     log-normal
 *   `empirical:p50=20ms,p90=60ms,p99=200ms`  a percentile table
 *   `recording:FILE`                      the measured durations of a recording (JSON lines)
 * and in JSON also `{ "percentiles": { "50": "20ms", "99": 200 } }` and `{ "recording": "FILE" }`.
 */
import { parseDuration } from "../../common/duration.js";
import type { Distribution } from "./distribution.js";
import { checkPoints, type QuantilePoint } from "./empirical.js";
import { bad, ok, type Parsed, type ReadText } from "./parsed.js";
import { recordedLatency } from "./recording.js";

const EXAMPLES =
  "e.g. 100ms, 10-80ms, normal:50ms,10ms, lognormal:median=40ms,p99=250ms, empirical:p50=20ms,p99=200ms";
const KINDS = ["uniform", "normal", "lognormal", "empirical", "recording"];

function ms(text: string): number | undefined {
  return parseDuration(text, "ms");
}

function named(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) values.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return values;
}

function range(text: string): Parsed<Distribution> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*-\s*(\d+(?:\.\d+)?\s*[a-z]*)\s*$/.exec(text);
  if (!match) return bad(`'${text}' is not a range (e.g. 10-80ms)`);
  const unit = match[2] || (/[a-z]+$/.exec(match[3] as string)?.[0] ?? "ms");
  const min = ms(`${match[1]}${unit}`);
  const max = ms(match[3] as string);
  if (min === undefined || max === undefined) return bad(`'${text}' is not a range (e.g. 10-80ms)`);
  if (max < min) return bad(`'${text}': the upper bound is below the lower one`);
  return ok({ kind: "uniform", minMs: min, maxMs: max });
}

function normal(args: string): Parsed<Distribution> {
  const values = named(args);
  const [first, second] = args.split(",").map((s) => s.trim());
  const mean = ms(values.get("mean") ?? first ?? "");
  const sd = ms(values.get("sd") ?? second ?? "");
  if (mean === undefined || sd === undefined)
    return bad(`'normal:${args}' needs a mean and a standard deviation (e.g. normal:50ms,10ms)`);
  return ok({ kind: "normal", meanMs: mean, sdMs: sd });
}

function lognormal(args: string): Parsed<Distribution> {
  const values = named(args);
  const median = ms(values.get("median") ?? "");
  const p99 = ms(values.get("p99") ?? "");
  if (median === undefined || p99 === undefined)
    return bad(`'lognormal:${args}' needs a median and a p99 (e.g. lognormal:median=40ms,p99=250ms)`);
  if (!(median > 0)) return bad(`'lognormal:${args}': the median must be above 0`);
  if (!(p99 > median)) return bad(`'lognormal:${args}': p99 must be above the median`);
  return ok({ kind: "lognormal", medianMs: median, p99Ms: p99 });
}

function table(entries: [string, unknown][], spelling: string): Parsed<Distribution> {
  const points: QuantilePoint[] = [];
  for (const [key, raw] of entries) {
    const p = Number(key.replace(/^p/, ""));
    if (raw === undefined) return bad(`'${spelling}': '${key}' needs a duration (e.g. p99=200ms)`);
    const value = typeof raw === "number" ? raw : typeof raw === "string" ? ms(raw) : undefined;
    if (key.trim() === "" || !Number.isFinite(p) || value === undefined)
      return bad(
        `'${spelling}': '${key}=${String(raw)}' is not a percentile and a duration (e.g. p99=200ms)`,
      );
    points.push({ p, ms: value });
  }
  const problem = checkPoints(points);
  return problem ? bad(`'${spelling}': ${problem}`) : ok({ kind: "empirical", points });
}

export function parseLatencyText(text: string, read?: ReadText): Parsed<Distribution> {
  const trimmed = text.trim();
  const colon = /^([a-z][a-z0-9_-]*):(.*)$/i.exec(trimmed);
  if (colon) {
    const [, kind, args] = colon as unknown as [string, string, string];
    switch (kind.toLowerCase()) {
      case "uniform":
        return range(args);
      case "normal":
        return normal(args);
      case "lognormal":
        return lognormal(args);
      case "empirical":
        return table(
          args.split(",").map((part) => {
            const eq = part.indexOf("=");
            return eq < 0 ? [part, undefined] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
          }),
          trimmed,
        );
      case "recording":
        return recordedLatency(args.trim(), read);
      default:
        return bad(`unknown distribution '${kind}' (one of ${KINDS.join(", ")}, or a duration)`);
    }
  }
  const fixed = ms(trimmed);
  if (fixed !== undefined) return ok({ kind: "fixed", ms: fixed });
  if (/^\d/.test(trimmed) && trimmed.includes("-")) return range(trimmed);
  if (/^[a-z]+$/i.test(trimmed))
    return KINDS.includes(trimmed.toLowerCase())
      ? bad(`'${trimmed}' needs its parameters (${EXAMPLES})`)
      : bad(`unknown distribution '${trimmed}' (one of ${KINDS.join(", ")}, or a duration)`);
  return bad(`'${text}' is not a latency (${EXAMPLES})`);
}

/** A latency from JSON: a spelling, a number of milliseconds, or a percentile/recording object. */
export function parseLatency(value: unknown, read?: ReadText): Parsed<Distribution> {
  if (typeof value === "string") return parseLatencyText(value, read);
  if (typeof value === "number")
    return value >= 0 && Number.isFinite(value)
      ? ok({ kind: "fixed", ms: value })
      : bad(`${value} is not a latency (${EXAMPLES})`);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const spec = value as { percentiles?: unknown; recording?: unknown };
    if (typeof spec.recording === "string") return recordedLatency(spec.recording, read);
    if (spec.percentiles && typeof spec.percentiles === "object" && !Array.isArray(spec.percentiles))
      return table(Object.entries(spec.percentiles), "percentiles");
  }
  return bad(`${JSON.stringify(value)} is not a latency (${EXAMPLES})`);
}

const num = (n: number) => `${Math.round(n * 1000) / 1000}ms`;

/** The canonical spelling, which parseLatencyText reads back to the same distribution. */
export function formatLatency(distribution: Distribution): string {
  switch (distribution.kind) {
    case "fixed":
      return num(distribution.ms);
    case "uniform":
      return `${Math.round(distribution.minMs * 1000) / 1000}-${num(distribution.maxMs)}`;
    case "normal":
      return `normal:${num(distribution.meanMs)},${num(distribution.sdMs)}`;
    case "lognormal":
      return `lognormal:median=${num(distribution.medianMs)},p99=${num(distribution.p99Ms)}`;
    case "empirical":
      return `empirical:${distribution.points.map((point) => `p${point.p}=${num(point.ms)}`).join(",")}`;
  }
}
