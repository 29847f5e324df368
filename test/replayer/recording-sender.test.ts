import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRecording } from "../../common/recording/index.js";
import { monotonicClock } from "../../replayer/engine/clock.js";
import { HttpClient } from "../../replayer/engine/http-client.js";
import { RecordingSender } from "../../replayer/record/recording-sender.js";
import { refusedUrl, sameUrlForAll, startServer } from "./helpers/servers.js";

describe("replay --record: what the run sent and got", () => {
  let folder = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-record-"));
  });
  afterEach(async () => rm(folder, { recursive: true, force: true }));

  it("writes every exchange with its virtual user as the session, the token redacted", async () => {
    const server = await startServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        res.setHeader("x-ignored", "1");
        res.statusCode = req.method === "POST" ? 201 : 200;
        res.end(req.method === "POST" ? '{"id":7}' : "[]");
      });
    });
    const file = join(folder, "run.jsonl");
    try {
      const client = new HttpClient(sameUrlForAll(server.url), {
        timeoutMs: 2000,
        headers: { authorization: "Bearer secret-token", accept: "application/json" },
      });
      let now = Date.parse("2025-05-21T10:00:00.000Z");
      const recorder = await RecordingSender.open(
        file,
        client,
        { clock: monotonicClock, calendar: () => now },
        { services: sameUrlForAll(server.url), note: "test run" },
      );
      now += 5;
      await recorder.send("bands", "GET", "/api/bands?name=a%20b&name=c", undefined, { user: "vu:2" });
      now += 10;
      await recorder.send("users", "POST", "/api/managers", '{"username":"m"}', { user: "vu:1" });
      await recorder.send("bands", "GET", "/api/bands", undefined, {
        user: "rec#1",
        headers: { accept: "text/plain" },
      });
      await recorder.finish();
      await recorder.close();
      assert.equal(recorder.count, 3);

      const recording = await readRecording(file);
      assert.deepEqual(recording.header, {
        format: "soundcheck-recording",
        version: 1,
        createdAt: "2025-05-21T10:00:00.000Z",
        source: "replay",
        services: sameUrlForAll(server.url),
        note: "test run",
      });
      const shown = recording.exchanges.map(({ durationMs, ...rest }) => {
        assert.ok(durationMs > 0);
        return rest;
      });
      assert.deepEqual(shown, [
        {
          t: 5,
          session: "vu:2",
          service: "bands",
          method: "GET",
          path: "/api/bands",
          query: "name=a%20b&name=c",
          requestHeaders: { authorization: "Bearer <redacted>", accept: "application/json" },
          requestBody: null,
          status: 200,
          responseHeaders: { "content-type": "application/json" },
          responseBody: "[]",
        },
        {
          t: 15,
          session: "vu:1",
          service: "users",
          method: "POST",
          path: "/api/managers",
          query: "",
          requestHeaders: {
            authorization: "Bearer <redacted>",
            accept: "application/json",
            "content-type": "application/json",
          },
          requestBody: '{"username":"m"}',
          status: 201,
          responseHeaders: { "content-type": "application/json" },
          responseBody: '{"id":7}',
        },
        {
          t: 15,
          session: "rec#1",
          service: "bands",
          method: "GET",
          path: "/api/bands",
          query: "",
          requestHeaders: { accept: "text/plain" },
          requestBody: null,
          status: 200,
          responseHeaders: { "content-type": "application/json" },
          responseBody: "[]",
        },
      ]);
    } finally {
      await server.close();
    }
  });

  it("a request without an answer is recorded with status 0 and why", async () => {
    const file = join(folder, "refused.jsonl");
    const url = await refusedUrl();
    const client = new HttpClient(sameUrlForAll(url), { timeoutMs: 2000, headers: {} });
    const recorder = await RecordingSender.open(
      file,
      client,
      { clock: monotonicClock, calendar: () => 0 },
      { services: sameUrlForAll(url), note: "refused" },
    );
    const result = await recorder.send("tours", "GET", "/api/tours", undefined, { user: "vu:1" });
    assert.equal(result.error, "connection refused");
    await recorder.finish();
    await recorder.close();
    const [only] = (await readRecording(file)).exchanges;
    assert.equal(only?.status, 0);
    assert.equal(only?.fault, "connection refused");
    assert.equal(only?.responseBody, null);
  });

  it("a path that cannot be written fails at once", async () => {
    const client = new HttpClient(sameUrlForAll("http://127.0.0.1:1"), { timeoutMs: 100, headers: {} });
    await assert.rejects(
      RecordingSender.open(
        join(folder, "missing", "dir", "x.jsonl"),
        client,
        { clock: monotonicClock, calendar: () => 0 },
        { services: {}, note: "" },
      ),
      /ENOENT/,
    );
    await client.close();
  });
});
