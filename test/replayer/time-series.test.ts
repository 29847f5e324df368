import assert from "node:assert/strict";
import { TimeSeries } from "../../replayer/stats/time-series.js";

describe("per-second time series", () => {
  it("closes each second with its counts, median, p95 and the most users active during it", () => {
    let users = 3;
    const series = new TimeSeries(1000, () => users);
    series.record(1000, 2000, false);
    series.record(1500, 4000, true);
    series.record(1999, 6000, false);
    users = 5;
    series.record(2100, 1000, false);
    series.recordMissed(2200);
    series.finish(2500);
    assert.deepEqual(series.points, [
      // Second 0 is closed by the request at 2100 ms, when 5 are active; during it there were 3.
      { second: 0, requests: 3, failures: 1, missed: 0, medianMs: 4.001, p95Ms: 6, users: 3 },
      { second: 1, requests: 1, failures: 0, missed: 1, medianMs: 1, p95Ms: 1, users: 5 },
    ]);
  });

  it("gives seconds without any request a point with n/a latencies", () => {
    const series = new TimeSeries(0, () => 2);
    series.record(100, 1000, false);
    series.record(3100, 1000, true);
    series.finish(3200);
    assert.deepEqual(
      series.points.map((point) => [point.second, point.requests, point.failures, point.medianMs]),
      [
        [0, 1, 0, 1],
        [1, 0, 0, null],
        [2, 0, 0, null],
        [3, 1, 1, 1],
      ],
    );
  });

  it("the last, partial second keeps the users it had, though the run has ended when it closes", () => {
    let users = 4;
    const series = new TimeSeries(0, () => users);
    series.record(1200, 1000, false);
    users = 0;
    series.finish(1500);
    assert.deepEqual(
      series.points.map((point) => [point.second, point.users]),
      [
        [0, 4],
        [1, 4],
      ],
    );
  });

  it("does not add an empty trailing point", () => {
    const series = new TimeSeries(0, () => 1);
    series.record(10, 500, false);
    series.rollTo(1000);
    series.finish(1000);
    assert.equal(series.points.length, 1);
    assert.equal(series.latest?.requests, 1);
  });
});
