/**
 * Many keep-alive connections, and the idle boundary of one (contract §1.1: the services run on
 * Tomcat, which keeps idle connections 60 s). The long version — 1000 connections for 60 s and
 * an idle client at 59.5 s against the real 60 s — is in `npm run soak`.
 */
import assert from "node:assert/strict";
import type { Listeners } from "../../emulator/bin/listeners.js";
import { startEmu, stop, type Ready, type Spawned } from "../helpers/cli.js";
import { testEmulator, type TestEmulator } from "../helpers/emulator.js";
import { RawConnection, type RawRequest } from "../helpers/raw-http.js";
import { serve } from "../helpers/serve.js";
import { tokenOf } from "./durable/kill-restart.js";
import { hammer, openFileLimit } from "./connections/hammer.js";

const GET_HEALTH: RawRequest = {
  method: "GET",
  target: "/actuator/health/ping",
  headers: [["Host", "localhost"]],
};
const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("many keep-alive connections", function () {
  this.timeout(30_000);
  let emu: Spawned & { ready: Ready };
  before(async () => {
    emu = await startEmu(["--quiet"]);
  });
  after(async () => stop(emu));

  it("200 connections for 2 s: every answer a 200, every connection used, memory flat", async () => {
    assert.ok(openFileLimit() >= 2 * 200 + 256, `ulimit -n is ${openFileLimit()}: raise it to run this test`);
    const result = await hammer({
      urls: emu.ready.urls,
      token: await tokenOf(emu),
      pid: emu.ready.pid,
      connections: 200,
      durationMs: 2000,
      warmUpMs: 700,
    });
    assert.deepEqual(result.errors.slice(0, 5), []);
    assert.ok(result.requests > 1000, `${result.requests} requests`);
    assert.equal(result.peakConnections, 200);
    assert.ok(result.rssEndMb < result.rssWarmMb * 1.5, `RSS ${result.rssWarmMb} MB → ${result.rssEndMb} MB`);
  });

  it("every service and the control plane announce Keep-Alive: timeout=60", async () => {
    for (const [name, url] of Object.entries(emu.ready.urls)) {
      const connection = await RawConnection.open(Number(new URL(url).port));
      try {
        const target =
          name === "admin" ? "/admin/state" : name === "auth" ? "/.well-known/jwks.json" : GET_HEALTH.target;
        const res = await connection.send({ ...GET_HEALTH, target }, 2000);
        assert.equal(res.status, 200, name);
        assert.equal(res.headers.connection, "keep-alive", name);
        assert.equal(res.headers["keep-alive"], "timeout=60", name);
      } finally {
        connection.close();
      }
    }
  });
});

describe("the idle boundary of a keep-alive connection (advertised 1 s here)", function () {
  this.timeout(10_000);
  let t: TestEmulator;
  let listeners: Listeners;
  let port: number;
  before(async () => {
    t = await testEmulator();
    listeners = await serve({ bands: t.emu.apps.bands.serve }, { keepAliveMs: 1000 });
    port = Number(new URL(listeners.url("bands")).port);
  });
  after(async () => {
    await listeners.stopAll(0);
    t.emu.close();
  });

  /** A connection that answered once, idles `idleMs`, and asks again. */
  async function idleThenAsk(idleMs: number): Promise<void> {
    const connection = await RawConnection.open(port);
    try {
      const first = await connection.send(GET_HEALTH, 2000);
      assert.equal(first.headers["keep-alive"], "timeout=1");
      await idle(idleMs);
      const again = await connection.send(GET_HEALTH, 2000);
      assert.equal(again.status, 200, `after ${idleMs} ms`);
      assert.equal(connection.closedBy, undefined, `the same connection answered after ${idleMs} ms`);
    } finally {
      connection.close();
    }
  }

  /** A connection that answered once and is then left alone: when and how does it close? */
  async function closedAfterIdle(): Promise<void> {
    const connection = await RawConnection.open(port);
    try {
      await connection.send(GET_HEALTH, 2000);
      const since = Date.now();
      assert.ok(await connection.closed(4000), "still open after 4 s");
      const elapsed = Date.now() - since;
      assert.ok(elapsed >= 1900 && elapsed < 3500, `closed after ${elapsed} ms`);
      assert.equal(connection.closedBy, "end", "a clean close, not a reset");
    } finally {
      connection.close();
    }
  }

  it("a client idle just under (900 ms) or past (1500 ms) the advertised timeout reuses its connection; left alone, it is closed cleanly a second after the timeout", async () => {
    // Side by side: each on its own connection, so one wait covers all three.
    await Promise.all([idleThenAsk(900), idleThenAsk(1500), closedAfterIdle()]);
  });
});
