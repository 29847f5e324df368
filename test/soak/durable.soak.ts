/**
 * kill -9 again and again on one data file: six rounds of 32 concurrent writers, each killed
 * after 600 acknowledged creates and started again. Nothing acknowledged is ever lost, no
 * counter goes back, and no create waits a second for its answer.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { killRound } from "../hardening/durable/kill-restart.js";

const ROUNDS = 6;

describe(`kill -9 under load, ${ROUNDS} rounds on one data file`, function () {
  this.timeout(180_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "soundcheck-durable-soak-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("every acknowledged create survives every kill; counters only grow", async () => {
    const file = join(dir, "store.json");
    let counters: Record<string, number> = {};
    let total = 0;
    let slowest = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const result = await killRound(file, round, 600, 32, counters);
      counters = result.counters;
      total += result.acknowledged;
      slowest = Math.max(slowest, result.slowestMs);
    }
    console.log(
      `      ${total} acknowledged creates over ${ROUNDS} kills, slowest answer ${Math.round(slowest)} ms`,
    );
    assert.ok(slowest < 1000, `slowest acknowledged create took ${slowest} ms`);
  });
});
