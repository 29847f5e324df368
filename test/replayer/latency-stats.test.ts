import assert from "node:assert/strict";
import { LatencyHistogram } from "../../replayer/stats/latency-histogram.js";
import { RequestStats, MAX_REASONS, OTHER_REASONS } from "../../replayer/stats/request-stats.js";
import { summarize } from "../../replayer/stats/summarize.js";

function histogramOf(values: number[]): LatencyHistogram {
  const histogram = new LatencyHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
}

function ordered(stats: ReturnType<typeof summarize>): void {
  const chain = [stats.minMs, stats.medianMs, stats.p90Ms, stats.p95Ms, stats.p99Ms, stats.maxMs] as number[];
  for (let i = 1; i < chain.length; i++)
    assert.ok((chain[i - 1] as number) <= (chain[i] as number), chain.join(" ≤ "));
}

describe("latency statistics", () => {
  it("one sample: every figure is that sample", () => {
    const stats = new RequestStats();
    stats.recordSuccess(12_345, 100);
    const summary = summarize(stats, 2000);
    assert.deepEqual(
      [
        summary.minMs,
        summary.avgMs,
        summary.medianMs,
        summary.p90Ms,
        summary.p95Ms,
        summary.p99Ms,
        summary.maxMs,
      ],
      [12.345, 12.345, 12.345, 12.345, 12.345, 12.345, 12.345],
    );
    assert.equal(summary.percentilesMs["99.99"], 12.345);
    assert.equal(summary.rps, 0.5);
    assert.equal(summary.avgBytes, 100);
  });

  it("two samples: median is the lower (to HDR precision), p95 and max the upper", () => {
    const stats = new RequestStats();
    stats.recordSuccess(10_000, 10);
    stats.recordSuccess(20_000, 30);
    const two = summarize(stats, 1000);
    // 10 000 µs lies in a bucket of width 8 (8192–16383 µs at 3 digits): HDR answers its top, 10 007.
    assert.equal(two.medianMs, 10.007);
    assert.equal(two.minMs, 10);
    assert.equal(two.avgMs, 15);
    assert.equal(two.p95Ms, 20);
    assert.equal(two.p99Ms, 20);
    assert.equal(two.maxMs, 20);
    assert.equal(two.bytes, 40);
    assert.equal(two.rps, 2);
    ordered(two);
  });

  it("ties: identical samples give identical figures", () => {
    const stats = new RequestStats();
    for (let i = 0; i < 7; i++) stats.recordSuccess(5000, 1);
    const summary = summarize(stats, 7000);
    assert.deepEqual(
      [summary.minMs, summary.avgMs, summary.medianMs, summary.p95Ms, summary.p99Ms, summary.maxMs],
      [5, 5, 5, 5, 5, 5],
    );
    assert.equal(summary.rps, 1);
  });

  it("values below 2048 µs are exact, and 1..100 ms spread as HDR buckets them", () => {
    assert.equal(histogramOf([1, 2, 3, 2047]).percentile(50), 2);
    const spread = histogramOf(Array.from({ length: 100 }, (_, i) => (i + 1) * 1000));
    assert.equal(spread.percentile(50), 50_015); // 50 000 in a bucket of width 32
    assert.equal(spread.percentile(90), 90_047); // 90 000 in a bucket of width 64
    assert.equal(spread.percentile(100), 100_000);
    assert.equal(spread.min, 1000);
    assert.equal(spread.mean, 50_500);
  });

  it("rounds to whole microseconds, at least 1", () => {
    const histogram = histogramOf([0.2, 1.6]);
    assert.equal(histogram.min, 1);
    assert.equal(histogram.max, 2);
  });

  it("no samples: null everywhere, never NaN or a sentinel", () => {
    const summary = summarize(new RequestStats(), 0);
    for (const value of [
      summary.minMs,
      summary.avgMs,
      summary.medianMs,
      summary.p95Ms,
      summary.maxMs,
      summary.rps,
    ]) {
      assert.equal(value, null);
    }
    assert.equal(summary.failureRatePercent, null);
    assert.equal(summary.avgBytes, null);
    assert.ok(Object.values(summary.percentilesMs).every((value) => value === null));
    assert.doesNotMatch(JSON.stringify(summary), /NaN|Infinity/);
  });

  it("all failed: still reports counts, reasons, statuses and latencies", () => {
    const stats = new RequestStats();
    stats.recordFailure(3000, 0, "connection refused", null, "");
    stats.recordFailure(5000, 0, "connection refused", null, "");
    stats.recordFailure(7000, 12, "HTTP 500 Internal Server Error", 500, '{"status":500}');
    const summary = summarize(stats, 3000);
    assert.equal(summary.requests, 3);
    assert.equal(summary.failures, 3);
    assert.equal(summary.failureRatePercent, 100);
    assert.equal(summary.failuresPerSecond, 1);
    assert.equal(summary.medianMs, 5.003); // 5000 µs in a bucket of width 4 (4096–8191 µs)
    assert.equal(summary.maxMs, 7);
    assert.deepEqual(summary.failuresByReason, [
      { reason: "connection refused", count: 2, status: null, example: "" },
      { reason: "HTTP 500 Internal Server Error", count: 1, status: 500, example: '{"status":500}' },
    ]);
    assert.deepEqual(summary.failuresByStatus, [{ status: 500, count: 1 }]);
  });

  it("adds per-name stats into service totals exactly", () => {
    const a = new RequestStats();
    a.recordSuccess(1000, 5);
    a.recordFailure(3000, 0, "timeout", null, "");
    const b = new RequestStats();
    b.recordFailure(2000, 1, "timeout", null, "");
    const total = new RequestStats();
    total.add(a);
    total.add(b);
    const summary = summarize(total, 1000);
    assert.deepEqual([summary.requests, summary.failures, summary.bytes], [3, 2, 6]);
    assert.deepEqual([summary.minMs, summary.medianMs, summary.maxMs, summary.avgMs], [1, 2, 3, 2]);
    assert.deepEqual(summary.failuresByReason, [{ reason: "timeout", count: 2, status: null, example: "" }]);
  });

  it(`keeps at most ${MAX_REASONS} distinct reasons, folding the rest`, () => {
    const stats = new RequestStats();
    for (let i = 0; i < MAX_REASONS + 5; i++)
      stats.recordFailure(1000, 0, `reason ${i}`, 400, "x".repeat(1000));
    assert.equal(stats.failuresByReason.size, MAX_REASONS + 1);
    assert.equal(stats.failuresByReason.get(OTHER_REASONS)?.count, 5);
    assert.equal(stats.failuresByReason.get("reason 0")?.example.length, 300);
  });
});
