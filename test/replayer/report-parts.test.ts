import assert from "node:assert/strict";
import type { RunTick } from "../../replayer/engine/run.js";
import { judgedServices } from "../../replayer/replay.js";
import { lineChart, niceCeiling, secondsStep } from "../../replayer/report/charts.js";
import { formatFixed, formatNumber, showUnprintable } from "../../replayer/report/format.js";
import { slowestEndpoints } from "../../replayer/report/html-report.js";
import { formatProgress } from "../../replayer/report/progress-line.js";
import { fileTimestamp } from "../../replayer/report/results.js";
import { utcDatePlusDays } from "../../replayer/scenario/festival/data-generator.js";
import { StatsCollector } from "../../replayer/stats/stats-collector.js";
import { seededResults } from "./helpers/seeded-results.js";

describe("report parts", () => {
  describe("numbers", () => {
    const cases: [number | null, string, string][] = [
      [null, "n/a", "n/a"],
      [Number.NaN, "n/a", "n/a"],
      [Number.POSITIVE_INFINITY, "n/a", "n/a"],
      [0, "0", "0.00"],
      [12.3456, "12.346", "12.35"],
      [1234567.891, "1234567.891", "1,234,567.89"],
    ];
    for (const [value, plain, fixed] of cases) {
      it(`${value} → ${plain} / ${fixed}`, () => {
        assert.equal(formatNumber(value), plain);
        assert.equal(formatFixed(value), fixed);
      });
    }
    it("makes unprintable characters visible and leaves the rest", () => {
      assert.equal(showUnprintable("a\u0000b\u007fc\td\ne\r🎸\ud800"), "a\\u0000b\\u007fc\td\ne\r🎸\\ud800");
    });
  });

  describe("charts", () => {
    const ceilings: [number, number][] = [
      [0, 1],
      [0.3, 0.5],
      [1, 1],
      [1.01, 2],
      [7, 10],
      [120, 200],
      [4999, 5000],
    ];
    for (const [value, expected] of ceilings)
      it(`nice ceiling of ${value} is ${expected}`, () => assert.equal(niceCeiling(value), expected));

    it("draws values to the plot, breaks the line at a missing value and marks a lone point", () => {
      const chart = lineChart(
        "t",
        "ms",
        [0, 1, 2, 3, 4],
        [
          { label: "a", color: "#000", values: [0, 5, null, 10, 10] },
          { label: "b", color: "#111", values: [null, null, 4, null, null] },
          { label: "c", color: "#222", values: [null, null, null, null, null] },
        ],
      );
      assert.deepEqual(chart.plot, { left: 56, top: 12, right: 708, bottom: 192 });
      assert.equal(chart.lines[0]?.d, "M56,192 L219,102 M545,12 L708,12");
      assert.equal(chart.lines[1]?.d, "M378,120 h8");
      assert.equal(chart.lines[2]?.d, "");
      assert.deepEqual(
        chart.yTicks.map((tick) => tick.label),
        ["0", "2.5", "5", "7.5", "10"],
      );
      assert.deepEqual(
        chart.xTicks.map((tick) => tick.label),
        ["0s", "1s", "2s", "3s", "4s"],
      );
    });

    it("puts the time ticks on evenly spaced whole seconds, not rounded fractions of the run", () => {
      const seconds = [0, 1, 2, 3, 4, 5, 6, 7, 8];
      const chart = lineChart("t", "ms", seconds, [{ label: "a", color: "#000", values: seconds }]);
      assert.deepEqual(
        chart.xTicks.map((tick) => tick.label),
        ["0s", "2s", "4s", "6s", "8s"],
      );
      assert.deepEqual(
        chart.xTicks.map((tick) => tick.x),
        [56, 219, 382, 545, 708],
      );
    });

    const steps: [number, number][] = [
      [1, 1],
      [6, 1],
      [7, 2],
      [8, 2],
      [13, 5],
      [59, 10],
      [600, 120],
      [3600, 600],
    ];
    for (const [span, step] of steps)
      it(`ticks a ${span} s run every ${step} s`, () => assert.equal(secondsStep(span), step));

    it("draws the lone point of a one-second run as a dash inside the plot", () => {
      const chart = lineChart("t", "ms", [0], [{ label: "a", color: "#000", values: [5] }]);
      assert.equal(chart.lines[0]?.d, "M56,12 h8");
    });

    it("copes with an empty series", () => {
      const chart = lineChart("t", "ms", [], [{ label: "a", color: "#000", values: [] }]);
      assert.equal(chart.lines[0]?.d, "");
      assert.deepEqual(
        chart.xTicks.map((tick) => tick.label),
        ["0s", "1s"],
      );
    });
  });

  it("lists the 10 slowest names that saw requests, by p95", () => {
    const slowest = slowestEndpoints(seededResults().endpoints);
    assert.ok(slowest.length <= 10 && slowest.every((endpoint) => endpoint.requests > 0));
    for (let i = 1; i < slowest.length; i++)
      assert.ok((slowest[i - 1]?.p95Ms ?? 0) >= (slowest[i]?.p95Ms ?? 0));
  });

  it("shows elapsed/total, users, requests/s, failures and p95 on the progress line", () => {
    const stats = new StatsCollector(0, () => 7);
    const entry = stats.entry({ name: "/x [GET]", method: "GET", service: "bands" });
    for (let i = 0; i < 9; i++) stats.recordSuccess(entry, 100 + i, 2000, 1);
    stats.recordFailure(entry, 500, 4000, 0, "timeout", null, "");
    stats.series.rollTo(1000);
    const tick: RunTick = { elapsedMs: 1500, users: 7, stats };
    assert.equal(
      formatProgress(tick, 20_000),
      "1s/20s  users 7  10.0 req/s  failures 1 (10.00 %)  p95 4.0 ms",
    );
    assert.equal(
      formatProgress({ elapsedMs: 0, users: 0, stats: new StatsCollector(0, () => 0) }, 5000),
      "0s/5s  users 0  0.0 req/s  failures 0 (0.00 %)  p95 n/a",
    );
  });

  it("names files by the UTC start time", () => {
    assert.equal(fileTimestamp(Date.UTC(2025, 5, 1, 9, 8, 7)), "20250601_090807");
  });

  it("counts calendar days in UTC", () => {
    assert.equal(utcDatePlusDays(Date.UTC(2024, 1, 28, 23, 59), 1), "2024-02-29");
    assert.equal(utcDatePlusDays(Date.UTC(2025, 11, 31, 0, 0), 30), "2026-01-30");
  });

  it("judges the throughput of the services the selected tags send to", () => {
    assert.deepEqual(judgedServices(null), ["users", "bands", "catalog", "tours"]);
    assert.deepEqual(judgedServices(["bands", "tours"]), ["bands", "tours"]);
    assert.deepEqual(judgedServices(["songs"]), ["catalog"]);
  });
});
