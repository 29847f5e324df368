import assert from "node:assert/strict";
import type { ServiceName } from "../../replayer/services.js";
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
