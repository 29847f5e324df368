import assert from "node:assert/strict";
import type { RunOutcome } from "../../replayer/engine/run.js";
import { buildResults, type RunMeta } from "../../replayer/report/results.js";
import type { ServiceName } from "../../replayer/services.js";
import { StatsCollector, type RouteName } from "../../replayer/stats/stats-collector.js";
import type { StatsSummary } from "../../replayer/stats/summarize.js";
import { DEFAULT_THRESHOLDS, parseThresholds } from "../../replayer/verdict/thresholds.js";
import { judge } from "../../replayer/verdict/verdict.js";
import { flat } from "./helpers/summaries.js";

/** Requests over 10 s, per service, all at `latencyUs`. */
function services(counts: Record<ServiceName, number>, latencyUs = 2000): Record<ServiceName, StatsSummary> {
  return {
    users: flat(counts.users, latencyUs, 10_000),
    bands: flat(counts.bands, latencyUs, 10_000),
    catalog: flat(counts.catalog, latencyUs, 10_000),
    tours: flat(counts.tours, latencyUs, 10_000),
  };
}

const ENOUGH = { users: 400, bands: 1000, catalog: 300, tours: 500 };

describe("verdict", () => {
  const cases: {
    title: string;
    overall: StatsSummary;
    counts: Record<ServiceName, number>;
    judged?: ServiceName[];
    failing: string[];
    measured?: Record<string, number | null>;
  }[] = [
    { title: "everything within target", overall: flat(2200, 2000, 10_000), counts: ENOUGH, failing: [] },
    {
      title: "exactly at every target passes (≤ and ≥ are inclusive)",
      overall: flat(100, 500_000, 10_000, 1),
      counts: { users: 400, bands: 1000, catalog: 300, tours: 500 },
      failing: [],
      measured: { "failure-rate": 1, "avg-response": 500, "bands-throughput": 100, "users-throughput": 40 },
    },
    {
      title: "failure rate above 1 %",
      overall: flat(1000, 2000, 10_000, 11),
      counts: ENOUGH,
      failing: ["failure-rate"],
      measured: { "failure-rate": 1.1 },
    },
    {
      title: "slow: average and p95 over",
      overall: flat(100, 1_200_000, 10_000),
      counts: ENOUGH,
      failing: ["avg-response", "p95-response"],
      measured: { "avg-response": 1200, "p95-response": 1200 },
    },
    {
      title: "one service too slow in throughput",
      overall: flat(2000, 2000, 10_000),
      counts: { users: 399, bands: 1000, catalog: 300, tours: 500 },
      failing: ["users-throughput"],
      measured: { "users-throughput": 39.9 },
    },
    {
      title: "a service not selected by --tags is shown but not judged",
      overall: flat(1500, 2000, 10_000),
      counts: { users: 30, bands: 1000, catalog: 0, tours: 500 },
      judged: ["bands", "tours"],
      failing: [],
      measured: { "catalog-throughput": 0, "users-throughput": 3 },
    },
    {
      title: "no request at all: n/a fails the latency and rate checks",
      overall: flat(0, 0, 0),
      counts: { users: 0, bands: 0, catalog: 0, tours: 0 },
      failing: [
        "failure-rate",
        "avg-response",
        "p95-response",
        "bands-throughput",
        "tours-throughput",
        "catalog-throughput",
        "users-throughput",
      ],
      measured: { "failure-rate": null, "avg-response": null, "bands-throughput": 0 },
    },
  ];
  for (const item of cases) {
    it(item.title, () => {
      const verdict = judge(item.overall, services(item.counts), DEFAULT_THRESHOLDS, item.judged);
      assert.deepEqual(
        verdict.checks.filter((check) => !check.passed).map((check) => check.id),
        item.failing,
      );
      assert.equal(verdict.passed, item.failing.length === 0);
      assert.equal(
        verdict.headline,
        item.failing.length === 0 ? "SHOWCASE SUCCESSFUL" : "SHOWCASE NEEDS IMPROVEMENT",
      );
      for (const [id, value] of Object.entries(item.measured ?? {})) {
        assert.equal(verdict.checks.find((check) => check.id === id)?.measured, value, id);
      }
    });
  }

  it("lists the seven checks of festival-scenario.md with their targets", () => {
    const verdict = judge(flat(1, 1000, 1000), services(ENOUGH), DEFAULT_THRESHOLDS);
    assert.deepEqual(
      verdict.checks.map((check) => `${check.label} ${check.comparison} ${check.target} ${check.unit}`),
      [
        "failure rate, all requests ≤ 1 %",
        "average response time ≤ 500 ms",
        "95th percentile response time ≤ 1000 ms",
        "band service throughput ≥ 100 req/s",
        "tour service throughput ≥ 50 req/s",
        "music catalog throughput ≥ 30 req/s",
        "user service throughput ≥ 40 req/s",
      ],
    );
  });
});

describe("verdict of a run", () => {
  const BANDS: RouteName = { name: "/api/bands [GET]", method: "GET", service: "bands" };
  const META: RunMeta = {
    runId: "edge",
    timestamp: "20250601_120000",
    startedAt: "2025-06-01T12:00:00.000Z",
    target: "emu",
    model: "closed",
    users: 1,
    spawnRate: 1,
    rate: null,
    runTimeMs: 10_000,
    tags: null,
    thinkMs: { min: 0, max: 0 },
    seed: 1,
    timeoutMs: 5000,
  };

  /** A run of `latenciesUs.length` band-service requests, the first `failures` of them failed. */
  function checksOf(latenciesUs: number[], failures: number, durationMs: number) {
    const stats = new StatsCollector(0, () => 1, [BANDS]);
    stats.noteSent(0);
    latenciesUs.forEach((latencyUs, index) => {
      const entry = stats.entry(BANDS);
      if (index < failures) stats.recordFailure(entry, 1, latencyUs, 0, "HTTP 500", 500, "");
      else stats.recordSuccess(entry, 1, latencyUs, 0);
    });
    const outcome: RunOutcome = {
      stats,
      stoppedBy: "time",
      startMs: 0,
      firstSentMs: 0,
      endMs: durationMs,
      durationMs,
    };
    const results = buildResults(outcome, META, DEFAULT_THRESHOLDS, ["bands"]);
    return new Map(results.verdict.checks.map((check) => [check.id, check]));
  }

  // Each figure rounds (3 decimals) onto its target; the exact one is on the wrong side of it.
  it("a failure rate of 1.0004 % fails ≤ 1 %, though it reads 1", () => {
    const check = checksOf(Array<number>(250_001).fill(1000), 2501, 10_000).get("failure-rate");
    assert.equal(check?.measured, 1);
    assert.equal(check?.passed, false);
  });

  it("an average of 500.0003 ms fails ≤ 500 ms, though it reads 500", () => {
    const checks = checksOf([500_000, 500_000, 500_001], 0, 10);
    assert.equal(checks.get("avg-response")?.measured, 500);
    assert.equal(checks.get("avg-response")?.passed, false);
  });

  it("99.9996 requests/s fail ≥ 100, though they read 100", () => {
    const check = checksOf(Array<number>(1000).fill(1000), 0, 10_000.04).get("bands-throughput");
    assert.equal(check?.measured, 100);
    assert.equal(check?.passed, false);
  });

  it("exactly at the targets still passes", () => {
    const checks = checksOf(Array<number>(1000).fill(500_000), 10, 10_000);
    assert.equal(checks.get("failure-rate")?.passed, true);
    assert.equal(checks.get("avg-response")?.passed, true);
    assert.equal(checks.get("bands-throughput")?.measured, 100);
    assert.equal(checks.get("bands-throughput")?.passed, true);
  });
});

describe("thresholds file", () => {
  it("overrides the defaults it names and keeps the rest", () => {
    const { thresholds, problems } = parseThresholds(
      '{"maxAvgResponseMs": 50, "minRps": {"tours": 5}}',
      "--thresholds",
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(thresholds, {
      ...DEFAULT_THRESHOLDS,
      maxAvgResponseMs: 50,
      minRps: { ...DEFAULT_THRESHOLDS.minRps, tours: 5 },
    });
  });

  it("reports every problem at once", () => {
    const { problems } = parseThresholds(
      '{"maxP95": 1, "maxFailureRatePercent": -1, "minRps": {"auth": 1, "users": "x"}}',
      "--thresholds",
    );
    assert.deepEqual(problems, [
      "--thresholds: unknown key 'maxP95'",
      "--thresholds: maxFailureRatePercent must be a number ≥ 0",
      "--thresholds: minRps has unknown service 'auth' (one of users, bands, catalog, tours)",
      "--thresholds: minRps.users must be a number ≥ 0",
    ]);
  });

  it("rejects text that is not a JSON object", () => {
    assert.deepEqual(parseThresholds("[1]", "--thresholds").problems, [
      "--thresholds: must be a JSON object",
    ]);
    assert.match(parseThresholds("{", "--thresholds").problems[0] ?? "", /^--thresholds: not JSON/);
  });
});
