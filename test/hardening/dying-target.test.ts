/**
 * The replay CLI against targets that go wrong under it (the engine-level cases — refused, reset,
 * timeout, garbage, a server that dies and comes back — are in test/replayer/http-failures):
 * the emulator's band-service taken down and brought up mid-run through the control plane; a
 * target that mixes good answers with garbage, resets and hangs; and a stop signal while every
 * request hangs. Each time the run goes on, counts every failure under its reason and writes all
 * of its outputs.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Results } from "../../replayer/report/results.js";
import { startEmu, stop, type Ready, type Spawned } from "../helpers/cli.js";
import { spawnCli } from "../replayer/helpers/cli.js";
import { answerEverything, startServer, type TestServer } from "../replayer/helpers/servers.js";

type Emu = Spawned & { ready: Ready };

function targetFlags(urls: Record<string, string>): string[] {
  return [
    "--target",
    "real",
    "--user-url",
    urls.users!,
    "--band-url",
    urls.bands!,
    "--catalog-url",
    urls.catalog!,
    "--tour-url",
    urls.tours!,
  ];
}

const sameUrl = (url: string) => ({ users: url, bands: url, catalog: url, tours: url });

async function readResults(folder: string): Promise<Results> {
  const files = (await readdir(folder)).sort();
  assert.deepEqual(
    files.map((file) => file.replace(/_\d{8}_\d{6}/, "")),
    ["junit.xml", "latest_summary.json", "report.html", "results.json", "stats.csv"],
  );
  return JSON.parse(await readFile(join(folder, "results.json"), "utf8")) as Results;
}

/** Resolves once `condition` holds, polling every 20 ms (rejects after `timeoutMs`). */
async function until(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const reasons = (summary: Results["overall"]) => summary.failuresByReason.map((r) => r.reason).sort();

describe("the replayer against a dying target", function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-dying-"));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  describe("the emulator's band-service, down and up again through the control plane", () => {
    let emu: Emu;
    before(async () => {
      emu = await startEmu(["--quiet"]);
    });
    after(async () => stop(emu));

    const requestsTo = async (service: string) => {
      const state = (await (await fetch(`${emu.ready.urls.admin}/admin/services`)).json()) as {
        services: { name: string; requests: number }[];
      };
      return state.services.find((s) => s.name === service)?.requests ?? 0;
    };

    it("counts the refusals, goes on, and uses bands again once it is back", async () => {
      const token = ((await (await fetch(`${emu.ready.urls.auth}/token`)).json()) as { accessToken: string })
        .accessToken;
      const run = spawnCli([
        ...targetFlags(emu.ready.urls),
        "--token",
        token,
        "--users",
        "6",
        "--spawn-rate",
        "100",
        "--run-time",
        "30s",
        "--output",
        folder,
        "--json",
      ]);
      const admin = emu.ready.urls.admin as string;
      await until(async () => (await requestsTo("bands")) >= 30, 15_000, "bands traffic");
      await fetch(`${admin}/admin/services/bands/down`, { method: "POST" });
      // While bands refuses connections, the other services keep being used: the run goes on.
      const others = await requestsTo("users");
      await until(
        async () => (await requestsTo("users")) >= others + 30,
        15_000,
        "traffic while bands is down",
      );
      const beforeUp = await requestsTo("bands");
      await fetch(`${admin}/admin/services/bands/up`, { method: "POST" });
      await until(async () => (await requestsTo("bands")) >= beforeUp + 30, 15_000, "bands traffic after up");
      run.child.kill("SIGINT");
      const done = await run.done;
      assert.ok(done.code === 0 || done.code === 1, `exit ${done.code}: ${done.stderr}`);
      const results = await readResults(folder);
      assert.equal(results.stoppedBy, "SIGINT");
      const bands = results.services.bands;
      assert.ok(reasons(bands).includes("connection refused"), reasons(bands).join(", "));
      const transport = bands.failuresByReason.filter((r) => !r.reason.startsWith("HTTP "));
      assert.ok(
        transport.every((r) => ["connection refused", "connection reset"].includes(r.reason)),
        transport.map((r) => r.reason).join(", "),
      );
      assert.ok(bands.requests > bands.failures, "bands answered before and after");
      // Only band-service was down: the others saw no transport failure.
      for (const service of ["users", "catalog", "tours"] as const)
        assert.deepEqual(
          results.services[service].failuresByReason.filter((r) => !r.reason.startsWith("HTTP ")),
          [],
          service,
        );
    });
  });

  describe("a target mixing good answers with garbage, resets and hangs", () => {
    let server: TestServer;
    const counter = { requests: 0 };
    before(async () => {
      const good = answerEverything(counter);
      server = await startServer((req, res) => {
        const n = counter.requests + 1;
        // The pre-flight GETs (the first four) must pass; then every fifth request goes wrong.
        if (n <= 4 || n % 5 !== 0) return good(req, res);
        counter.requests = n;
        const kind = (n / 5) % 3;
        if (kind === 0) req.socket.end("SOUNDCHECK?? not http\r\n\r\n");
        else if (kind === 1) req.socket.resetAndDestroy();
        // else: never answered, the client's timeout ends it
      });
    });
    after(async () => server.close());

    it("finishes its run window, counting each failure under invalid HTTP response, connection reset or timeout", async () => {
      const run = spawnCli([
        ...targetFlags(sameUrl(server.url)),
        "--token",
        "t",
        "--users",
        "4",
        "--spawn-rate",
        "100",
        "--run-time",
        "1200ms",
        "--timeout",
        "300ms",
        "--output",
        folder,
        "--json",
      ]);
      const done = await run.done;
      assert.ok(done.code === 0 || done.code === 1, `exit ${done.code}: ${done.stderr}`);
      const results = await readResults(folder);
      assert.equal(results.stoppedBy, "time");
      assert.deepEqual(reasons(results.overall), ["connection reset", "invalid HTTP response", "timeout"]);
      const failures = results.overall.failuresByReason.reduce((sum, r) => sum + r.count, 0);
      assert.equal(failures, results.overall.failures);
      assert.ok(
        results.overall.requests > 3 * failures,
        `${results.overall.requests} requests, ${failures} failed`,
      );
      const csv = await readFile(
        join(
          folder,
          (await readdir(folder)).find((f) => f.startsWith("stats_"))!,
        ),
        "utf8",
      );
      assert.match(
        csv,
        new RegExp(`\\r\\nNone,Aggregated,${results.overall.requests},${results.overall.failures},`),
      );
    });
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} while every request hangs: the run stops within its timeout and writes every output`, async () => {
      const hanging: { requests: number } = { requests: 0 };
      const good = answerEverything({ requests: 0 });
      const server = await startServer((req, res) => {
        hanging.requests += 1;
        if (hanging.requests <= 4) good(req, res);
      });
      try {
        const run = spawnCli([
          ...targetFlags(sameUrl(server.url)),
          "--token",
          "t",
          "--users",
          "5",
          "--spawn-rate",
          "100",
          "--run-time",
          "60s",
          "--timeout",
          "800ms",
          "--output",
          folder,
          "--json",
        ]);
        await until(() => hanging.requests >= 4 + 5, 15_000, "five hanging requests");
        const signalled = Date.now();
        run.child.kill(signal);
        const done = await run.done;
        const took = Date.now() - signalled;
        assert.ok(took < 800 + 2500, `stopped ${took} ms after ${signal}`);
        assert.ok(done.code === 0 || done.code === 1, `exit ${done.code}: ${done.stderr}`);
        const results = await readResults(folder);
        assert.equal(results.stoppedBy, signal);
        assert.equal(results.overall.requests, hanging.requests - 4);
        assert.deepEqual(reasons(results.overall), ["timeout"]);
        assert.equal(JSON.parse(done.stdout).stoppedBy, signal);
      } finally {
        await server.close();
      }
    });
  }
});
