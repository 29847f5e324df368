import assert from "node:assert/strict";
import { sample } from "../../../emulator/strain/distribution.js";
import { formatLatency, parseLatency, parseLatencyText } from "../../../emulator/strain/parse-latency.js";
import { readRecordingDurations } from "../../../emulator/strain/recording.js";
import { createRng } from "../../../emulator/strain/rng.js";

describe("latency spellings", () => {
  const GOOD: [string, unknown, string][] = [
    ["100ms", { kind: "fixed", ms: 100 }, "100ms"],
    ["250", { kind: "fixed", ms: 250 }, "250ms"],
    ["1.5s", { kind: "fixed", ms: 1500 }, "1500ms"],
    ["10-80ms", { kind: "uniform", minMs: 10, maxMs: 80 }, "10-80ms"],
    ["10ms-0.08s", { kind: "uniform", minMs: 10, maxMs: 80 }, "10-80ms"],
    ["uniform:5-6ms", { kind: "uniform", minMs: 5, maxMs: 6 }, "5-6ms"],
    ["normal:50ms,10ms", { kind: "normal", meanMs: 50, sdMs: 10 }, "normal:50ms,10ms"],
    ["normal:mean=1s,sd=200ms", { kind: "normal", meanMs: 1000, sdMs: 200 }, "normal:1000ms,200ms"],
    [
      "lognormal:median=40ms,p99=250ms",
      { kind: "lognormal", medianMs: 40, p99Ms: 250 },
      "lognormal:median=40ms,p99=250ms",
    ],
    [
      "empirical:p50=20ms,p99.9=1s",
      {
        kind: "empirical",
        points: [
          { p: 50, ms: 20 },
          { p: 99.9, ms: 1000 },
        ],
      },
      "empirical:p50=20ms,p99.9=1000ms",
    ],
  ];
  for (const [text, expected, canonical] of GOOD) {
    it(`reads ${text} and writes it back as ${canonical}`, () => {
      const parsed = parseLatencyText(text);
      assert.deepEqual(parsed, { ok: true, value: expected });
      assert.equal(formatLatency(expected as never), canonical);
      assert.deepEqual(parseLatencyText(canonical), parsed);
    });
  }

  const BAD: [unknown, string][] = [
    [
      "gauss:1,2",
      "unknown distribution 'gauss' (one of uniform, normal, lognormal, empirical, recording, or a duration)",
    ],
    [
      "gauss",
      "unknown distribution 'gauss' (one of uniform, normal, lognormal, empirical, recording, or a duration)",
    ],
    [
      "fast",
      "unknown distribution 'fast' (one of uniform, normal, lognormal, empirical, recording, or a duration)",
    ],
    [
      "normal",
      "'normal' needs its parameters (e.g. 100ms, 10-80ms, normal:50ms,10ms, lognormal:median=40ms,p99=250ms, empirical:p50=20ms,p99=200ms)",
    ],
    ["80-10ms", "'80-10ms': the upper bound is below the lower one"],
    ["normal:50ms", "'normal:50ms' needs a mean and a standard deviation (e.g. normal:50ms,10ms)"],
    [
      "lognormal:median=40ms",
      "'lognormal:median=40ms' needs a median and a p99 (e.g. lognormal:median=40ms,p99=250ms)",
    ],
    ["lognormal:median=40ms,p99=30ms", "'lognormal:median=40ms,p99=30ms': p99 must be above the median"],
    ["lognormal:median=0ms,p99=30ms", "'lognormal:median=0ms,p99=30ms': the median must be above 0"],
    [
      "empirical:p50=20ms,p90=10ms",
      "'empirical:p50=20ms,p90=10ms': p90 (10ms) is below p50 (20ms): latency cannot fall",
    ],
    [
      "empirical:p90=20ms,p50=30ms",
      "'empirical:p90=20ms,p50=30ms': p50 comes after p90: list percentiles in rising order",
    ],
    ["empirical:p101=1ms", "'empirical:p101=1ms': p101: a percentile is between 0 and 100"],
    ["empirical:p50", "'empirical:p50': 'p50' needs a duration (e.g. p99=200ms)"],
    ["recording:x.jsonl", "recording x.jsonl: recordings cannot be read here"],
    [
      -5,
      "-5 is not a latency (e.g. 100ms, 10-80ms, normal:50ms,10ms, lognormal:median=40ms,p99=250ms, empirical:p50=20ms,p99=200ms)",
    ],
    [
      { median: 4 },
      '{"median":4} is not a latency (e.g. 100ms, 10-80ms, normal:50ms,10ms, lognormal:median=40ms,p99=250ms, empirical:p50=20ms,p99=200ms)',
    ],
  ];
  for (const [value, problem] of BAD) {
    it(`refuses ${JSON.stringify(value)}`, () => {
      assert.deepEqual(parseLatency(value), { ok: false, problem });
    });
  }

  it("reads the JSON forms: a number of ms and a percentile object", () => {
    assert.deepEqual(parseLatency(12), { ok: true, value: { kind: "fixed", ms: 12 } });
    assert.deepEqual(parseLatency({ percentiles: { "0": 1, "50": "20ms", "100": "0.1s" } }), {
      ok: true,
      value: {
        kind: "empirical",
        points: [
          { p: 0, ms: 1 },
          { p: 50, ms: 20 },
          { p: 100, ms: 100 },
        ],
      },
    });
  });
});

describe("empirical latency from a recording", () => {
  const lines = [
    '{"recording":"header","version":1}',
    ...Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0
        ? JSON.stringify({ name: "GET /x", durationMs: i + 1 })
        : JSON.stringify({ duration: `${i + 1}ms` }),
    ),
    "not json at all",
    '{"durationMs": -3}',
    "",
    '{"durationMs": 12', // a half-written last line
  ];
  const text = lines.join("\n");

  it("takes durationMs or duration from each line and skips the rest", () => {
    const read = readRecordingDurations(text);
    assert.equal(read.durations.length, 1000);
    assert.equal(read.skipped, 4);
    assert.deepEqual(read.durations.slice(0, 3), [1, 2, 3]);
  });

  it("samples like the recording: durations 1..1000 give mean ≈ 500.5 and p90 ≈ 900", () => {
    const parsed = parseLatency({ recording: "run.jsonl" }, (path) => {
      assert.equal(path, "run.jsonl");
      return text;
    });
    assert.ok(parsed.ok);
    const rng = createRng(1);
    const samples = Array.from({ length: 50_000 }, () => sample(parsed.value, rng)).sort((a, b) => a - b);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    // Uniform-like data on 1..1000: SE(mean) ≈ 1.3 ms, SE(p50), SE(p90) ≈ 2.2 ms.
    assert.ok(Math.abs(mean - 500.5) <= 6, `mean ${mean}`);
    assert.ok(Math.abs((samples[25_000] as number) - 500.5) <= 10);
    assert.ok(Math.abs((samples[45_000] as number) - 900.1) <= 10);
    // Nothing outside what was measured.
    assert.ok((samples[0] as number) >= 1 && (samples[samples.length - 1] as number) <= 1000);
  });

  it("says why a recording cannot be used", () => {
    const missing = () => {
      throw Object.assign(new Error("no"), { code: "ENOENT" });
    };
    assert.deepEqual(parseLatencyText("recording:gone.jsonl", missing), {
      ok: false,
      problem: "recording gone.jsonl: cannot be read (ENOENT)",
    });
    assert.deepEqual(
      parseLatencyText("recording:empty.jsonl", () => "{}\n"),
      {
        ok: false,
        problem: "recording empty.jsonl: no line has a durationMs or duration field",
      },
    );
  });
});
