import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { readRecording, type RecordedExchange } from "../../common/recording/index.js";
import { openExchangeRecorder } from "../../emulator/record/recorder.js";
import { sessionKeyOf } from "../../emulator/record/session-key.js";
import { startEmu, spawnCli, stop } from "../helpers/cli.js";
import { BOOT_TIMESTAMP, testEmulator } from "../helpers/emulator.js";
import { tempDir, type TempDir } from "./helpers/temp-dir.js";

function jtiOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] as string, "base64url").toString()) as {
    jti: string;
  };
  return payload.jti;
}

/** The fields that do not vary between runs. */
function stable(exchange: RecordedExchange) {
  const { t: _t, durationMs: _d, responseBody: _b, ...rest } = exchange;
  return rest;
}

describe("emu start --record", function () {
  this.timeout(30_000);
  let dir: TempDir;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  it("records every exchange of every service with session keys, redacted, and flushes on SIGTERM", async () => {
    const file = dir.path("emu.jsonl");
    const emu = await startEmu(["--quiet", "--fixtures", "none", "--record", file]);
    let token: string;
    try {
      const { urls } = emu.ready;
      token = ((await (await fetch(`${urls.auth}/token?scope=test_1`)).json()) as { accessToken: string })
        .accessToken;
      const bearer = { Authorization: `Bearer ${token}`, Accept: "application/json" };
      assert.equal((await fetch(`${urls.users}/actuator/health`, { headers: bearer })).status, 200);
      assert.equal((await fetch(`${urls.bands}/api/bands?page=1&page=2`)).status, 401);
      const csrf = await fetch(`${urls.bands}/api/bands?name=Cure`, { method: "POST" });
      assert.equal(csrf.status, 403);
      assert.equal((await fetch(`${urls.users}/api/no-such-thing`, { headers: bearer })).status, 404);
    } finally {
      const started = Date.now();
      assert.equal(await stop(emu), 0);
      assert.ok(Date.now() - started < 2500, "exits within the shutdown budget");
    }

    const text = await readFile(file, "utf8");
    for (const part of [token, ...token.split(".")])
      assert.ok(!text.includes(part), "no part of the token is written anywhere");

    const recording = await readRecording(file);
    assert.equal(recording.header.format, "soundcheck-recording");
    assert.equal(recording.header.source, "emu");
    assert.ok(Date.now() - Date.parse(recording.header.createdAt) < 30_000);
    const exchanges = [...recording.exchanges].sort((a, b) => a.t - b.t);
    const session = `jti:${jtiOf(token)}`;
    assert.deepEqual(exchanges.map(stable), [
      {
        session: "client:127.0.0.1",
        service: "auth",
        method: "GET",
        path: "/token",
        query: "scope=test_1",
        requestHeaders: { accept: "*/*" },
        requestBody: null,
        status: 200,
        responseHeaders: { "content-type": "application/json" },
      },
      {
        session,
        service: "users",
        method: "GET",
        path: "/actuator/health",
        query: "",
        requestHeaders: { authorization: "Bearer <redacted>", accept: "application/json" },
        requestBody: null,
        status: 200,
        // Asked for application/json, Actuator answers plain JSON rather than its v3 type.
        responseHeaders: { "content-type": "application/json" },
      },
      {
        session: "client:127.0.0.1",
        service: "bands",
        method: "GET",
        path: "/api/bands",
        query: "page=1&page=2",
        requestHeaders: { accept: "*/*" },
        requestBody: null,
        status: 401,
        // The saved-request cache opened a session for this anonymous GET (contract §1.5).
        responseHeaders: {
          "set-cookie": "JSESSIONID=<redacted>; Path=/; HttpOnly",
          "www-authenticate": "Bearer",
        },
      },
      {
        session: "client:127.0.0.1",
        service: "bands",
        method: "POST",
        path: "/api/bands",
        query: "name=Cure",
        requestHeaders: { accept: "*/*" },
        requestBody: null,
        status: 403,
        // The CSRF check saved the CSRF token it generated in a new session.
        responseHeaders: {
          "content-type": "application/json",
          "set-cookie": "JSESSIONID=<redacted>; Path=/; HttpOnly",
        },
      },
      {
        session,
        service: "users",
        method: "GET",
        path: "/api/no-such-thing",
        query: "",
        requestHeaders: { authorization: "Bearer <redacted>", accept: "application/json" },
        requestBody: null,
        status: 404,
        responseHeaders: { "content-type": "application/json" },
      },
    ]);
    const [tokenAnswer, health, anonymous, forbidden, missing] = exchanges.map((e) =>
      e.responseBody === null ? null : (JSON.parse(e.responseBody) as Record<string, unknown>),
    );
    assert.equal(tokenAnswer?.accessToken, "<redacted>");
    assert.equal(tokenAnswer?.scopes, "[openid, profile, test_1]");
    assert.equal(health?.status, "UP");
    assert.equal(anonymous, null);
    assert.match(String(forbidden?.timestamp), BOOT_TIMESTAMP);
    assert.deepEqual(
      { ...forbidden, timestamp: "-" },
      {
        timestamp: "-",
        status: 403,
        error: "Forbidden",
        path: "/api/bands",
      },
    );
    assert.deepEqual(
      { ...missing, timestamp: "-" },
      {
        timestamp: "-",
        status: 404,
        error: "Not Found",
        path: "/api/no-such-thing",
      },
    );
    for (const exchange of exchanges) assert.ok(exchange.durationMs >= 0 && exchange.t >= 0);
  });

  it("fails the start with exit 2 when the recording cannot be written", async () => {
    const emu = spawnCli("emu", [
      "start",
      "--port",
      "0",
      "--quiet",
      "--record",
      dir.path("no/such/dir/x.jsonl"),
    ]);
    assert.equal(await emu.exited, 2);
    assert.equal(
      emu.stderr().trim(),
      `emu: cannot write recording ${dir.path("no/such/dir/x.jsonl")} (ENOENT)`,
    );
  });
});

describe("the exchange recorder in process", () => {
  let dir: TempDir;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  it("records the body read, redacts token-endpoint forms, and writes no body for HEAD", async () => {
    const file = dir.path("in-process.jsonl");
    const recorder = await openExchangeRecorder(file, { startedAtMs: 0 });
    const t = await testEmulator({ observe: recorder.observe });
    try {
      const issued = await t
        .http("auth")
        .post("/token")
        .set("Authorization", "Basic Y2k6c2VjcmV0")
        .type("form")
        .send("grant_type=client_credentials&scope=test_1");
      assert.equal(issued.status, 200);
      const token = (issued.body as { access_token: string }).access_token;
      const introspected = await t.http("auth").post("/introspect").type("form").send(`token=${token}`);
      assert.equal(introspected.status, 200);
      assert.equal((await t.http("users").head("/actuator/health")).status, 200);
      await recorder.close();

      const text = await readFile(file, "utf8");
      assert.ok(!text.includes(token));
      const [post, introspect, head] = (await readRecording(file)).exchanges;
      assert.equal(post?.session, "client:127.0.0.1");
      assert.deepEqual(post?.requestHeaders, {
        authorization: "Basic <redacted>",
        "content-type": "application/x-www-form-urlencoded",
      });
      assert.equal(post?.requestBody, "grant_type=client_credentials&scope=test_1");
      assert.equal(
        (JSON.parse(post?.responseBody ?? "{}") as { access_token: string }).access_token,
        "<redacted>",
      );
      assert.equal(introspect?.requestBody, "token=<redacted>");
      assert.equal((JSON.parse(introspect?.responseBody ?? "{}") as { active: boolean }).active, true);
      assert.deepEqual([head?.method, head?.status, head?.responseBody], ["HEAD", 200, null]);
    } finally {
      t.emu.close();
      await recorder.close();
    }
  });
});

describe("session keys", () => {
  const jwt = (claims: object) =>
    `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

  it("jti first, then sub, then a hash of an opaque token, then the client address", () => {
    assert.equal(sessionKeyOf(`Bearer ${jwt({ jti: "j-1", sub: "ann" })}`, "127.0.0.1"), "jti:j-1");
    assert.equal(sessionKeyOf(`bearer ${jwt({ sub: "ann" })}`, "127.0.0.1"), "sub:ann");
    assert.equal(sessionKeyOf("Bearer opaque-muni-token", "127.0.0.1"), "token:dc66cad1e0b1");
    assert.equal(sessionKeyOf("Basic Y2k6c2VjcmV0", "::ffff:10.0.0.7"), "client:10.0.0.7");
    assert.equal(sessionKeyOf(undefined, "::1"), "client:::1");
    assert.equal(sessionKeyOf("Bearer", undefined), "client:unknown");
  });
});
