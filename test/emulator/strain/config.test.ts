import assert from "node:assert/strict";
import { resolveConfig, type ConfigResult } from "../../../emulator/config/config.js";
import { strainToJson } from "../../../emulator/strain/settings-to-json.js";

function strainOf(result: ConfigResult) {
  assert.ok(result.ok, result.ok ? "" : result.problems.join("; "));
  return strainToJson(result.config.strain);
}

function problemsOf(result: ConfigResult): string[] {
  assert.ok(!result.ok, "the configuration should be refused");
  return result.problems;
}

describe("strain configuration (flags and config file)", () => {
  it("reads --latency, --fault and --capacity", () => {
    const result = resolveConfig(
      {},
      {
        latency: ["100ms", "bands=normal:50ms,10ms", "users=lognormal:median=40ms,p99=250ms"],
        fault: [
          "bands=503:0.2",
          "users=reset:0.05",
          "catalog=truncate:every=10",
          "bands=slow:every=3",
          "429:1%",
        ],
        capacity: ["bands=20", "tours=5:2ms"],
      },
    );
    assert.deepEqual(strainOf(result), {
      latency: { "*": "100ms", bands: "normal:50ms,10ms", users: "lognormal:median=40ms,p99=250ms" },
      faults: {
        "*": [{ kind: "status", status: 429, probability: 0.01 }],
        users: [{ kind: "reset", probability: 0.05 }],
        bands: [
          { kind: "status", status: 503, probability: 0.2 },
          { kind: "slow", bytesPerSecond: 256, every: 3 },
        ],
        catalog: [{ kind: "truncate", every: 10 }],
      },
      capacity: { bands: { concurrent: 20, stepMs: 0 }, tours: { concurrent: 5, stepMs: 2 } },
      routes: [],
    });
  });

  it("reads the config file keys, per-route entries included", () => {
    const file = {
      latency: { "*": 5, catalog: { percentiles: { 50: "20ms", 99: "200ms" } } },
      faults: {
        bands: "503:0.1",
        tours: [
          { kind: "slow", bytesPerSecond: 64, probability: 0.1 },
          { status: 500, every: 4 },
          "hang:0.01",
        ],
      },
      capacity: { users: { concurrent: 8, stepMs: "1ms" } },
      routes: [
        { service: "bands", method: "get", route: "/api/bands/{id}", latency: "uniform:10-80ms" },
        { service: "catalog", route: "/api/albums", faults: [] },
      ],
    };
    assert.deepEqual(strainOf(resolveConfig(file, {})), {
      latency: { "*": "5ms", catalog: "empirical:p50=20ms,p99=200ms" },
      faults: {
        bands: [{ kind: "status", status: 503, probability: 0.1 }],
        tours: [
          { kind: "slow", bytesPerSecond: 64, probability: 0.1 },
          { kind: "status", status: 500, every: 4 },
          { kind: "hang", probability: 0.01 },
        ],
      },
      capacity: { users: { concurrent: 8, stepMs: 1 } },
      routes: [
        { service: "bands", method: "GET", route: "/api/bands/{id}", latency: "10-80ms" },
        { service: "catalog", route: "/api/albums", faults: [] },
      ],
    });
  });

  it("flags win over the file, scope by scope", () => {
    const file = {
      latency: { "*": "5ms", bands: "7ms" },
      faults: { bands: ["503:0.1"], users: ["reset:0.1"] },
    };
    const strain = strainOf(resolveConfig(file, { latency: ["bands=9ms"], fault: ["bands=hang:every=2"] }));
    assert.deepEqual(strain.latency, { "*": "5ms", bands: "9ms" });
    assert.deepEqual(strain.faults, {
      users: [{ kind: "reset", probability: 0.1 }],
      bands: [{ kind: "hang", every: 2 }],
    });
  });

  it("reads a recording through the reader it is given", () => {
    const text = [10, 20, 30].map((ms) => JSON.stringify({ durationMs: ms })).join("\n");
    const result = resolveConfig({}, { latency: ["tours=recording:run.jsonl"] }, { readText: () => text });
    const latency = strainOf(result).latency.tours as string;
    assert.match(latency, /^empirical:p0=10ms,p1=10\.2ms,.*,p50=20ms,.*,p100=30ms$/);
  });

  it("refuses a summary interval or saga delay longer than a timer can hold", () => {
    assert.deepEqual(problemsOf(resolveConfig({ sagaDelay: "600h" }, { summaryInterval: "1000h" })), [
      "--summary-interval: must be at most 596h",
      "--saga-delay: must be at most 596h",
    ]);
    assert.equal(resolveConfig({}, { summaryInterval: "596h", sagaDelay: "596h" }).ok, true);
  });

  it("collects every strain problem with the others (exit 2 in emu start)", () => {
    const problems = problemsOf(
      resolveConfig(
        {
          latency: { bandz: "1ms" },
          faults: { tours: ["500:0.7", "reset:0.5"] },
          capacity: 3,
          routes: [
            { service: "bands", route: "api", latency: "5ms", extra: true },
            { service: "bands", method: "GET", route: "/x", latency: "1ms" },
            { service: "bands", method: "GET", route: "/x", faults: [] },
            { service: "users", method: "HEAD", route: "/y" },
          ],
        },
        {
          latency: ["gauss:1ms", "*=normal:1ms"],
          fault: [
            "bands=503",
            "users=teapot:0.1",
            "catalog=503:every=0",
            "bands=reset:0.6",
            "bands=hang:0.6",
          ],
          capacity: ["auth=10", "bands=0", "20"],
          summaryInterval: "1ms",
        },
        { readText: () => "" },
      ),
    );
    assert.deepEqual(problems, [
      "config.latency.bandz: unknown service 'bandz' (one of auth, users, bands, catalog, tours)",
      "config.faults.tours: the probabilities add up to 1.2, above 1",
      'config.capacity: must be an object of service → capacity (e.g. {"bands": 20})',
      'config.routes[0]: unknown key "extra"',
      'config.routes[0].route: "api" is not a route pattern (e.g. /api/bands/{id})',
      "config.routes[2]: a second entry for bands GET /x",
      'config.routes[3].method: "HEAD" is not one of GET, POST, PUT, PATCH, DELETE, OPTIONS (HEAD follows GET)',
      "config.routes[3]: sets neither latency nor faults",
      "--latency: unknown distribution 'gauss' (one of uniform, normal, lognormal, empirical, recording, or a duration)",
      "--latency: 'normal:1ms' needs a mean and a standard deviation (e.g. normal:50ms,10ms)",
      "--fault: '503' needs a probability or every=N after the fault (e.g. 503:0.2, reset:every=10)",
      "--fault: unknown fault 'teapot' (an HTTP status 400-599, reset, hang, slow or truncate)",
      "--fault: every must be an integer ≥ 1, not 0",
      "--fault: bands: the probabilities add up to 1.2, above 1",
      '--capacity: the capacity must be an integer ≥ 1 (e.g. 20, 20:5ms or {"concurrent": 20, "stepMs": 5})',
      "--capacity: '20' needs a service (e.g. bands=20)",
      "--summary-interval: must be at least 100ms",
    ]);
  });
});
