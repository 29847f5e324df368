/**
 * 1000 keep-alive connections for 60 s against the built CLI, and meanwhile one client that
 * idles 59.5 s — just under the advertised `Keep-Alive: timeout=60` — and then reuses its
 * connection. No error, every connection used, resident memory flat after the warm-up.
 */
import assert from "node:assert/strict";
import { startEmu, stop, type Ready, type Spawned } from "../helpers/cli.js";
import { RawConnection } from "../helpers/raw-http.js";
import { hammer, openFileLimit } from "../hardening/connections/hammer.js";
import { tokenOf } from "../hardening/durable/kill-restart.js";

const CONNECTIONS = 1000;

describe(`${CONNECTIONS} keep-alive connections for 60 s`, function () {
  this.timeout(120_000);
  let emu: Spawned & { ready: Ready };
  before(async () => {
    emu = await startEmu(["--quiet"]);
  });
  after(async () => stop(emu));

  it("no error, every connection used, flat memory; a client idle 59.5 s reuses its connection", async () => {
    const limit = openFileLimit();
    // Client and server share this machine: two descriptors per connection, plus the rest.
    assert.ok(
      limit >= 2 * CONNECTIONS + 256,
      `ulimit -n is ${limit}; raise it (ulimit -n 4096) for this run`,
    );
    const idleClient = (async () => {
      const connection = await RawConnection.open(Number(new URL(emu.ready.urls.bands as string).port));
      const request = {
        method: "GET",
        target: "/actuator/health/ping",
        headers: [["Host", "localhost"]] as [string, string][],
      };
      try {
        const first = await connection.send(request, 5000);
        assert.equal(first.headers["keep-alive"], "timeout=60");
        await new Promise((resolve) => setTimeout(resolve, 59_500));
        const again = await connection.send(request, 5000);
        assert.equal(again.status, 200);
        assert.equal(connection.closedBy, undefined);
      } finally {
        connection.close();
      }
    })();
    const result = await hammer({
      urls: emu.ready.urls,
      token: await tokenOf(emu),
      pid: emu.ready.pid,
      connections: CONNECTIONS,
      durationMs: 60_000,
      warmUpMs: 10_000,
    });
    await idleClient;
    console.log(
      `      ${result.requests} requests (${Math.round(result.requests / 60)}/s) over ${result.peakConnections} connections; ` +
        `emulator RSS (median) ${result.rssWarmMb} MB just after the warm-up, ${result.rssEndMb} MB at the end`,
    );
    assert.deepEqual(result.errors.slice(0, 5), []);
    assert.equal(result.peakConnections, CONNECTIONS);
    assert.ok(
      result.rssEndMb < result.rssWarmMb * 1.2,
      `RSS grew from ${result.rssWarmMb} MB to ${result.rssEndMb} MB`,
    );
  });
});
