import type { RequestStats } from "./request-stats.js";

/** The percentile columns of the Locust CSV, in its order. */
export const CSV_PERCENTILES = [
  "50",
  "66",
  "75",
  "80",
  "90",
  "95",
  "98",
  "99",
  "99.9",
  "99.99",
  "100",
] as const;
export type CsvPercentile = (typeof CSV_PERCENTILES)[number];

export interface ReasonCount {
  reason: string;
  count: number;
  status: number | null;
  example: string;
}

/**
 * The figures of one name, service or the whole run, as plain data for results.json. Every
 * latency is in milliseconds; `null` where there were no samples (shown as "n/a"), never NaN.
 */
export interface StatsSummary {
  requests: number;
  failures: number;
  failureRatePercent: number | null;
  bytes: number;
  avgBytes: number | null;
  minMs: number | null;
  avgMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  percentilesMs: Record<CsvPercentile, number | null>;
  rps: number | null;
  failuresPerSecond: number | null;
  failuresByReason: ReasonCount[];
  failuresByStatus: { status: number; count: number }[];
}

/** Round to 3 decimals (a microsecond for milliseconds), so results files read cleanly. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function ms(us: number | null): number | null {
  return us === null ? null : round3(us / 1000);
}

function perSecond(count: number, durationMs: number): number | null {
  return durationMs > 0 ? round3(count / (durationMs / 1000)) : null;
}

/**
 * The figures the verdict compares with its targets, unrounded: rounding them for display first
 * would let a failure rate of 1.0004 % pass "≤ 1 %" or 99.9996 requests/s pass "≥ 100".
 */
export interface VerdictFigures {
  readonly failureRatePercent: number | null;
  readonly avgMs: number | null;
  readonly p95Ms: number | null;
  readonly rps: number | null;
}

export function verdictFigures(stats: RequestStats, durationMs: number): VerdictFigures {
  const { latency } = stats;
  const mean = latency.mean;
  const p95 = latency.percentile(95);
  return {
    failureRatePercent: stats.requests > 0 ? (stats.failures / stats.requests) * 100 : null,
    avgMs: mean === null ? null : mean / 1000,
    p95Ms: p95 === null ? null : p95 / 1000,
    rps: durationMs > 0 ? stats.requests / (durationMs / 1000) : null,
  };
}

/** `durationMs` is the measured run duration that requests/s are taken over. */
export function summarize(stats: RequestStats, durationMs: number): StatsSummary {
  const { latency } = stats;
  const percentilesMs = Object.fromEntries(
    CSV_PERCENTILES.map((p) => [p, ms(latency.percentile(Number(p)))]),
  ) as Record<CsvPercentile, number | null>;
  const failuresByReason = [...stats.failuresByReason.entries()]
    .map(([reason, tally]) => ({ reason, count: tally.count, status: tally.status, example: tally.example }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  const failuresByStatus = [...stats.failuresByStatus.entries()]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => a.status - b.status);
  return {
    requests: stats.requests,
    failures: stats.failures,
    failureRatePercent: stats.requests > 0 ? round3((stats.failures / stats.requests) * 100) : null,
    bytes: stats.bytes,
    avgBytes: stats.requests > 0 ? round3(stats.bytes / stats.requests) : null,
    minMs: ms(latency.min),
    avgMs: ms(latency.mean),
    medianMs: ms(latency.percentile(50)),
    p90Ms: ms(latency.percentile(90)),
    p95Ms: ms(latency.percentile(95)),
    p99Ms: ms(latency.percentile(99)),
    maxMs: ms(latency.max),
    percentilesMs,
    rps: perSecond(stats.requests, durationMs),
    failuresPerSecond: perSecond(stats.failures, durationMs),
    failuresByReason,
    failuresByStatus,
  };
}
