import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { readRecording } from "../../common/recording/index.js";
import { spawnCli, startEmu, stop, type Spawned } from "../helpers/cli.js";
import { tempDir, type TempDir } from "./helpers/temp-dir.js";

interface ProxyReady {
  event: "ready";
  urls: Record<string, string>;
  upstreams: Record<string, string>;
}

async function startProxy(args: string[]): Promise<Spawned & { ready: ProxyReady }> {
  const spawned = spawnCli("emu", ["proxy", "--port", "0", "--json", ...args]);
  const ready = await new Promise<ProxyReady>((resolve, reject) => {
    const check = () => {
      const out = spawned.stdout();
      if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0] as string) as ProxyReady);
    };
    spawned.child.stdout.on("data", check);
    void spawned.exited.then((code) => reject(new Error(`proxy exited ${code}: ${spawned.stderr()}`)));
  });
  return { ...spawned, ready };
}

describe("emu proxy (the CLI)", function () {
  this.timeout(30_000);
  let dir: TempDir;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  it("forwards to a running emulator and records what it answered", async () => {
    const emu = await startEmu(["--quiet", "--fixtures", "none"]);
    const file = dir.path("proxied.jsonl");
    const targets = dir.path("targets.json");
    await writeFile(targets, JSON.stringify({ users: emu.ready.urls.users, bands: "http://127.0.0.1:1" }));
    let token = "";
    try {
      const proxy = await startProxy([
        "--auth-url",
        emu.ready.urls.auth as string,
        "--targets",
        targets,
        "--band-url",
        emu.ready.urls.bands as string,
        "--record",
        file,
      ]);
      try {
        assert.deepEqual(Object.keys(proxy.ready.urls), ["auth", "users", "bands"]);
        assert.deepEqual(proxy.ready.upstreams, {
          auth: emu.ready.urls.auth,
          users: emu.ready.urls.users,
          bands: emu.ready.urls.bands,
        });
        const { urls } = proxy.ready;
        const issued = await fetch(`${urls.auth}/token`);
        assert.equal(issued.status, 200);
        assert.deepEqual(Object.keys((await issued.json()) as object), [
          "accessToken",
          "expiresAt",
          "scopes",
        ]);
        token = ((await (await fetch(`${emu.ready.urls.auth}/token`)).json()) as { accessToken: string })
          .accessToken;
        const health = await fetch(`${urls.users}/actuator/health`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        assert.equal(health.status, 200);
        assert.equal(health.headers.get("x-frame-options"), "DENY");
        const anonymous = await fetch(`${urls.bands}/api/bands`);
        assert.equal(anonymous.status, 401);
        assert.equal(anonymous.headers.get("www-authenticate"), "Bearer");
      } finally {
        assert.equal(await stop(proxy), 0);
      }
    } finally {
      await stop(emu);
    }
    const text = await readFile(file, "utf8");
    assert.ok(!text.includes(token.split(".")[2] as string), "the token's signature is nowhere");
    const recording = await readRecording(file);
    assert.deepEqual(recording.header.services, {
      auth: emu.ready.urls.auth,
      users: emu.ready.urls.users,
      bands: emu.ready.urls.bands,
    });
    const lines = [...recording.exchanges].sort((a, b) => a.t - b.t);
    assert.deepEqual(
      lines.map((e) => [
        e.service,
        e.method,
        e.path,
        e.status,
        e.session.split(":")[0],
        e.requestHeaders.authorization,
      ]),
      [
        ["auth", "GET", "/token", 200, "client", undefined],
        ["users", "GET", "/actuator/health", 200, "jti", "Bearer <redacted>"],
        ["bands", "GET", "/api/bands", 401, "client", undefined],
      ],
    );
    assert.equal(
      (JSON.parse(lines[0]?.responseBody ?? "{}") as { accessToken: string }).accessToken,
      "<redacted>",
    );
  });

  it("lists every configuration problem at once and exits 2", async () => {
    const missing = dir.path("missing.json");
    const proxy = spawnCli("emu", [
      "proxy",
      "--band-url",
      "ftp://example",
      "--targets",
      missing,
      "--port",
      "admin=1",
      "--port",
      "users=8092",
    ]);
    assert.equal(await proxy.exited, 2);
    assert.equal(
      proxy.stderr().trim(),
      "emu proxy: bad configuration: --port admin: the proxy has no admin listener; " +
        "--port: users and bands both on port 8092; " +
        `--targets: cannot read ${missing} (ENOENT); ` +
        "--band-url: 'ftp://example' is not an http(s) URL",
    );
  });

  it("refuses an upstream on one of its own ports, and no upstream at all", async () => {
    const loop = spawnCli("emu", ["proxy", "--tour-url", "http://localhost:8094"]);
    assert.equal(await loop.exited, 2);
    assert.equal(
      loop.stderr().trim(),
      "emu proxy: bad configuration: --tour-url: http://localhost:8094 is one of the proxy's own ports (it would forward to itself)",
    );
    const none = spawnCli("emu", ["proxy"]);
    assert.equal(await none.exited, 2);
    assert.equal(
      none.stderr().trim(),
      "emu proxy: bad configuration: give at least one upstream: --auth-url, --user-url, --band-url, --catalog-url, --tour-url or --targets FILE",
    );
  });
});
