import assert from "node:assert/strict";
import { parseThink } from "../../replayer/config/parse-values.js";
import type { RawOptions } from "../../replayer/config/replay-config.js";
import { validateConfig, type ConfigInputs } from "../../replayer/config/validate-config.js";
import { DEFAULT_THRESHOLDS } from "../../replayer/verdict/thresholds.js";

function inputs(options: RawOptions, overrides: Partial<ConfigInputs> = {}): ConfigInputs {
  return {
    options,
    envToken: undefined,
    readFile: (path) => {
      throw new Error(`ENOENT: no such file '${path}'`);
    },
    randomSeed: 4242,
    runId: "run1",
    ...overrides,
  };
}

function problems(options: RawOptions, overrides: Partial<ConfigInputs> = {}): string[] {
  const result = validateConfig(inputs(options, overrides));
  return result.ok ? [] : result.problems;
}

describe("config validation", () => {
  it("gives the original defaults with no flags", () => {
    const result = validateConfig(inputs({}));
    assert.ok(result.ok);
    assert.deepEqual(result.config, {
      target: { kind: "emu", fixtures: null },
      traffic: { kind: "festival" },
      model: { kind: "closed", users: 50, spawnRate: 10 },
      runTimeMs: 20_000,
      thinkMs: { min: 0, max: 0 },
      seed: 4242,
      timeoutMs: 5000,
      tags: null,
      outputDir: "showcase_results",
      json: false,
      thresholds: DEFAULT_THRESHOLDS,
      runId: "run1",
      record: null,
    });
    assert.ok(Object.isFrozen(result.config));
  });

  const runTimes: [string, number][] = [
    ["20", 20_000],
    ["20s", 20_000],
    ["5m", 300_000],
    ["1500ms", 1500],
    ["0.5", 500],
    ["1m30s", 90_000],
    ["1h30m", 5_400_000],
    ["2m500ms", 120_500],
  ];
  for (const [text, expected] of runTimes) {
    it(`reads --run-time ${text} as ${expected} ms`, () => {
      const result = validateConfig(inputs({ runTime: text }));
      assert.ok(result.ok);
      assert.equal(result.config.runTimeMs, expected);
    });
  }

  for (const text of ["30s1m", "1m1m", "1m30", "1m 30s", "m30s"]) {
    it(`refuses --run-time ${text}: units of a compound duration go from the largest down, each with its unit`, () => {
      assert.deepEqual(problems({ runTime: text }), [
        `--run-time: not a duration '${text}' (e.g. 20, 20s, 5m)`,
      ]);
    });
  }

  it("refuses a run time, timeout or think time longer than a timer can wait (it would fire at once)", () => {
    const tooLong = "must be ≤ 596h (the longest a timer can wait)";
    assert.deepEqual(problems({ runTime: "600h", timeout: "597h", think: "1-600h" }), [
      `--run-time: ${tooLong}`,
      `--timeout: ${tooLong}`,
      `--think: ${tooLong}`,
    ]);
    assert.deepEqual(problems({ think: "600h" }), [`--think: ${tooLong}`]);
    const longest = validateConfig(inputs({ runTime: "596h" }));
    assert.ok(longest.ok);
    assert.equal(longest.config.runTimeMs, 2_145_600_000);
  });

  it("refuses to --record over the file being replayed", () => {
    assert.deepEqual(problems({ recording: "runs/a.jsonl", record: "./runs/../runs/a.jsonl" }), [
      "--record: './runs/../runs/a.jsonl' is the file being replayed; record to another file",
    ]);
    assert.deepEqual(problems({ har: "a.har", record: "a.har" }), [
      "--record: 'a.har' is the file being replayed; record to another file",
    ]);
    assert.deepEqual(problems({ recording: "runs/a.jsonl", record: "runs/b.jsonl" }), []);
  });

  it("collects every problem into one list", () => {
    assert.deepEqual(
      problems({
        users: "0",
        runTime: "x",
        spawnRate: "-1",
        tags: "bands,gigs",
        think: "3-1s",
        seed: "1.5",
        target: "prod",
      }),
      [
        "--target: must be emu or real, not 'prod'",
        "--users: must be ≥ 1",
        "--run-time: not a duration 'x' (e.g. 20, 20s, 5m)",
        "--think: lower bound above upper bound in '3-1s'",
        "--seed: not a whole number '1.5'",
        "--tags: unknown 'gigs' (one of users, bands, tours, albums, songs)",
        "--spawn-rate: not a number '-1'",
      ],
    );
  });

  it("builds the open model from --rate and --max-users (default: --users)", () => {
    const open = validateConfig(inputs({ rate: "2000", maxUsers: "300" }));
    assert.ok(open.ok);
    assert.deepEqual(open.config.model, { kind: "open", rate: 2000, maxUsers: 300 });
    const defaulted = validateConfig(inputs({ rate: "10", users: "7" }));
    assert.ok(defaulted.ok);
    assert.deepEqual(defaulted.config.model, { kind: "open", rate: 10, maxUsers: 7 });
    assert.deepEqual(problems({ maxUsers: "3" }), ["--max-users: only with --rate (the open model)"]);
    assert.deepEqual(problems({ rate: "5", spawnRate: "2" }), [
      "--spawn-rate: only without --rate (the closed model)",
    ]);
    assert.deepEqual(problems({ rate: "5", think: "1s" }), [
      "--think: only without --rate (the closed model)",
    ]);
  });

  it("keeps real-target flags away from the emulator", () => {
    assert.deepEqual(problems({ token: "t", userUrl: "http://x" }), [
      "--user-url: only with --target real",
      "--token: only with --target real",
    ]);
    assert.deepEqual(problems({ target: "real", token: "t", fixtures: "f.json" }), [
      "--fixtures: only with --target emu",
    ]);
  });

  it("takes the real target's URLs from flags over a targets file over the defaults", () => {
    const file = JSON.stringify({ users: "http://users.test:1", bands: "http://bands.test:2/" });
    const result = validateConfig(
      inputs(
        { target: "real", targets: "t.json", bandUrl: "http://flag.test:9", token: "abc" },
        { readFile: () => file },
      ),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.config.target, {
      kind: "real",
      urls: {
        users: "http://users.test:1",
        bands: "http://flag.test:9",
        catalog: "http://localhost:8093",
        tours: "http://localhost:8094",
      },
      token: { kind: "value", value: "abc" },
    });
  });

  it("finds the token in --token, then SOUNDCHECK_TOKEN, then --token-url; without one it is a usage error", () => {
    const token = (options: RawOptions, envToken?: string) => {
      const result = validateConfig(inputs({ target: "real", ...options }, { envToken }));
      return result.ok && result.config.target.kind === "real" ? result.config.target.token : result;
    };
    assert.deepEqual(token({ token: "flag", tokenUrl: "http://a/token" }, "env"), {
      kind: "value",
      value: "flag",
    });
    assert.deepEqual(token({ tokenUrl: "http://a/token" }, "env"), { kind: "value", value: "env" });
    assert.deepEqual(token({ tokenUrl: "http://a/token" }), { kind: "url", url: "http://a/token" });
    assert.deepEqual(problems({ target: "real" }), [
      "--token: --target real needs a token: --token, SOUNDCHECK_TOKEN, --token-url or auth in --targets",
    ]);
  });

  it("fetches tokens from a targets file's auth service, unless a token or --token-url is given", () => {
    const file = '{"auth": "http://auth.test:7/", "users": "http://users.test:1"}';
    const target = (options: RawOptions, envToken?: string) => {
      const result = validateConfig(
        inputs({ target: "real", targets: "t.json", ...options }, { envToken, readFile: () => file }),
      );
      return result.ok ? result.config.target : result;
    };
    assert.deepEqual(target({}), {
      kind: "real",
      urls: {
        users: "http://users.test:1",
        bands: "http://localhost:8092",
        catalog: "http://localhost:8093",
        tours: "http://localhost:8094",
      },
      token: { kind: "url", url: "http://auth.test:7/token" },
    });
    const tokenOf = (options: RawOptions, envToken?: string) => {
      const result = target(options, envToken);
      return "kind" in result && result.kind === "real" ? result.token : result;
    };
    assert.deepEqual(tokenOf({ tokenUrl: "http://other.test/t" }), {
      kind: "url",
      url: "http://other.test/t",
    });
    assert.deepEqual(tokenOf({}, "env"), { kind: "value", value: "env" });
    assert.deepEqual(tokenOf({ token: "flag" }), { kind: "value", value: "flag" });
  });

  it("reports unreadable and malformed files", () => {
    assert.deepEqual(
      problems({ target: "real", token: "t", targets: "missing.json", thresholds: "also-missing.json" }),
      [
        "--thresholds: cannot read 'also-missing.json' (ENOENT: no such file 'also-missing.json')",
        "--targets: cannot read 'missing.json' as JSON (ENOENT: no such file 'missing.json')",
      ],
    );
    assert.deepEqual(
      problems(
        { target: "real", token: "t", targets: "t.json" },
        { readFile: () => '{"admin": "http://a", "users": 5, "auth": "ftp://x"}' },
      ),
      [
        "--targets: unknown service 'admin' (one of auth, users, bands, catalog, tours)",
        "--targets: users must be a URL string",
        "--targets auth: not an http(s) URL 'ftp://x'",
      ],
    );
    assert.deepEqual(problems({ target: "real", token: "t", userUrl: "ftp://x" }), [
      "--user-url: not an http(s) URL 'ftp://x'",
    ]);
  });

  const thinks: [string, { min: number; max: number } | string][] = [
    ["0", { min: 0, max: 0 }],
    ["2s", { min: 2000, max: 2000 }],
    ["1-3s", { min: 1000, max: 3000 }],
    ["500ms-2s", { min: 500, max: 2000 }],
    ["1 - 3", { min: 1000, max: 3000 }],
    ["fast", "not a think time 'fast' (e.g. 0, 2s, 1-3s)"],
  ];
  for (const [text, expected] of thinks) {
    it(`reads --think ${text}`, () => {
      const parsed = parseThink(text);
      assert.deepEqual(parsed.ok ? parsed.value : parsed.problem, expected);
    });
  }
});
