import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { RecordingWriter, type RawExchange } from "../../../common/recording/index.js";
import { isTokenFetch, readRecordingSessions } from "../../../replayer/recording/sessions.js";
import { tempDir, type TempDir } from "../helpers/temp-dir.js";

const START = Date.UTC(2025, 4, 21, 10, 0, 0);

function raw(session: string, at: number, path: string, durationMs = 5): RawExchange {
  return {
    time: START + at,
    session,
    service: path === "/token" ? "auth" : "bands",
    method: "GET",
    path,
    query: "",
    requestHeaders: {},
    requestBody: undefined,
    status: 200,
    responseHeaders: [],
    responseBody: undefined,
    durationMs,
  };
}

describe("recorded sessions", () => {
  let dir: TempDir;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  it("groups a recording by session key, each in arrival order, sessions by start", async () => {
    const file = dir.path("sessions.jsonl");
    const writer = await RecordingWriter.open(file, { source: "emu", startedAtMs: START });
    // Lines in completion order: a slow request finishes after later ones.
    for (const exchange of [
      raw("client:a", 0, "/token", 2),
      raw("jti:b", 30, "/api/bands/2"),
      raw("jti:a", 10, "/api/bands", 50),
      raw("jti:a", 20, "/api/bands/1"),
      raw("jti:b", 30, "/api/bands/3"),
    ])
      writer.add(exchange);
    await writer.close();

    const read = await readRecordingSessions(file);
    assert.equal(read.exchangeCount, 5);
    assert.equal(read.spanMs, 60, "from the first arrival to the end of the slow answer");
    assert.deepEqual(
      read.sessions.map((s) => [s.key, s.startMs, s.endMs, s.exchanges.map((e) => e.path)]),
      [
        ["client:a", 0, 2, ["/token"]],
        ["jti:a", 10, 60, ["/api/bands", "/api/bands/1"]],
        ["jti:b", 30, 35, ["/api/bands/2", "/api/bands/3"]],
      ],
    );
    assert.deepEqual(
      read.sessions.map((s) => s.exchanges.some(isTokenFetch)),
      [true, false, false],
    );
  });

  it("passes the reader's errors on", async () => {
    const file = dir.path("bad.jsonl");
    await writeFile(file, '{"format":"soundcheck-recording","version":9}\n');
    await assert.rejects(readRecordingSessions(file), {
      message: `recording ${file} line 1: unknown format version 9 (this soundcheck reads version 1)`,
    });
  });
});
