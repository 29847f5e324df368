import assert from "node:assert/strict";
import type { RawOptions } from "../../replayer/config/replay-config.js";
import { validateConfig, type ConfigInputs } from "../../replayer/config/validate-config.js";

function inputs(options: RawOptions, files: Record<string, string> = {}): ConfigInputs {
  return {
    options,
    envToken: undefined,
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
      return text;
    },
    randomSeed: 4242,
    runId: "run1",
  };
}

function problems(options: RawOptions, files: Record<string, string> = {}): string[] {
  const result = validateConfig(inputs(options, files));
  return result.ok ? [] : result.problems;
}

describe("config validation: recorded traffic", () => {
  it("plays a recording once, at the recorded pace, until every session is done", () => {
    const result = validateConfig(inputs({ recording: "r.jsonl" }));
    assert.ok(result.ok);
    assert.deepEqual(result.config.traffic, {
      kind: "recording",
      file: "r.jsonl",
      harServices: null,
      speed: 1,
      repeat: "once",
      copies: 1,
      compare: false,
    });
    assert.equal(result.config.runTimeMs, null);
    assert.equal(result.config.record, null);
  });

  it("reads --speed, --copies, --compare, --record; --run-time still cuts a replay short", () => {
    const result = validateConfig(
      inputs({
        har: "h.har",
        speed: "max",
        copies: "3",
        compare: true,
        runTime: "5s",
        record: "out.jsonl",
      }),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.config.traffic, {
      kind: "har",
      file: "h.har",
      harServices: null,
      speed: "max",
      repeat: "once",
      copies: 3,
      compare: true,
    });
    assert.equal(result.config.runTimeMs, 5000);
    assert.equal(result.config.record, "out.jsonl");
    const faster = validateConfig(inputs({ recording: "r.jsonl", speed: "2.5" }));
    assert.ok(faster.ok && faster.config.traffic.kind === "recording");
    assert.equal(faster.config.traffic.speed, 2.5);
  });

  it("a loop runs for the run time: the default 20 s without --run-time", () => {
    const looped = validateConfig(inputs({ recording: "r.jsonl", loop: true }));
    assert.ok(looped.ok && looped.config.traffic.kind === "recording");
    assert.equal(looped.config.traffic.repeat, "loop");
    assert.equal(looped.config.runTimeMs, 20_000);
  });

  it("--record works for the generated traffic too", () => {
    const result = validateConfig(inputs({ record: "festival.jsonl" }));
    assert.ok(result.ok);
    assert.deepEqual(result.config.traffic, { kind: "festival" });
    assert.equal(result.config.record, "festival.jsonl");
    assert.equal(result.config.runTimeMs, 20_000);
  });

  it("reads --har-services: where the HAR's services were", () => {
    const file = JSON.stringify({ bands: "https://gw.example/bands-api/", auth: "https://gw.example/auth" });
    const result = validateConfig(inputs({ har: "h.har", harServices: "s.json" }, { "s.json": file }));
    assert.ok(result.ok && result.config.traffic.kind === "har");
    assert.deepEqual(result.config.traffic.harServices, {
      bands: "https://gw.example/bands-api",
      auth: "https://gw.example/auth",
    });
  });

  it("collects every problem with the new flags together with the others", () => {
    assert.deepEqual(
      problems({
        recording: "r.jsonl",
        har: "h.har",
        users: "0",
        think: "1-3s",
        seed: "4",
        speed: "fast",
        copies: "0",
        timeout: "x",
        record: " ",
      }),
      [
        "--recording, --har: one or the other (a soundcheck recording or a HAR file)",
        "--users: only with the generated festival traffic, not with --recording",
        "--think: only with the generated festival traffic, not with --recording",
        "--seed: only with the generated festival traffic, not with --recording",
        "--speed: 'fast' must be a number > 0 or max",
        "--copies: must be ≥ 1",
        "--timeout: not a duration 'x' (e.g. 20, 20s, 5m)",
        "--record: must not be empty",
      ],
    );
  });

  it("keeps the recorded-traffic flags away from the generated traffic", () => {
    assert.deepEqual(
      problems({ speed: "2", loop: true, copies: "2", compare: true, harServices: "s.json" }),
      [
        "--har-services: only with --har",
        "--speed: only with --recording or --har",
        "--loop: only with --recording or --har",
        "--copies: only with --recording or --har",
        "--compare: only with --recording or --har",
      ],
    );
    assert.deepEqual(problems({ recording: "r.jsonl", harServices: "s.json" }), [
      "--har-services: only with --har",
    ]);
    assert.deepEqual(problems({ recording: "", rate: "5", spawnRate: "2", tags: "bands" }), [
      "--recording: must not be empty",
      "--spawn-rate: only with the generated festival traffic, not with --recording",
      "--rate: only with the generated festival traffic, not with --recording",
      "--tags: only with the generated festival traffic, not with --recording",
    ]);
  });

  it("reports a --har-services file that cannot be used", () => {
    assert.deepEqual(problems({ har: "h.har", harServices: "missing.json" }), [
      "--har-services: cannot read 'missing.json' as JSON (ENOENT: no such file 'missing.json')",
    ]);
    assert.deepEqual(
      problems(
        { har: "h.har", harServices: "s.json" },
        { "s.json": '{"gigs": "http://a", "users": 5, "bands": "ftp://b"}' },
      ),
      [
        "--har-services: unknown service 'gigs' (one of auth, users, bands, catalog, tours)",
        "--har-services: users must be a URL string",
        "--har-services: bands not an http(s) URL 'ftp://b'",
      ],
    );
    assert.deepEqual(problems({ har: "h.har", harServices: "s.json" }, { "s.json": "[1]" }), [
      '--har-services: \'s.json\' must hold an object { "users": url, "bands": url, … }',
    ]);
  });
});
