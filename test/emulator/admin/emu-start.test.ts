import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { packageRoot } from "../../../emulator/package-root.js";
import { failureOf, fetchRaw } from "../../helpers/http-client.js";

const EMU = join(packageRoot(), "dist", "emulator", "bin", "emu.js");

function emu(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [EMU, "start", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  // Never outlive the test, whatever happens.
  const guard = setTimeout(() => child.kill("SIGKILL"), 15_000);
  child.once("exit", () => clearTimeout(guard));
  return child;
}

async function readyLine(child: ChildProcess): Promise<{ urls: Record<string, string> }> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, "line")) as [string];
  lines.close();
  return JSON.parse(line) as { urls: Record<string, string> };
}

describe("emu start with latency, faults and the control plane", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("serves the admin port, applies the strain flags and stops cleanly", async () => {
    child = emu([
      "--port",
      "0",
      "--json",
      "--quiet",
      "--fixtures",
      "none",
      "--latency",
      "bands=50ms",
      "--fault",
      "catalog=503:every=2",
      "--seed",
      "9",
    ]);
    const ready = await readyLine(child);
    assert.deepEqual(Object.keys(ready.urls), ["auth", "users", "bands", "catalog", "tours", "admin"]);
    const strain = await fetchRaw(`${ready.urls.admin}/admin/strain`);
    assert.deepEqual(JSON.parse(strain.body), {
      seed: 9,
      latency: { bands: "50ms" },
      faults: { catalog: [{ kind: "status", status: 503, every: 2 }] },
      capacity: {},
      routes: [],
    });
    const slow = await fetchRaw(`${ready.urls.bands}/actuator/health`);
    assert.equal(slow.status, 200);
    assert.ok(slow.ms >= 50, `bands answered after ${slow.ms} ms`);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await fetchRaw(`${ready.urls.catalog}/actuator/health`)).status);
    assert.deepEqual(statuses, [200, 503, 200, 503]);
    const down = await fetchRaw(`${ready.urls.admin}/admin/services/users/down`, { method: "POST" });
    assert.equal(JSON.parse(down.body).up, false);
    assert.equal(await failureOf(`${ready.urls.users}/actuator/health`), "ECONNREFUSED");
    const page = await fetchRaw(`${ready.urls.admin}/`);
    assert.equal(page.status, 200);
    child.kill("SIGTERM");
    const [code] = (await once(child, "close")) as [number];
    assert.equal(code, 0);
  });

  it("refuses a config file whose route entry names no route of its service, with exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-routes-"));
    const config = join(dir, "config.json");
    writeFileSync(
      config,
      JSON.stringify({ routes: [{ service: "auth", route: "/oauth/token", faults: [] }] }),
    );
    try {
      child = emu(["--port", "0", "--config", config]);
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const [code] = (await once(child, "close")) as [number];
      assert.equal(code, 2);
      assert.equal(
        stderr,
        "emu: bad configuration: config.routes: auth has no route /oauth/token (its routes: /, " +
          "/.well-known/jwks.json, /.well-known/openid-configuration, /introspect, /login, " +
          "/oauth2/authorization/muni, /token)\n",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses bad strain settings with every problem and exit 2", async () => {
    child = emu(["--port", "0", "--latency", "gauss:1", "--fault", "bands=reset:every=0"]);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const [code] = (await once(child, "close")) as [number];
    assert.equal(code, 2);
    assert.equal(
      stderr,
      "emu: bad configuration: --latency: unknown distribution 'gauss' (one of uniform, normal, lognormal, " +
        "empirical, recording, or a duration); --fault: every must be an integer ≥ 1, not 0\n",
    );
  });
});
