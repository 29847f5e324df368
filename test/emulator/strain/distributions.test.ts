import assert from "node:assert/strict";
import { sample, type Distribution } from "../../../emulator/strain/distribution.js";
import { parseLatencyText } from "../../../emulator/strain/parse-latency.js";
import { createRng } from "../../../emulator/strain/rng.js";

/** Enough samples that ~4 standard errors fit inside the tolerances below. */
const N = 50_000;

function draw(spec: string, seed = 42): number[] {
  const parsed = parseLatencyText(spec);
  assert.ok(parsed.ok, `${spec} parses`);
  const rng = createRng(seed, "test");
  return Array.from({ length: N }, () => sample(parsed.value as Distribution, rng));
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Case {
  spec: string;
  /** [expected, tolerance] in ms. */
  mean: [number, number];
  percentiles: Record<number, [number, number]>;
}

/**
 * Expected values are the distributions' own (analytic) mean and percentiles. Tolerances are
 * about four standard errors of the estimate at N = 50 000 (wider in thin tails, where the
 * estimate of a percentile is noisier), so a change of seed does not break them.
 */
const CASES: Case[] = [
  { spec: "100ms", mean: [100, 0], percentiles: { 0.1: [100, 0], 50: [100, 0], 99.9: [100, 0] } },
  {
    // Uniform: mean (a+b)/2, percentile a + p(b-a); SE(mean) ≈ 0.09 ms.
    spec: "10-80ms",
    mean: [45, 0.5],
    percentiles: { 10: [17, 0.75], 50: [45, 0.75], 90: [73, 0.75], 99: [79.3, 0.5] },
  },
  {
    // Normal(50, 10): percentiles 50 + 10·z; SE(p99) ≈ 0.17 ms.
    spec: "normal:50ms,10ms",
    mean: [50, 0.25],
    percentiles: { 10: [37.184, 0.5], 50: [50, 0.5], 90: [62.816, 0.5], 99: [73.263, 0.75] },
  },
  {
    // σ = ln(250/40)/z99 = 0.7878, mean = median·e^(σ²/2) = 54.55; SE(mean) ≈ 0.23, SE(p99) ≈ 3.3.
    spec: "lognormal:median=40ms,p99=250ms",
    mean: [54.551, 1.2],
    percentiles: { 50: [40, 1], 90: [109.78, 3], 99: [250, 13] },
  },
  {
    // Linear between the points: mean = Σ Δp·(v₁+v₂)/2 = 6.25 + 16 + 8.1 + 1.35 = 31.7.
    spec: "empirical:p0=5ms,p50=20ms,p90=60ms,p99=120ms,p100=150ms",
    mean: [31.7, 0.5],
    percentiles: { 25: [12.5, 0.5], 50: [20, 0.5], 75: [45, 1], 95: [93.333, 3], 99: [120, 5] },
  },
];

describe("latency distributions (seeded, 50 000 samples)", () => {
  for (const c of CASES) {
    it(`${c.spec}: mean and percentiles within the stated tolerance`, () => {
      const samples = draw(c.spec);
      const sorted = [...samples].sort((a, b) => a - b);
      const [expectedMean, meanTolerance] = c.mean;
      const actualMean = mean(samples);
      assert.ok(
        Math.abs(actualMean - expectedMean) <= meanTolerance,
        `mean ${actualMean} not within ${meanTolerance} of ${expectedMean}`,
      );
      for (const [p, [expected, tolerance]] of Object.entries(c.percentiles)) {
        const actual = percentile(sorted, Number(p));
        assert.ok(
          Math.abs(actual - expected) <= tolerance,
          `p${p} ${actual} not within ${tolerance} of ${expected}`,
        );
      }
    });
  }

  it("normal never goes below 0: a wide normal piles the negative side up at 0", () => {
    const samples = draw("normal:10ms,50ms");
    assert.equal(Math.min(...samples), 0);
    // P(X < 0) = Φ(-0.2) = 0.4207; SE of the fraction ≈ 0.0022.
    const atZero = samples.filter((x) => x === 0).length / N;
    assert.ok(Math.abs(atZero - 0.4207) <= 0.01, `fraction at 0 is ${atZero}`);
  });

  it("the same seed gives the same sequence; another seed or stream another one", () => {
    const spec = "lognormal:median=40ms,p99=250ms";
    assert.deepEqual(draw(spec, 7).slice(0, 1000), draw(spec, 7).slice(0, 1000));
    assert.notDeepEqual(draw(spec, 7).slice(0, 1000), draw(spec, 8).slice(0, 1000));
    const bands = createRng(7, "bands");
    const users = createRng(7, "users");
    assert.notEqual(bands.next(), users.next());
  });

  it("the generator is uniform on [0, 1): deciles hold a tenth each", () => {
    const rng = createRng(2 ** 40 + 3);
    const deciles = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < N; i++) {
      const u = rng.next();
      assert.ok(u >= 0 && u < 1);
      (deciles[Math.floor(u * 10)] as number)++;
    }
    // Each decile: 5000 expected, SE ≈ 67.
    for (const count of deciles) assert.ok(Math.abs(count - N / 10) <= 300, `decile count ${count}`);
  });
});
