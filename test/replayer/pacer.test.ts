import assert from "node:assert/strict";
import { arrivalAtMs, arrivalsDue, spawnAtMs, totalArrivals, usersDue } from "../../replayer/engine/pacer.js";

describe("pacer", () => {
  describe("usersDue (closed model)", () => {
    const cases: [elapsedMs: number, users: number, spawnRate: number, expected: number][] = [
      [-1, 50, 10, 0],
      [0, 50, 10, 1],
      [99.9, 50, 10, 1],
      [100, 50, 10, 2],
      [250, 50, 10, 3],
      [4899, 50, 10, 49],
      [4900, 50, 10, 50],
      [60_000, 50, 10, 50],
      [0, 3, 1000, 1],
      [2, 3, 1000, 3],
      [999, 5, 1, 1],
      [1000, 5, 1, 2],
      [333, 10, 3, 1],
      [334, 10, 3, 2],
      [1000, 10, 3, 4],
    ];
    for (const [elapsedMs, users, spawnRate, expected] of cases) {
      it(`${users} users at ${spawnRate}/s, ${elapsedMs} ms in → ${expected}`, () => {
        assert.equal(usersDue(elapsedMs, users, spawnRate), expected);
      });
    }
    it("spawns user i at i / spawnRate seconds", () => {
      assert.deepEqual(
        [0, 1, 2, 49].map((i) => spawnAtMs(i, 10)),
        [0, 100, 200, 4900],
      );
    });
  });

  describe("arrivalsDue (open model)", () => {
    const cases: [elapsedMs: number, rate: number, runTimeMs: number, expected: number][] = [
      [-5, 100, 1000, 0],
      [0, 100, 1000, 1],
      [9.99, 100, 1000, 1],
      [10, 100, 1000, 2],
      [999, 100, 1000, 100],
      [5000, 100, 1000, 100],
      [0.5, 2000, 10_000, 2],
      [10_000, 2000, 10_000, 20_000],
      [1000, 3, 10_000, 4],
      [999.99, 3, 10_000, 3],
      [1000, 0.5, 10_000, 1],
      [2000, 0.5, 10_000, 2],
    ];
    for (const [elapsedMs, rate, runTimeMs, expected] of cases) {
      it(`${rate}/s over ${runTimeMs} ms, ${elapsedMs} ms in → ${expected}`, () => {
        assert.equal(arrivalsDue(elapsedMs, rate, runTimeMs), expected);
      });
    }
    it("counts the arrivals intended strictly inside the window", () => {
      assert.equal(totalArrivals(2000, 10_000), 20_000);
      assert.equal(totalArrivals(3, 1000), 3);
      assert.equal(totalArrivals(3, 1001), 4);
      assert.equal(totalArrivals(0.5, 1000), 1);
    });
    it("agrees with the intended start of each arrival", () => {
      for (const rate of [3, 7, 100, 2000]) {
        for (let index = 0; index < 50; index++) {
          const at = arrivalAtMs(index, rate);
          assert.equal(arrivalsDue(at, rate, 1e9), index + 1, `rate ${rate}, arrival ${index}`);
        }
      }
    });
  });
});
