import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import type { RecordedTrafficConfig } from "../../replayer/config/traffic-config.js";
import { loadRecordedTraffic } from "../../replayer/scenario/recorded/load-recorded.js";
import { tempDir, type TempDir } from "../recordings/helpers/temp-dir.js";

const entry = (url: string | undefined, startedDateTime = "2025-05-21T12:00:00.000+02:00") => ({
  startedDateTime,
  time: 2,
  request: { method: "GET", ...(url === undefined ? {} : { url }), headers: [] },
  response: { status: 200, headers: [], content: { size: 2, mimeType: "application/json", text: "[]" } },
});

describe("loading a HAR with nothing to replay", () => {
  let dir: TempDir;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  async function load(entries: unknown[]): Promise<string> {
    const file = dir.path("x.har");
    await writeFile(file, JSON.stringify({ log: { version: "1.2", entries } }));
    const config: RecordedTrafficConfig = {
      ...{ kind: "har", file, harServices: null },
      ...{ speed: 1, repeat: "once", copies: 1, compare: false },
    };
    const error = await loadRecordedTraffic(config).then(
      () => assert.fail("loaded"),
      (e: Error) => e,
    );
    return error.message.replace(file, "x.har");
  }

  it("names the first broken entries and the other hosts, and points a gateway HAR at --har-services", async () => {
    assert.equal(
      await load([
        entry(undefined),
        entry("http://localhost:8092/api/bands", "yesterday"),
        entry("https://gw.example.com/bands-api/api/bands"),
        entry("https://gw.example.com/users-api/api/artists"),
        entry("http://cdn.example.com/app.js"),
      ]),
      'har x.har: nothing to replay (no exchange for the services; 2 broken (entry 1: no request.url, entry 2: startedDateTime "yesterday" is not a date); 3 for other hosts (gw.example.com:443 ×2, cdn.example.com:80 ×1) — --har-services says where the services were)',
    );
    assert.equal(
      await load([entry(undefined), entry(undefined), entry(undefined), entry(undefined)]),
      "har x.har: nothing to replay (no exchange for the services; 4 broken (entry 1: no request.url, entry 2: no request.url, entry 3: no request.url, …); 0 for other hosts)",
    );
  });
});
