/**
 * The replayer end to end, as users run it: the built `replay` against the embedded emulator and
 * against a separately started `emu start` (--target real). Short runs, loopback only.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../emulator/package-root.js";
import { spawnCli, startEmu, stop } from "../helpers/cli.js";

interface Results {
  stoppedBy: string;
  meta: { target: string; users: number };
  overall: { requests: number; failures: number };
  services: Record<string, { requests: number; failures: number }>;
  verdict: { passed: boolean };
}

const OUTPUTS = [
  /^report_\d{8}_\d{6}\.html$/,
  /^results\.json$/,
  /^latest_summary\.json$/,
  /^stats_\d{8}_\d{6}\.csv$/,
  /^junit\.xml$/,
];

function stillRunning(marker: string): boolean {
  try {
    return execFileSync("pgrep", ["-f", marker], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

describe("replay end to end", function () {
  this.timeout(90_000);
  let folder = "";
  let thresholds = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-e2e-"));
    // Short runs on a shared machine: judge failures and latency, not the festival's throughput.
    thresholds = join(folder, "thresholds.json");
    await writeFile(thresholds, JSON.stringify({ minRps: { users: 0, bands: 0, catalog: 0, tours: 0 } }));
  });
  afterEach(async () => rm(folder, { recursive: true, force: true }));

  async function results(dir: string): Promise<Results> {
    return JSON.parse(await readFile(join(dir, "results.json"), "utf8")) as Results;
  }

  async function assertOutputs(dir: string): Promise<void> {
    const files = (await readdir(dir)).sort();
    assert.equal(files.length, OUTPUTS.length, files.join(", "));
    for (const pattern of OUTPUTS)
      assert.ok(
        files.some((file) => pattern.test(file)),
        `${pattern} in ${files.join(", ")}`,
      );
  }

  it("--target emu: a clean run with every output, and the embedded emulator gone afterwards", async () => {
    // A private copy of the fixtures marks this run's emulator process, so we can look for it.
    const fixtures = join(folder, "seed-marker.json");
    await copyFile(join(packageRoot(), "fixtures", "seed.json"), fixtures);
    const out = join(folder, "out");
    const replay = spawnCli("replay", [
      "--target",
      "emu",
      "--users",
      "5",
      "--spawn-rate",
      "50",
      "--run-time",
      "4",
      "--output",
      out,
      "--thresholds",
      thresholds,
      "--fixtures",
      fixtures,
      "--json",
    ]);
    assert.equal(await replay.exited, 0, replay.stderr());
    const lines = replay.stdout().trim().split("\n");
    assert.equal(lines.length, 1, "one JSON summary and nothing else");
    assert.equal((JSON.parse(lines[0] as string) as { passed: boolean }).passed, true);
    await assertOutputs(out);
    const run = await results(out);
    assert.equal(run.stoppedBy, "time");
    assert.equal(run.overall.failures, 0);
    for (const service of ["users", "bands", "catalog", "tours"])
      assert.ok((run.services[service]?.requests ?? 0) > 0, service);
    assert.equal(stillRunning(fixtures), false, "the embedded emulator exited");
  });

  it("prints the verdict for people: every check, then SHOWCASE SUCCESSFUL", async () => {
    const out = join(folder, "out");
    const replay = spawnCli("replay", [
      "--users",
      "3",
      "--spawn-rate",
      "30",
      "--run-time",
      "2",
      "--output",
      out,
      "--thresholds",
      thresholds,
    ]);
    assert.equal(await replay.exited, 0, replay.stderr());
    const text = replay.stdout();
    for (const check of [
      "failure rate, all requests",
      "average response time",
      "95th percentile response time",
      "band service throughput",
      "tour service throughput",
      "music catalog throughput",
      "user service throughput",
    ]) {
      assert.ok(text.includes(check), check);
    }
    assert.match(text, /^SHOWCASE SUCCESSFUL$/m);
  });

  it("--target real against a separately started emu start, and a refused token stops before the run", async () => {
    const emu = await startEmu(["--quiet", "--fixtures", "none"]);
    try {
      const { accessToken } = (await (await fetch(`${emu.ready.urls.auth}/token`)).json()) as {
        accessToken: string;
      };
      const urls = [
        "--user-url",
        emu.ready.urls.users,
        "--band-url",
        emu.ready.urls.bands,
        "--catalog-url",
        emu.ready.urls.catalog,
        "--tour-url",
        emu.ready.urls.tours,
      ] as string[];
      const out = join(folder, "real");
      const replay = spawnCli("replay", [
        "--target",
        "real",
        ...urls,
        "--token",
        accessToken,
        "--users",
        "4",
        "--spawn-rate",
        "40",
        "--run-time",
        "3",
        "--output",
        out,
        "--thresholds",
        thresholds,
        "--json",
      ]);
      assert.equal(await replay.exited, 0, replay.stderr());
      const run = await results(out);
      assert.equal(run.meta.target, "real");
      assert.equal(run.overall.failures, 0);
      assert.ok(run.overall.requests > 0);

      const refused = spawnCli("replay", [
        "--target",
        "real",
        ...urls,
        "--token",
        "not-a-token",
        "--run-time",
        "2",
        "--output",
        join(folder, "refused"),
      ]);
      assert.equal(await refused.exited, 3);
      const lines = refused.stderr().trim().split("\n");
      assert.equal(lines.length, 1, refused.stderr());
      assert.match(lines[0] as string, /refused the token with 401/);
    } finally {
      await stop(emu);
    }
  });

  it("--fixtures festival reaches the embedded emulator and the run fails nothing", async () => {
    const out = join(folder, "festival");
    const replay = spawnCli("replay", [
      "--fixtures",
      "festival",
      "--users",
      "3",
      "--spawn-rate",
      "30",
      "--run-time",
      "2",
      "--output",
      out,
      "--thresholds",
      thresholds,
      "--json",
    ]);
    assert.equal(await replay.exited, 0, replay.stderr());
    assert.equal((await results(out)).overall.failures, 0);
  });

  it("SIGINT ends the run early and still writes every output", async () => {
    const out = join(folder, "interrupted");
    const replay = spawnCli("replay", [
      "--users",
      "3",
      "--spawn-rate",
      "30",
      "--run-time",
      "60",
      "--output",
      out,
      "--thresholds",
      thresholds,
    ]);
    // Give it time to start the emulator and send traffic; the run itself would last a minute.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    replay.child.kill("SIGINT");
    const code = await replay.exited;
    assert.ok(code === 0 || code === 1, `exit ${code}: ${replay.stderr()}`);
    await assertOutputs(out);
    const run = await results(out);
    assert.equal(run.stoppedBy, "SIGINT");
    assert.ok(run.overall.requests > 0);
  });
});
