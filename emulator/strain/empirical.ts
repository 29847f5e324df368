/**
 * Empirical latency: a percentile table (`p50=20ms,p99=200ms`) or the measured durations of a
 * recording, both as the same quantile function.
 */
export interface QuantilePoint {
  /** Percentile, 0–100. */
  p: number;
  ms: number;
}

/**
 * The value at percentile `p`: linear between the listed points, the first value below the first
 * point and the last above the last — so the listed percentiles are exactly what is sampled.
 */
export function quantileOf(points: readonly QuantilePoint[], p: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 0;
  if (p <= first.p) return first.ms;
  if (p >= last.p) return last.ms;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as QuantilePoint).p <= p) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as QuantilePoint;
  const b = points[hi] as QuantilePoint;
  return b.p === a.p ? b.ms : a.ms + ((p - a.p) / (b.p - a.p)) * (b.ms - a.ms);
}

/** The problem with a table, or undefined: percentiles rising within 0–100, values not falling. */
export function checkPoints(points: readonly QuantilePoint[]): string | undefined {
  if (points.length === 0) return "needs at least one percentile (e.g. p50=20ms)";
  for (let i = 0; i < points.length; i++) {
    const point = points[i] as QuantilePoint;
    if (!(point.p >= 0 && point.p <= 100)) return `p${point.p}: a percentile is between 0 and 100`;
    const before = points[i - 1];
    if (!before) continue;
    if (point.p <= before.p) return `p${point.p} comes after p${before.p}: list percentiles in rising order`;
    if (point.ms < before.ms)
      return `p${point.p} (${point.ms}ms) is below p${before.p} (${before.ms}ms): latency cannot fall`;
  }
  return undefined;
}

/**
 * Percentiles kept from a recording: every whole one, then finer in the tail where latency
 * lives, so a recording of any length becomes a table of about 110 points.
 */
const KEPT_PERCENTILES = [
  ...Array.from({ length: 100 }, (_, i) => i),
  ...Array.from({ length: 9 }, (_, i) => 99.1 + i / 10),
  99.95,
  100,
].map((p) => Math.round(p * 100) / 100);

/** Measured durations as a quantile table (linear interpolation between order statistics). */
export function pointsFromDurations(durations: readonly number[]): QuantilePoint[] {
  const sorted = [...durations].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const last = sorted.length - 1;
  return KEPT_PERCENTILES.map((p) => {
    const rank = (p / 100) * last;
    const below = Math.floor(rank);
    const a = sorted[below] as number;
    const b = sorted[Math.min(last, below + 1)] as number;
    return { p, ms: Math.round((a + (rank - below) * (b - a)) * 1000) / 1000 };
  });
}
