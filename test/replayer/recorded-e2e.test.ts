/**
 * Recorded traffic end to end, as users run it: the built `replay --recording` / `--har` against
 * the embedded emulator, a separately started `emu start`, or a tiny server that answers in
 * another shape. Loopback only; the committed festival recording is the main input.
 */
import assert from "node:assert/strict";
import { readdir, readFile, rm, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRecording, type RecordedExchange } from "../../common/recording/index.js";
import { packageRoot } from "../../emulator/package-root.js";
import type { Results } from "../../replayer/report/results.js";
import { spawnCli, startEmu, stop, type Spawned } from "../helpers/cli.js";

const FESTIVAL = join(packageRoot(), "recordings", "festival-run.jsonl");
const BROWSER_HAR = join(packageRoot(), "test", "fixtures", "har", "browser-session.har");

function urlFlags(urls: Record<string, string>): string[] {
  return [
    "--user-url",
    urls.users as string,
    "--band-url",
    urls.bands as string,
    "--catalog-url",
    urls.catalog as string,
    "--tour-url",
    urls.tours as string,
  ];
}

async function tokenOf(authUrl: string): Promise<string> {
  const answer = (await (await fetch(`${authUrl}/token`)).json()) as { accessToken: string };
  return answer.accessToken;
}

async function resultsIn(dir: string): Promise<Results> {
  return JSON.parse(await readFile(join(dir, "results.json"), "utf8")) as Results;
}

async function finished(run: Spawned): Promise<void> {
  assert.equal(await run.exited, 0, run.stderr());
}

/** The exchanges of a recording the replayer sends (token fetches are never replayed). */
async function replayable(file: string): Promise<RecordedExchange[]> {
  return (await readRecording(file)).exchanges.filter((exchange) => exchange.service !== "auth");
}

function firstCreated(exchanges: RecordedExchange[], path: string): number {
  const create = exchanges.find((exchange) => exchange.method === "POST" && exchange.path === path);
  return (JSON.parse(create?.responseBody ?? "{}") as { id: number }).id;
}

describe("replaying recorded traffic end to end", function () {
  this.timeout(90_000);
  let folder = "";
  let thresholds = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-recorded-"));
    // These replays judge failures (the verdict's ≤ 1 %), not speed on a shared machine.
    thresholds = join(folder, "thresholds.json");
    await writeFile(
      thresholds,
      JSON.stringify({
        maxAvgResponseMs: 60_000,
        maxP95ResponseMs: 60_000,
        minRps: { users: 0, bands: 0, catalog: 0, tours: 0 },
      }),
    );
  });
  afterEach(async () => rm(folder, { recursive: true, force: true }));

  it("a festival run recorded by one `emu start` replays against another whose ids differ, under 1 % failures", async () => {
    const recording = join(folder, "festival-emu.jsonl");
    const first = await startEmu(["--quiet", "--record", recording]);
    try {
      const generated = spawnCli("replay", [
        "--target",
        "real",
        ...urlFlags(first.ready.urls),
        "--token",
        await tokenOf(first.ready.urls.auth as string),
        ...["--users", "3", "--spawn-rate", "30", "--run-time", "3", "--think", "0.05-0.2s", "--seed", "5"],
        ...["--output", join(folder, "generated"), "--thresholds", thresholds, "--json"],
      ]);
      await finished(generated);
    } finally {
      await stop(first);
    }
    // The festival fixtures hold far more users, bands and tours: every counter is ahead.
    const second = await startEmu(["--quiet", "--fixtures", "festival"]);
    const again = join(folder, "again.jsonl");
    const out = join(folder, "replayed");
    try {
      const replay = spawnCli("replay", [
        "--target",
        "real",
        ...urlFlags(second.ready.urls),
        "--token",
        await tokenOf(second.ready.urls.auth as string),
        ...["--recording", recording, "--speed", "4", "--record", again],
        ...["--output", out, "--thresholds", thresholds, "--json"],
      ]);
      await finished(replay);
    } finally {
      await stop(second);
    }
    const recorded = await replayable(recording);
    const results = await resultsIn(out);
    assert.equal(results.stoppedBy, "done");
    assert.equal(results.overall.requests, recorded.length);
    assert.ok(recorded.length > 50, `${recorded.length} exchanges`);
    assert.ok((results.overall.failureRatePercent ?? 100) < 1, JSON.stringify(results.endpoints));
    // Correlation at work: the second store gave the same creates other ids.
    const replayed = await replayable(again);
    assert.notEqual(firstCreated(replayed, "/api/managers"), firstCreated(recorded, "/api/managers"));
    assert.notEqual(firstCreated(replayed, "/api/bands"), firstCreated(recorded, "/api/bands"));
  });

  it("--compare of the committed recording against the emulator that made it: 100 %", async () => {
    const out = join(folder, "compare");
    const replay = spawnCli("replay", [
      ...["--recording", FESTIVAL, "--speed", "max", "--compare"],
      ...["--output", out, "--thresholds", thresholds],
    ]);
    await finished(replay);
    const results = await resultsIn(out);
    const exchanges = (await replayable(FESTIVAL)).length;
    assert.equal(results.overall.failures, 0);
    assert.deepEqual(
      [results.compare?.total, results.compare?.matched, results.compare?.matchRate],
      [exchanges, exchanges, 1],
    );
    assert.deepEqual(results.compare?.firstMismatches, []);
    assert.match(replay.stdout(), new RegExp(`\\nCompare: 100 % of ${exchanges} answers as recorded`));
    const report = (await readdir(out)).find((file) => file.startsWith("report_")) as string;
    assert.match(
      await readFile(join(out, report), "utf8"),
      new RegExp(`100 % of ${exchanges} answers as recorded`),
    );
  });

  it("the committed recording against other counters, recorded again, and that recording replayed", async () => {
    const again = join(folder, "again.jsonl");
    const first = join(folder, "first");
    const replay = spawnCli("replay", [
      ...["--fixtures", "festival", "--recording", FESTIVAL, "--speed", "4", "--record", again],
      ...["--output", first, "--thresholds", thresholds, "--json"],
    ]);
    await finished(replay);
    const results = await resultsIn(first);
    const exchanges = (await replayable(FESTIVAL)).length;
    assert.equal(results.overall.requests, exchanges);
    assert.ok((results.overall.failureRatePercent ?? 100) < 1, JSON.stringify(results.endpoints));
    assert.deepEqual(results.recordedTo, { file: again, exchanges });

    const rerecorded = await readRecording(again);
    assert.equal(rerecorded.header.source, "replay");
    assert.deepEqual([...new Set(rerecorded.exchanges.map((exchange) => exchange.session))].sort(), [
      "vu:1#1",
      "vu:2#1",
      "vu:3#1",
      "vu:4#1",
      "vu:5#1",
      "vu:6#1",
    ]);
    const second = join(folder, "second");
    const replayAgain = spawnCli("replay", [
      ...["--recording", again, "--speed", "max", "--output", second, "--thresholds", thresholds, "--json"],
    ]);
    await finished(replayAgain);
    const replayed = await resultsIn(second);
    assert.equal(replayed.overall.requests, exchanges);
    assert.equal(replayed.overall.failures, 0);
    assert.equal(replayed.traffic.kind === "recording" && replayed.traffic.sessions, 6);
  });

  it("--har: a browser's HAR against other counters, every quirk, skipped entries counted and named", async () => {
    const out = join(folder, "har");
    const again = join(folder, "har-again.jsonl");
    const replay = spawnCli("replay", [
      ...["--fixtures", "festival", "--har", BROWSER_HAR, "--speed", "max", "--compare", "--record", again],
      ...["--output", out, "--thresholds", thresholds, "--json"],
    ]);
    await finished(replay);
    assert.deepEqual(replay.stderr().trimEnd().split("\n"), [
      `replay: har ${BROWSER_HAR}: skipped entry 5: no request.url`,
      `replay: har ${BROWSER_HAR}: skipped 2 entries for other hosts: fonts.example.com:443 (1), localhost:3000 (1)`,
    ]);
    const results = await resultsIn(out);
    assert.equal(results.overall.requests, 4);
    assert.equal(results.overall.failures, 0);
    assert.equal(results.compare?.matchRate, 1);
    assert.ok(results.traffic.kind === "har");
    assert.deepEqual(results.traffic.skipped, {
      tokenFetches: 1,
      otherHosts: [
        { host: "fonts.example.com:443", count: 1 },
        { host: "localhost:3000", count: 1 },
      ],
      broken: ["entry 5: no request.url"],
    });
    const report = (await readdir(out)).find((file) => file.startsWith("report_")) as string;
    const html = await readFile(join(out, report), "utf8");
    assert.ok(html.includes("<tr><td>entry 5: no request.url</td></tr>"));
    assert.ok(html.includes("2 entries for other hosts (fonts.example.com:443 ×1, localhost:3000 ×1)"));

    // What went out: the query as written (not encoded twice, repeats kept), ids of the target.
    const [manager, band, view, artists] = (await readRecording(again)).exchanges.sort((a, b) => a.t - b.t);
    const managerId = (JSON.parse(manager?.responseBody ?? "{}") as { id: number }).id;
    const bandId = (JSON.parse(band?.responseBody ?? "{}") as { id: number; name: string }).id;
    assert.notEqual(managerId, 7);
    assert.equal(band?.query, `name=The%20Night%20Owls&musicalStyle=Indie&managerId=${managerId}`);
    assert.equal((JSON.parse(band?.responseBody ?? "{}") as { name: string }).name, "The Night Owls");
    assert.equal(view?.path, `/api/bands/${bandId}`);
    assert.equal(view?.requestBody, "ignored body of a GET");
    assert.equal(artists?.query, `bandIds=${bandId}&bandIds=${bandId}`);
    assert.equal(manager?.requestHeaders.authorization, "Bearer <redacted>");
  });

  it("an unreadable recording, an unknown version, a broken line: exit 2 with one line naming file and line", async () => {
    const missing = join(folder, "missing.jsonl");
    const header =
      '{"format":"soundcheck-recording","version":1,"createdAt":"2025-05-21T10:00:00Z","source":"emu"}';
    const future = join(folder, "future.jsonl");
    await writeFile(future, header.replace('"version":1', '"version":3'));
    const broken = join(folder, "broken.jsonl");
    const line = (await readFile(FESTIVAL, "utf8")).split("\n")[1];
    await writeFile(broken, `${header}\n${line}\n{"t":12,"session":\n`);
    const notHar = join(folder, "page.har");
    await writeFile(notHar, "<html></html>");
    // JSON.parse's own words differ between Node versions: only what follows the file is exact.
    const cases: [string[], string][] = [
      [["--recording", missing], `recording ${missing}: cannot read (ENOENT)`],
      [
        ["--recording", future],
        `recording ${future} line 1: unknown format version 3 (this soundcheck reads version 1)`,
      ],
      [["--recording", broken], `recording ${broken} line 3: not valid JSON (`],
      [["--har", notHar], `har ${notHar}: not valid JSON (`],
    ];
    for (const [args, start] of cases) {
      const replay = spawnCli("replay", [...args, "--output", join(folder, "never")]);
      assert.equal(await replay.exited, 2, replay.stderr());
      const lines = replay.stderr().split("\n");
      assert.deepEqual([lines.length, lines[1]], [2, ""], replay.stderr());
      assert.ok(lines[0]?.startsWith(`replay: ${start}`), replay.stderr());
      assert.equal(replay.stdout(), "");
    }
    await assert.rejects(readdir(join(folder, "never")), /ENOENT/);
  });
});
