/**
 * Recorded traffic against a tiny `node:http` target that answers in a shape of its own: what
 * `--compare` reports, and a Ctrl-C in the middle of a recording replay.
 */
import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Results } from "../../replayer/report/results.js";
import { spawnCli } from "./helpers/cli.js";
import { startServer, type TestServer } from "./helpers/servers.js";

const HEADER =
  '{"format":"soundcheck-recording","version":1,"createdAt":"2025-05-21T10:00:00.000Z","source":"proxy"}';

function line(fields: Record<string, unknown>): string {
  return JSON.stringify({
    session: "token:0123456789ab",
    service: "bands",
    query: "",
    requestHeaders: { accept: "application/json", authorization: "Bearer <redacted>" },
    requestBody: null,
    status: 200,
    responseHeaders: { "content-type": "application/json" },
    durationMs: 3,
    ...fields,
  });
}

const BAND = { id: 4, name: "Owls", musicalStyle: "Indie", logo: null, managerId: 7, members: [] };

/** A band is created, looked at, and listed, as the real band-service answered. */
const RECORDING = [
  HEADER,
  line({
    t: 0,
    method: "POST",
    path: "/api/bands",
    query: "name=Owls&musicalStyle=Indie&managerId=7",
    status: 201,
    responseBody: JSON.stringify(BAND),
  }),
  line({ t: 5, method: "GET", path: "/api/bands/4", responseBody: JSON.stringify(BAND) }),
  line({ t: 9, method: "GET", path: "/api/bands", responseBody: JSON.stringify([BAND]) }),
].join("\n");

const PREFLIGHT = new Set(["/api/artists", "/api/songs", "/api/tours"]);

function targetFlags(server: TestServer): string[] {
  const url = server.url;
  return ["--target", "real", "--user-url", url, "--band-url", url, "--catalog-url", url, "--tour-url", url];
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}

describe("recorded traffic against a target that answers differently", function () {
  this.timeout(30_000);
  let folder = "";
  let server: TestServer | undefined;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-target-"));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  it("--compare names the routes whose answers changed shape, with the first mismatches", async () => {
    const seen: string[] = [];
    // Its ids are ahead of the recording's; `logo` is renamed `logoUrl`, a band's members are null.
    server = await startServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      if (PREFLIGHT.has(req.url ?? "")) return json(res, 200, []);
      seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      const { logo: _logo, ...renamed } = { ...BAND, id: 54, managerId: 7 };
      if (req.method === "POST") return json(res, 201, { ...renamed, logoUrl: null });
      if (req.url === "/api/bands/54") return json(res, 200, { ...BAND, id: 54, members: null });
      return json(res, 200, [{ ...BAND, id: 54 }]);
    });
    const recording = join(folder, "bands.jsonl");
    await writeFile(recording, `${RECORDING}\n`);
    const out = join(folder, "out");
    const replay = spawnCli([
      ...targetFlags(server),
      ...[
        "--token",
        "target-token",
        "--recording",
        recording,
        "--compare",
        "--speed",
        "max",
        "--output",
        out,
      ],
    ]);
    const result = await replay.done;
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    // The preflight's GET /api/bands is the first one; the replayed list is the last.
    assert.deepEqual(seen, [
      "GET /api/bands Bearer target-token",
      "POST /api/bands?name=Owls&musicalStyle=Indie&managerId=7 Bearer target-token",
      "GET /api/bands/54 Bearer target-token",
      "GET /api/bands Bearer target-token",
    ]);
    const results = JSON.parse(await readFile(join(out, "results.json"), "utf8")) as Results;
    assert.equal(results.overall.failures, 0, "a changed shape is no failure: compare reports it");
    assert.deepEqual(results.compare, {
      total: 3,
      matched: 1,
      matchRate: 1 / 3,
      byName: [
        { name: "/api/bands [GET]", total: 1, matched: 1, matchRate: 1, firstMismatches: [] },
        {
          name: "/api/bands [POST]",
          total: 1,
          matched: 0,
          matchRate: 0,
          firstMismatches: ["$.logo: missing (expected null)", "$.logoUrl: unexpected field (null)"],
        },
        {
          name: "/api/bands/{id} [GET]",
          total: 1,
          matched: 0,
          matchRate: 0,
          firstMismatches: ["$.members: expected array, got null"],
        },
      ],
      firstMismatches: [
        {
          name: "/api/bands [POST]",
          exchange:
            "token:0123456789ab#1, exchange 1: POST /api/bands?name=Owls&musicalStyle=Indie&managerId=7",
          mismatches: ["$.logo: missing (expected null)", "$.logoUrl: unexpected field (null)"],
        },
        {
          name: "/api/bands/{id} [GET]",
          exchange: "token:0123456789ab#1, exchange 2: GET /api/bands/4",
          mismatches: ["$.members: expected array, got null"],
        },
      ],
    });
    assert.ok(
      result.stdout.includes(
        [
          "Compare: 33.33 % of 3 answers as recorded (status, media type, body shape)",
          "       0 %  /api/bands [POST] (0 of 1)",
          "            $.logo: missing (expected null)",
          "            $.logoUrl: unexpected field (null)",
          "       0 %  /api/bands/{id} [GET] (0 of 1)",
          "            $.members: expected array, got null",
          "  first mismatches:",
          "    /api/bands [POST] — token:0123456789ab#1, exchange 1: POST /api/bands?name=Owls&musicalStyle=Indie&managerId=7: $.logo: missing (expected null); $.logoUrl: unexpected field (null)",
          "    /api/bands/{id} [GET] — token:0123456789ab#1, exchange 2: GET /api/bands/4: $.members: expected array, got null",
        ].join("\n"),
      ),
      result.stdout,
    );
    const report = (await readdir(out)).find((file) => file.startsWith("report_")) as string;
    const html = await readFile(join(out, report), "utf8");
    assert.ok(
      html.includes(
        '<tr><td class="name">/api/bands/{id} [GET]</td><td class="n">1</td><td class="n">0</td><td class="n">0 %</td><td><pre>$.members: expected array, got null</pre></td></tr>',
      ),
    );
  });

  it("--record to a path that cannot be written: exit 2 before anything is sent", async () => {
    const sent: string[] = [];
    server = await startServer((req, res) => {
      req.resume();
      if (!PREFLIGHT.has(req.url ?? "") && req.url !== "/api/bands") sent.push(req.url ?? "");
      json(res, 200, []);
    });
    const recording = join(folder, "bands.jsonl");
    await writeFile(recording, `${RECORDING}\n`);
    const unwritable = join(folder, "no", "such", "dir", "again.jsonl");
    const result = await spawnCli([
      ...targetFlags(server),
      ...["--token", "t", "--recording", recording, "--record", unwritable, "--output", join(folder, "out")],
    ]).done;
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stderr, `replay: --record: cannot write '${unwritable}' (ENOENT)\n`);
    assert.deepEqual(sent, []);
  });

  it("SIGINT in the middle of a recording replay still writes every output", async () => {
    let answered = 0;
    let arrived: () => void = () => undefined;
    const firstReplayed = new Promise<void>((resolve) => (arrived = resolve));
    server = await startServer((req, res) => {
      req.resume();
      if (req.url === "/api/bands/4") arrived();
      answered += 1;
      json(res, 200, req.url === "/api/bands/4" ? BAND : []);
    });
    // The second exchange is due a minute later: only the signal can end this replay early.
    const recording = join(folder, "slow.jsonl");
    await writeFile(
      recording,
      [
        HEADER,
        line({ t: 0, method: "GET", path: "/api/bands/4", responseBody: JSON.stringify(BAND) }),
        line({ t: 60_000, method: "GET", path: "/api/bands", responseBody: "[]" }),
      ].join("\n"),
    );
    const out = join(folder, "out");
    const replay = spawnCli([
      ...targetFlags(server),
      ...["--token", "t", "--recording", recording, "--output", out, "--json"],
    ]);
    await firstReplayed;
    replay.child.kill("SIGINT");
    const result = await replay.done;
    assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
    const files = (await readdir(out)).sort();
    assert.equal(files.length, 5, files.join(", "));
    for (const prefix of ["junit.xml", "latest_summary.json", "report_", "results.json", "stats_"])
      assert.ok(
        files.some((file) => file.startsWith(prefix)),
        prefix,
      );
    const results = JSON.parse(await readFile(join(out, "results.json"), "utf8")) as Results;
    assert.equal(results.stoppedBy, "SIGINT");
    assert.equal(results.overall.requests, 1);
    assert.equal(answered, 5, "four pre-flight GETs and the one replayed request");
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(
      [summary.stoppedBy, summary.requests, summary.traffic, summary.compare],
      ["SIGINT", 1, "recording", null],
    );
  });
});
