import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../emulator/package-root.js";
import type { Results } from "../../replayer/report/results.js";
import { runCli, spawnCli } from "./helpers/cli.js";
import { answerEverything, refusedUrl, startServer, type TestServer } from "./helpers/servers.js";

function realTargetFlags(url: string): string[] {
  return ["--target", "real", "--user-url", url, "--band-url", url, "--catalog-url", url, "--tour-url", url];
}

const EVERY_OUTPUT = ["junit.xml", "latest_summary.json", "report_", "results.json", "stats_"];

async function assertEveryOutput(folder: string): Promise<Results> {
  const files = (await readdir(folder)).sort();
  assert.equal(files.length, 5, files.join(", "));
  for (const prefix of EVERY_OUTPUT)
    assert.ok(
      files.some((file) => file.startsWith(prefix)),
      `${prefix} in ${files.join(", ")}`,
    );
  return JSON.parse(await readFile(join(folder, "results.json"), "utf8")) as Results;
}

describe("replay CLI", function () {
  this.timeout(30_000);
  let folder = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-cli-"));
  });
  afterEach(async () => rm(folder, { recursive: true, force: true }));

  it("usage errors: exit 2 with every problem on one line, nothing on stdout", async () => {
    const result = await runCli(["--users", "0", "--run-time", "x", "--tags", "gigs"]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      "replay: --users: must be ≥ 1; --run-time: not a duration 'x' (e.g. 20, 20s, 5m); " +
        "--tags: unknown 'gigs' (one of users, bands, tours, albums, songs)\n",
    );
  });

  it("--version prints the package's version and exits 0", async () => {
    const { version } = JSON.parse(await readFile(join(packageRoot(), "package.json"), "utf8")) as {
      version: string;
    };
    const result = await runCli(["--version"]);
    assert.deepEqual(result, { code: 0, signal: null, stdout: `${version}\n`, stderr: "" });
  });

  it("an unknown flag is a usage error too (exit 2, one line)", async () => {
    const result = await runCli(["--userz", "5"]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, "replay: unknown option '--userz' (Did you mean --users?)\n");
  });

  it("a real target that is not there: exit 3 with one line naming the services", async () => {
    const url = await refusedUrl();
    const result = await runCli([...realTargetFlags(url), "--token", "t", "--output", folder]);
    assert.equal(result.code, 3);
    assert.equal(result.stderr.split("\n").length, 2, result.stderr);
    assert.match(
      result.stderr,
      /^replay: target not ready: user service \(GET http:\/\/127\.0\.0\.1:\d+\/api\/artists\): connection refused; band service/,
    );
    assert.deepEqual(await readdir(folder), []);
  });

  it("a real target that refuses the token: exit 3, never a prompt", async () => {
    const server = await startServer((req, res) => {
      res.statusCode = req.headers.authorization === "Bearer good" ? 200 : 401;
      res.end("[]");
    });
    try {
      const result = await runCli([...realTargetFlags(server.url), "--output", folder], {
        SOUNDCHECK_TOKEN: "bad",
      });
      assert.equal(result.code, 3);
      assert.match(
        result.stderr,
        /^replay: target not ready: user service \(GET .*\/api\/artists\) refused the token with 401; /,
      );
    } finally {
      await server.close();
    }
  });

  describe("against a local server answering every request", () => {
    let server: TestServer;
    const counter = { requests: 0 };
    beforeEach(async () => {
      counter.requests = 0;
      server = await startServer(answerEverything(counter));
    });
    afterEach(async () => server.close());

    it("--json: exactly one JSON summary on stdout, every output written, exit 0 when thresholds hold", async () => {
      const thresholds = join(folder, "t.json");
      await writeFile(thresholds, JSON.stringify({ minRps: { users: 0, bands: 0, catalog: 0, tours: 0 } }));
      const out = join(folder, "out");
      const result = await runCli([
        ...realTargetFlags(server.url),
        "--token",
        "t",
        "--users",
        "4",
        "--spawn-rate",
        "100",
        "--run-time",
        "1",
        "--thresholds",
        thresholds,
        "--seed",
        "9",
        "--output",
        out,
        "--json",
      ]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, "");
      const lines = result.stdout.trimEnd().split("\n");
      assert.equal(lines.length, 1);
      const summary = JSON.parse(lines[0] as string) as {
        passed: boolean;
        requests: number;
        headline: string;
      };
      assert.equal(summary.passed, true);
      assert.equal(summary.headline, "SHOWCASE SUCCESSFUL");
      const results = await assertEveryOutput(out);
      // The server saw the run's requests plus the four pre-flight GETs, nothing lost.
      assert.equal(results.overall.requests, counter.requests - 4);
      assert.equal(summary.requests, results.overall.requests);
      assert.equal(results.overall.failures, 0);
      assert.equal(results.meta.seed, 9);
      assert.equal(results.meta.users, 4);
    });

    it("an --output that cannot be a folder: exit 2 before anything is sent, not exit 1 after the run", async () => {
      const file = join(folder, "taken");
      await writeFile(file, "a file, not a folder");
      for (const output of [file, join(file, "sub")]) {
        const result = await runCli([...realTargetFlags(server.url), "--token", "t", "--output", output]);
        assert.equal(result.code, 2, result.stderr);
        assert.equal(result.stdout, "");
        assert.equal(result.stderr, `replay: --output: cannot write '${output}' (ENOTDIR)\n`);
      }
      // Only the pre-flight GETs of the two attempts reached the target.
      assert.equal(counter.requests, 8);
    });

    it("a reader of stdout that has gone (| head -1): no EPIPE trace, the run's exit code, every output", async () => {
      const thresholds = join(folder, "t.json");
      await writeFile(thresholds, JSON.stringify({ minRps: { users: 0, bands: 0, catalog: 0, tours: 0 } }));
      const out = join(folder, "out");
      const { child, done } = spawnCli([
        ...realTargetFlags(server.url),
        ...[
          "--token",
          "t",
          "--users",
          "1",
          "--run-time",
          "300ms",
          "--thresholds",
          thresholds,
          "--output",
          out,
        ],
      ]);
      child.stdout?.destroy();
      const result = await done;
      assert.equal(result.stderr, "");
      assert.equal(result.code, 0);
      await assertEveryOutput(out);
    });

    it("exit 1 when a threshold is missed, with the verdict on stdout", async () => {
      const thresholds = join(folder, "t.json");
      await writeFile(thresholds, JSON.stringify({ maxAvgResponseMs: 0 }));
      const result = await runCli([
        ...realTargetFlags(server.url),
        "--token",
        "t",
        "--users",
        "2",
        "--run-time",
        "500ms",
        "--thresholds",
        thresholds,
        "--output",
        folder,
      ]);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stdout, /\n {2}✘ average response time +[\d.]+ ms +target ≤ 0 ms\n/);
      assert.match(result.stdout, /\nSHOWCASE NEEDS IMPROVEMENT\n/);
      assert.equal(result.stderr, "", "no progress line when stderr is not a terminal");
    });

    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      it(`${signal} stops the run and still writes every output, counting what ran`, async () => {
        const out = join(folder, "out");
        const started = spawnCli([
          ...realTargetFlags(server.url),
          "--token",
          "t",
          "--users",
          "3",
          "--run-time",
          "60s",
          "--output",
          out,
          "--json",
        ]);
        await new Promise<void>((resolve) => {
          const check = setInterval(() => {
            if (counter.requests >= 40) {
              clearInterval(check);
              resolve();
            }
          }, 5);
        });
        started.child.kill(signal);
        const result = await started.done;
        assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
        const results = await assertEveryOutput(out);
        assert.equal(results.stoppedBy, signal);
        assert.equal(results.overall.requests, counter.requests - 4);
        assert.ok(results.durationMs < 60_000);
        const summary = JSON.parse(result.stdout) as { stoppedBy: string };
        assert.equal(summary.stoppedBy, signal);
      });
    }
  });

  it("replay report re-renders the HTML from results.json; a missing file is a usage error", async () => {
    const missing = await runCli(["report", join(folder, "nope.json")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^replay: cannot read '.*nope\.json' as JSON: ENOENT/);
    const server = await startServer(answerEverything({ requests: 0 }));
    try {
      const run = await runCli([
        ...realTargetFlags(server.url),
        "--token",
        "t",
        "--users",
        "1",
        "--run-time",
        "300ms",
        "--output",
        folder,
      ]);
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
    } finally {
      await server.close();
    }
    const report = (await readdir(folder)).find((file) => file.startsWith("report_")) as string;
    const original = await readFile(join(folder, report), "utf8");
    await rm(join(folder, report));
    const again = await runCli(["report", join(folder, "results.json")]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `${join(folder, report)}\n`);
    assert.ok(existsSync(join(folder, report)));
    assert.equal(await readFile(join(folder, report), "utf8"), original);
  });
});
