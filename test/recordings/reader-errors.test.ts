import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import {
  RecordingError,
  openRecording,
  parseRecording,
  readRecording,
} from "../../common/recording/index.js";
import { tempDir, type TempDir } from "./helpers/temp-dir.js";

const HEADER =
  '{"format":"soundcheck-recording","version":1,"createdAt":"2025-05-21T10:00:00.000Z","source":"emu"}';
const LINE = JSON.stringify({
  t: 0,
  session: "client:127.0.0.1",
  service: "auth",
  method: "GET",
  path: "/token",
  query: "",
  requestHeaders: {},
  requestBody: null,
  status: 200,
  responseHeaders: {},
  responseBody: null,
  durationMs: 1,
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a JSON error");
}

function messageOf(text: string): string {
  try {
    parseRecording(text, "x.jsonl");
  } catch (error) {
    assert.ok(error instanceof RecordingError);
    return error.message;
  }
  return "(no error)";
}

describe("recording reader: errors name the file and the line", () => {
  let dir: TempDir;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  it("a line that is not JSON", () => {
    const broken = '{"t": 3, "session":';
    assert.equal(
      messageOf([HEADER, LINE, "", LINE, LINE, LINE, broken, LINE].join("\n")),
      `recording x.jsonl line 7: not valid JSON (${jsonError(broken)})`,
    );
  });

  it("an unknown format version", () => {
    assert.equal(
      messageOf(HEADER.replace('"version":1', '"version":3')),
      "recording x.jsonl line 1: unknown format version 3 (this soundcheck reads version 1)",
    );
  });

  it("a file that is not a recording, an empty file, a second header", () => {
    assert.equal(
      messageOf(`${LINE}\n`),
      'recording x.jsonl line 1: not a soundcheck recording (the first line must be the header {"format":"soundcheck-recording","version":1,…})',
    );
    assert.equal(messageOf("\n\n"), "recording x.jsonl: empty file (no header line)");
    assert.equal(messageOf(`${HEADER}\n${HEADER}\n`), "recording x.jsonl line 2: a second header line");
  });

  it("a field of the wrong type, naming the field and what it got", () => {
    const wrong = LINE.replace('"status":200', '"status":"200"');
    assert.equal(
      messageOf(`${HEADER}\n${wrong}\n`),
      'recording x.jsonl line 2: "status" must be an integer status (got "200")',
    );
    const noSession = LINE.replace('"session":"client:127.0.0.1",', "");
    assert.equal(
      messageOf(`${HEADER}\n${LINE}\n${noSession}`),
      'recording x.jsonl line 3: "session" must be a string (got nothing)',
    );
    const badService = LINE.replace('"service":"auth"', '"service":"payments"');
    assert.equal(
      messageOf(`${HEADER}\n${badService}`),
      'recording x.jsonl line 2: "service" must be one of auth, users, bands, catalog, tours (got "payments")',
    );
    const badMissing = LINE.replace('"status":200', '"status":200,"responseBodyMissing":"yes"');
    assert.equal(
      messageOf(`${HEADER}\n${badMissing}`),
      'recording x.jsonl line 2: "responseBodyMissing" must be true or absent (got "yes")',
    );
  });

  it("reads a file with a BOM, CRLF line ends and blank lines", () => {
    const read = parseRecording(`\ufeff${HEADER}\r\n${LINE}\r\n\r\n${LINE}\r\n`, "x.jsonl");
    assert.equal(read.exchanges.length, 2);
  });

  it("from a file: the header is checked on open, later lines as they are iterated", async () => {
    const file = dir.path("x.jsonl");
    await writeFile(file, `${HEADER}\n${LINE}\n${LINE}\nnot json\n${LINE}\n`);
    const opened = await openRecording(file);
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const exchange of opened.exchanges) seen.push(exchange.status);
      })(),
      { message: `recording ${file} line 4: not valid JSON (${jsonError("not json")})` },
    );
    assert.deepEqual(seen, [200, 200]);

    await writeFile(file, HEADER.replace('"version":1', '"version":2'));
    await assert.rejects(openRecording(file), {
      message: `recording ${file} line 1: unknown format version 2 (this soundcheck reads version 1)`,
    });
    await assert.rejects(readRecording(dir.path("missing.jsonl")), {
      message: `recording ${dir.path("missing.jsonl")}: cannot read (ENOENT)`,
    });
    // A directory opens without an error and fails on its first read: the same one line.
    await mkdir(dir.path("a-folder"));
    await assert.rejects(readRecording(dir.path("a-folder")), {
      name: "RecordingError",
      message: `recording ${dir.path("a-folder")}: cannot read (EISDIR)`,
    });
  });
});
