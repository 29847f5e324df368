import assert from "node:assert/strict";
import { alternate } from "../../bench/alternate.js";
import {
  atLeast,
  below,
  median,
  pairedRatios,
  quantile,
  ratio,
  verdict,
  within,
} from "../../bench/figures.js";
import { memoryGrowth } from "../../bench/rows/festival.js";

describe("bench figures", () => {
  describe("median and quantile", () => {
    const cases: [values: number[], q: number, expected: number][] = [
      [[3], 0.5, 3],
      [[3, 1, 2], 0.5, 2],
      [[4, 1, 3, 2], 0.5, 2.5],
      [[10, 20, 30, 40, 50], 0, 10],
      [[10, 20, 30, 40, 50], 1, 50],
      [[10, 20, 30, 40, 50], 0.25, 20],
      [[0, 100], 0.99, 99],
    ];
    for (const [values, q, expected] of cases) {
      it(`q${q} of [${values}] → ${expected}`, () => assert.equal(quantile(values, q), expected));
    }
    it("is NaN without values", () => assert.ok(Number.isNaN(median([]))));
    it("leaves its input in order", () => {
      const values = [3, 1, 2];
      median(values);
      assert.deepEqual(values, [3, 1, 2]);
    });
  });

  describe("ratios", () => {
    it("divides the figure by its reference", () => assert.equal(ratio(5, 20), 0.25));
    it("is NaN for a reference of 0 or a figure that is not a number", () => {
      assert.ok(Number.isNaN(ratio(5, 0)));
      assert.ok(Number.isNaN(ratio(Number.NaN, 5)));
    });
    it("pairs each round with the reference measured beside it", () =>
      assert.deepEqual(pairedRatios([10, 30, 5], [20, 30, 10]), [0.5, 1, 0.5]));
    it("a round without its reference gives NaN", () => {
      const [first, second] = pairedRatios([10, 30], [20]);
      assert.equal(first, 0.5);
      assert.ok(Number.isNaN(second));
    });
  });

  describe("targets", () => {
    const cases: [name: string, target: ReturnType<typeof atLeast>, value: number, met: boolean][] = [
      ["≥ 0.5 at 0.5", atLeast(0.5), 0.5, true],
      ["≥ 0.5 at 0.49", atLeast(0.5), 0.49, false],
      ["< 10 at 9.9", below(10, "< 10 ms"), 9.9, true],
      ["< 10 at 10", below(10, "< 10 ms"), 10, false],
      ["within 1 at -1", within(1, "within 1 ms"), -1, true],
      ["within 1 at +1.01", within(1, "within 1 ms"), 1.01, false],
      ["within 0.05 at -0.06", within(0.05, "within 5 %"), -0.06, false],
    ];
    for (const [name, target, value, met] of cases) {
      it(`${name} → ${met ? "met" : "missed"}`, () => assert.equal(verdict(target, value), met));
    }
    it("never meets a figure that is not a number", () => {
      assert.equal(verdict(atLeast(0), Number.NaN), false);
      assert.equal(verdict(within(1, "within 1"), Number.NaN), false);
    });
    it("a row without a target is stated, not judged", () => assert.equal(verdict(null, 3), null));
    it("states its target as given", () => {
      assert.equal(atLeast(0.35).text, "≥ 0.35");
      assert.equal(below(1000, "< 1 s").text, "< 1 s");
    });
  });

  describe("alternate", () => {
    it("swaps who goes first every round and keeps each side's results in round order", async () => {
      const calls: string[] = [];
      const result = await alternate(
        3,
        async (round) => (calls.push(`a${round}`), `A${round}`),
        async (round) => (calls.push(`b${round}`), `B${round}`),
      );
      assert.deepEqual(calls, ["a0", "b0", "b1", "a1", "a2", "b2"]);
      assert.deepEqual(result, { a: ["A0", "A1", "A2"], b: ["B0", "B1", "B2"], order: ["a", "b", "a"] });
    });
  });

  describe("memory growth", () => {
    const samples = [
      { atMs: 0, replayerMb: 60, emulatorMb: 90 },
      { atMs: 9_990, replayerMb: 80, emulatorMb: 120 },
      { atMs: 11_000, replayerMb: 85, emulatorMb: 125 },
      { atMs: 30_000, replayerMb: 110, emulatorMb: 140 },
      { atMs: 60_000, replayerMb: 95, emulatorMb: 160 },
    ];
    it("counts from the first sample after the warm-up to the last, and keeps the peak", () => {
      assert.deepEqual(memoryGrowth(samples, 10_000), {
        start: samples[0],
        warm: samples[2],
        last: samples[4],
        replayerGrowthMb: 10,
        replayerPeakGrowthMb: 25,
      });
    });
    it("a run shorter than the warm-up compares its last sample with itself", () => {
      const growth = memoryGrowth(samples.slice(0, 2), 10_000);
      assert.equal(growth?.warm, samples[1]);
      assert.equal(growth?.replayerGrowthMb, 0);
    });
    it("no samples, no figure", () => assert.equal(memoryGrowth([], 10_000), undefined));
  });
});
