import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import {
  RecordingWriter,
  bodyBytes,
  openRecording,
  readRecording,
  type RawExchange,
  type RecordedExchange,
} from "../../common/recording/index.js";
import { tempDir, type TempDir } from "./helpers/temp-dir.js";

const START = Date.UTC(2025, 4, 21, 10, 0, 0);
const BINARY = Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]);

const bandCreate: RawExchange = {
  time: START + 12,
  session: "jti:a1",
  service: "bands",
  method: "POST",
  path: "/api/bands",
  query: "name=The%20Cure&musicalStyle=Post+Punk&managerId=4&tag=a&tag=b",
  requestHeaders: {
    host: "127.0.0.1:8092",
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
    "user-agent": "curl/8",
    "content-length": "0",
  },
  requestBody: undefined,
  status: 201,
  responseHeaders: [
    ["Content-Type", "application/json"],
    ["X-Frame-Options", "DENY"],
  ],
  responseBody:
    '{"id":7,"name":"The Cure","musicalStyle":"Post Punk","logo":null,"managerId":4,"members":[]}',
  durationMs: 3.14159,
};

const binaryUpload: RawExchange = {
  time: START + 40,
  session: "client:127.0.0.1",
  service: "catalog",
  method: "PUT",
  path: "/api/albums/3",
  query: "",
  requestHeaders: [["Content-Type", "application/octet-stream"]],
  requestBody: BINARY,
  status: 500,
  responseHeaders: [
    ["Content-Type", "application/json"],
    ["Set-Cookie", "A=1; Path=/"],
    ["Set-Cookie", "B=2; Path=/"],
  ],
  responseBody: Buffer.from('{"status":500,"message":"An unexpected error occurred: x"}'),
  durationMs: 0.5,
  fault: "status",
};

const expectedLines: RecordedExchange[] = [
  {
    t: 12,
    session: "jti:a1",
    service: "bands",
    method: "POST",
    path: "/api/bands",
    query: "name=The%20Cure&musicalStyle=Post+Punk&managerId=4&tag=a&tag=b",
    requestHeaders: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    requestBody: null,
    status: 201,
    responseHeaders: { "content-type": "application/json" },
    responseBody:
      '{"id":7,"name":"The Cure","musicalStyle":"Post Punk","logo":null,"managerId":4,"members":[]}',
    durationMs: 3.142,
  },
  {
    t: 40,
    session: "client:127.0.0.1",
    service: "catalog",
    method: "PUT",
    path: "/api/albums/3",
    query: "",
    requestHeaders: { "content-type": "application/octet-stream" },
    requestBody: BINARY.toString("base64"),
    requestBodyEncoding: "base64",
    status: 500,
    responseHeaders: {
      "content-type": "application/json",
      "set-cookie": ["A=<redacted>; Path=/", "B=<redacted>; Path=/"],
    },
    responseBody: '{"status":500,"message":"An unexpected error occurred: x"}',
    durationMs: 0.5,
    fault: "status",
  },
];

describe("recording format: write and read back", () => {
  let dir: TempDir;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  it("writes a header line, then one allow-listed, encoded line per exchange, and reads them back", async () => {
    const file = dir.path("round-trip.jsonl");
    const writer = await RecordingWriter.open(file, {
      source: "proxy",
      startedAtMs: START,
      services: { bands: "http://real:8092" },
    });
    writer.add(bandCreate);
    writer.add(binaryUpload);
    await writer.close();
    assert.equal(writer.count, 2);

    const lines = (await readFile(file, "utf8")).split("\n");
    assert.equal(lines.length, 4, "header, two exchanges, final newline");
    assert.equal(lines[3], "");
    assert.deepEqual(JSON.parse(lines[0] as string), {
      format: "soundcheck-recording",
      version: 1,
      createdAt: "2025-05-21T10:00:00.000Z",
      source: "proxy",
      services: { bands: "http://real:8092" },
    });
    assert.deepEqual(
      lines.slice(1, 3).map((line) => JSON.parse(line) as unknown),
      expectedLines,
    );

    const read = await readRecording(file);
    assert.equal(read.header.source, "proxy");
    assert.deepEqual(read.exchanges, expectedLines);
    const upload = read.exchanges[1] as RecordedExchange;
    assert.deepEqual(bodyBytes(upload.requestBody, upload.requestBodyEncoding), BINARY);
  });

  it("streams: the header comes first, exchanges one at a time as they are iterated", async () => {
    const file = dir.path("stream.jsonl");
    const writer = await RecordingWriter.open(file, { source: "emu", startedAtMs: START });
    for (let i = 0; i < 500; i++) writer.add({ ...bandCreate, time: START + i, path: `/api/bands/${i}` });
    await writer.flush();
    assert.equal(writer.count, 500, "flush writes everything queued before it");
    writer.add({ ...bandCreate, time: START + 500 });
    await writer.close();
    await writer.close();

    const opened = await openRecording(file);
    assert.equal(opened.header.source, "emu");
    let count = 0;
    for await (const exchange of opened.exchanges) {
      assert.equal(exchange.t, count);
      count++;
    }
    assert.equal(count, 501);
  });

  it("queues without writing on the caller's turn, so an exchange costs the request nothing", async () => {
    const file = dir.path("async.jsonl");
    const writer = await RecordingWriter.open(file, { source: "emu", startedAtMs: START });
    writer.add(bandCreate);
    const before = readFileSync(file, "utf8").split("\n").length;
    await writer.close();
    const after = (await readFile(file, "utf8")).split("\n").length;
    assert.deepEqual([before, after], [2, 3]);
  });

  it("refuses to open a file it cannot create", async () => {
    await writeFile(dir.path("a-file"), "");
    await assert.rejects(
      RecordingWriter.open(dir.path("a-file/inside.jsonl"), { source: "emu" }),
      (error: NodeJS.ErrnoException) => error.code === "ENOTDIR",
    );
  });
});
