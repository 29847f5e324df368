import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TargetUnreachableError, UsageError } from "../../replayer/errors.js";
import { startEmbeddedEmulator } from "../../replayer/target/embedded-emulator.js";
import { fetchToken } from "../../replayer/target/http-get.js";
import { preflight } from "../../replayer/target/preflight.js";
import { MAX_TIMER_MS } from "../../common/timers.js";

/**
 * A stand-in for the emulator's process protocol only (argv, the ready line, /token, SIGTERM):
 * the real `emu start` is checked by the end-to-end tests once the emulator is in the tree.
 */
const READY_SCRIPT = `
import { createServer } from "node:http";
import { writeFileSync } from "node:fs";
const here = (name) => new URL(name, import.meta.url);
writeFileSync(here("./args.json"), JSON.stringify(process.argv.slice(2)));
const server = createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  if (req.url === "/token") return res.end(JSON.stringify({ accessToken: "tok-123", expiresAt: "x", scopes: "[openid, profile, test_1, test_2, test_3]" }));
  res.statusCode = req.headers.authorization === "Bearer tok-123" ? 200 : 401;
  res.end("[]");
});
server.listen(0, "127.0.0.1", () => {
  const url = "http://127.0.0.1:" + server.address().port;
  console.log(JSON.stringify({ event: "ready", pid: process.pid, urls: { auth: url, users: url, bands: url, catalog: url, tours: url, admin: url } }));
  console.log("later chatter is ignored");
});
process.on("SIGTERM", () => { writeFileSync(here("./stopped.txt"), "SIGTERM"); server.close(); process.exit(0); });
`;

describe("embedded emulator process", function () {
  this.timeout(20_000);
  let folder = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-emu-"));
  });
  afterEach(async () => rm(folder, { recursive: true, force: true }));

  async function script(name: string, text: string): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, text, "utf8");
    return path;
  }

  it("starts the child with port 0, reads the ready line, gets a token, passes pre-flight, stops it with SIGTERM", async () => {
    const emulator = await startEmbeddedEmulator({
      fixtures: "festival.json",
      script: await script("emu.mjs", READY_SCRIPT),
    });
    try {
      assert.deepEqual(JSON.parse(await readFile(join(folder, "args.json"), "utf8")), [
        "start",
        "--port",
        "0",
        "--quiet",
        "--json",
        "--token-ttl",
        "1200h",
        "--fixtures",
        "festival.json",
      ]);
      assert.match(emulator.urls.bands, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(emulator.pid, process.pid);
      assert.deepEqual(await fetchToken(`${emulator.authUrl}/token`, 2000), { token: "tok-123" });
      assert.equal(await preflight(emulator.urls, "tok-123", 2000), null);
      assert.match(
        (await preflight(emulator.urls, "wrong", 2000)) ?? "",
        /^target not ready: user service .* refused the token with 401/,
      );
    } finally {
      await emulator.stop();
    }
    assert.equal(await readFile(join(folder, "stopped.txt"), "utf8"), "SIGTERM");
    assert.throws(() => process.kill(emulator.pid, 0));
  });

  it("leaves out --fixtures when none is given", async () => {
    const emulator = await startEmbeddedEmulator({
      fixtures: null,
      script: await script("emu.mjs", READY_SCRIPT),
    });
    await emulator.stop();
    assert.deepEqual(JSON.parse(await readFile(join(folder, "args.json"), "utf8")), [
      "start",
      "--port",
      "0",
      "--quiet",
      "--json",
      "--token-ttl",
      "1200h",
    ]);
  });

  it("the real emulator's tokens outlive the longest run and timeout the replayer accepts", async () => {
    const emulator = await startEmbeddedEmulator({ fixtures: "none" });
    try {
      const answer = await fetchToken(`${emulator.authUrl}/token`, 5000);
      assert.ok("token" in answer);
      const payload = answer.token.split(".")[1] ?? "";
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
        iat: number;
        exp: number;
      };
      // Its default of one hour answered every request after the first hour of a run with 401.
      assert.equal(claims.exp - claims.iat, 1200 * 3600);
      assert.ok(claims.exp - claims.iat > (2 * MAX_TIMER_MS) / 1000);
    } finally {
      await emulator.stop();
    }
  });

  const failures: [string, string, RegExp, number?][] = [
    [
      "crashes on start",
      'console.error("starting"); throw new Error("Cannot find module fixtures.json");',
      /^emulator exited \(code 1\) before it was ready: Error: Cannot find module fixtures\.json$/,
    ],
    [
      "exits early",
      'console.error("port in use"); process.exit(4);',
      /^emulator exited \(code 4\) before it was ready: port in use$/,
    ],
    [
      "prints something else first",
      'console.log("listening on 8092"); setTimeout(() => {}, 10000);',
      /^emulator's first line is not a ready event: listening on 8092$/,
    ],
    [
      "prints nothing in time",
      "setTimeout(() => {}, 10000);",
      /^emulator printed no ready line within 0\.3 s$/,
      300,
    ],
  ];
  it("fixtures the emulator refuses (its exit 2): a usage error naming --fixtures, not an outage", async () => {
    const path = await script(
      "refuses.mjs",
      'console.error("emu: fixtures x.json: cannot be read (ENOENT)"); process.exit(2);',
    );
    await assert.rejects(startEmbeddedEmulator({ fixtures: "x.json", script: path }), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.exitCode, 2);
      assert.equal(error.message, "--fixtures: emu: fixtures x.json: cannot be read (ENOENT)");
      return true;
    });
  });

  it("a fixtures file emu cannot read: the flag named once, with emu's reason", async () => {
    const path = await script(
      "unreadable.mjs",
      `console.error("emu: bad configuration: --fixtures: cannot read 'x.json' (ENOENT)"); process.exit(2);`,
    );
    await assert.rejects(startEmbeddedEmulator({ fixtures: "x.json", script: path }), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.message, "--fixtures: cannot read 'x.json' (ENOENT)");
      return true;
    });
  });

  for (const [title, body, message, readyTimeoutMs] of failures) {
    it(`a child that ${title}: target unreachable`, async () => {
      const path = await script("bad.mjs", body);
      await assert.rejects(
        startEmbeddedEmulator({ fixtures: null, script: path, readyTimeoutMs }),
        (error: unknown) => {
          assert.ok(error instanceof TargetUnreachableError);
          assert.equal(error.exitCode, 3);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
