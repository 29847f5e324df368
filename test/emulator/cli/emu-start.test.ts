import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { packageRoot } from "../../../emulator/package-root.js";
import { spawnCli, startEmu, stop } from "../../helpers/cli.js";

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe("emu start (the CLI)", function () {
  this.timeout(30_000);

  it("serves every service on free ports, hands out tokens, and stops cleanly on SIGTERM", async () => {
    const emu = await startEmu(["--quiet", "--fixtures", "none"]);
    try {
      assert.deepEqual(
        Object.keys(emu.ready.urls),
        ["auth", "users", "bands", "catalog", "tours", "admin"].filter((name) => name in emu.ready.urls),
      );
      for (const url of Object.values(emu.ready.urls)) assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const token = (await json(`${emu.ready.urls.auth}/token`)).body as { accessToken: string };
      const headers = { Authorization: `Bearer ${token.accessToken}` };
      for (const service of ["users", "bands", "catalog", "tours"]) {
        const health = await json(`${emu.ready.urls[service]}/actuator/health`, { headers });
        assert.equal(health.status, 200, service);
        assert.equal((health.body as { status: string }).status, "UP");
      }
      const anonymous = await fetch(`${emu.ready.urls.bands}/api/bands`);
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers.get("www-authenticate"), "Bearer");
      assert.equal(emu.stdout().trim().split("\n").length, 1, "--quiet prints only the ready line");
    } finally {
      const started = Date.now();
      assert.equal(await stop(emu), 0);
      assert.ok(Date.now() - started < 2500, "exits within about 2 s");
    }
  });

  it("--version prints the package's version and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as {
      version: string;
    };
    const emu = spawnCli("emu", ["--version"]);
    assert.equal(await emu.exited, 0);
    assert.deepEqual({ stdout: emu.stdout(), stderr: emu.stderr() }, { stdout: `${version}\n`, stderr: "" });
  });

  it("names the service and port that is already taken, exits non-zero and leaves nothing open", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const emu = spawnCli("emu", [
        "start",
        "--port",
        "0",
        "--port",
        `bands=${taken}`,
        "--quiet",
        "--fixtures",
        "none",
      ]);
      assert.equal(await emu.exited, 1);
      assert.equal(emu.stderr().trim(), `emu: cannot start bands on 127.0.0.1:${taken}: port already in use`);
      assert.equal(emu.stdout(), "");
    } finally {
      blocker.close();
    }
  });

  it("lists every configuration problem at once and exits 2", async () => {
    const emu = spawnCli("emu", [
      "start",
      "--port",
      "users=99999",
      "--port",
      "nobody=1",
      "--max-body",
      "lots",
      "--summary-interval",
      "soon",
    ]);
    assert.equal(await emu.exited, 2);
    assert.equal(
      emu.stderr().trim(),
      "emu: bad configuration: --port users: '99999' is not a port (0-65535); " +
        "--port nobody: unknown service 'nobody' (one of auth, users, bands, catalog, tours, admin); " +
        "--summary-interval: 'soon' is not a duration (e.g. 250ms, 10s, 5m); " +
        "--max-body: 'lots' is not a size (e.g. 512kb, 2mb)",
    );
  });

  it("lists a fixtures or key file it cannot read among the other problems", async () => {
    const emu = spawnCli("emu", [
      "start",
      "--seed",
      "z",
      "--fixtures",
      "no-such-fixtures.json",
      "--token-key",
      "fixtures",
    ]);
    assert.equal(await emu.exited, 2);
    assert.equal(
      emu.stderr().trim(),
      "emu: bad configuration: --seed: 'z' must be an integer ≥ 0; " +
        "--fixtures: cannot read 'no-such-fixtures.json' (ENOENT); --token-key: 'fixtures' is not a file",
    );
  });

  it("refuses an unknown flag with one line and exit 2", async () => {
    const emu = spawnCli("emu", ["start", "--bogus"]);
    assert.equal(await emu.exited, 2);
    assert.match(emu.stderr(), /^error: unknown option '--bogus'\n/);
  });
});
