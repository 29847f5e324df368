import assert from "node:assert/strict";
import { Telemetry, type RequestRecord } from "../../../emulator/core/telemetry.js";

const record = (durationMs: number, status = 200): RequestRecord => ({
  time: 0,
  service: "bands",
  method: "GET",
  path: "/api/bands",
  route: "/api/bands",
  status,
  durationMs,
  delayMs: 0,
  fault: undefined,
  bytes: 0,
});

describe("telemetry: per-route statistics", () => {
  it("never reports a percentile above the largest duration recorded", () => {
    // 57.739 ms falls in a histogram bucket whose top is 57.759 ms.
    const telemetry = new Telemetry();
    telemetry.record(record(57.739));
    telemetry.record(record(1.5, 503));
    const [stats] = telemetry.routeStats();
    assert.deepEqual(stats, {
      service: "bands",
      method: "GET",
      route: "/api/bands",
      count: 2,
      errors: 1,
      meanMs: 29.622,
      p50Ms: 1.5,
      p95Ms: 57.739,
      p99Ms: 57.739,
      maxMs: 57.739,
    });
  });
});
