import assert from "node:assert/strict";
import { Agent } from "node:http";
import type { Listeners } from "../../../emulator/bin/listeners.js";
import { fixedClock } from "../../../emulator/core/clock.js";
import type { RequestRecord } from "../../../emulator/core/telemetry.js";
import { NO_STRAIN_SETTINGS } from "../../../emulator/strain/settings.js";
import { StrainController } from "../../../emulator/strain/controller.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { failureOf, fetchRaw } from "../../helpers/http-client.js";
import { serve } from "../../helpers/serve.js";
import { strainSettings } from "../../helpers/strain.js";

const NOW = Date.UTC(2025, 4, 21, 10, 15, 30, 123);
const BOOT_NOW = "2025-05-21T10:15:30.123+00:00";

describe("latency and faults as a client sees them (real HTTP)", () => {
  let t: TestEmulator;
  let strain: StrainController;
  let listeners: Listeners;
  const url = (service: string, path: string) => `${listeners.url(service)}${path}`;

  beforeEach(async () => {
    strain = new StrainController(NO_STRAIN_SETTINGS, 1);
    t = await testEmulator({ strain, clock: fixedClock(NOW) });
    listeners = await serve(t.emu.apps);
  });
  afterEach(async () => {
    await listeners.stopAll(0);
    t.emu.close();
  });

  /** The telemetry record of the next request to finish. */
  const nextRecord = () =>
    new Promise<RequestRecord>((resolve) => {
      const stop = t.emu.telemetry.onRecord((record) => {
        stop();
        resolve(record);
      });
    });

  it("200 concurrent requests with a fixed 100 ms delay all finish in about 100 ms, not one after another", async () => {
    // Open the 200 connections first, so what is measured is the delay, not connection setup.
    const agent = new Agent({ keepAlive: true, maxSockets: 200 });
    // /actuator/info answers `{}`: cheap, so the time is the delay, not the work.
    const batch = () =>
      Promise.all(
        Array.from({ length: 200 }, () =>
          fetchRaw(url("bands", "/actuator/info"), { timeoutMs: 5000, agent }),
        ),
      );
    await batch();
    t.emu.telemetry.reset();
    strain.replace(strainSettings({ latency: { bands: "100ms" } }));
    const started = performance.now();
    const answers = await batch();
    const batchMs = performance.now() - started;
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
    // Serialised delays would take 20 s; the upper bound leaves room for a slow, busy machine.
    for (const answer of answers) assert.ok(answer.ms >= 100 && answer.ms <= 800, `one took ${answer.ms} ms`);
    assert.ok(batchMs < 1000, `the batch took ${batchMs} ms`);
    const records = t.emu.telemetry.recent(200);
    assert.equal(records.length, 200);
    for (const record of records) {
      assert.equal(record.delayMs, 100);
      assert.ok(record.durationMs >= 100, `served in ${record.durationMs} ms`);
    }
    agent.destroy();
  });

  it("beyond its capacity a service slows down with the requests in flight", async () => {
    // 300 ms, so all six arrive while the first is still being served, even on a busy machine.
    strain.replace(strainSettings({ latency: { bands: "300ms" }, capacity: { bands: 2 } }));
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => fetchRaw(url("bands", "/actuator/health"), { timeoutMs: 5000 })),
    );
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
    // The k-th arrival finds k-1 in flight: 300 ms × max(1, k/2).
    const delays = t.emu.telemetry.recent(6).map((r) => r.delayMs);
    assert.deepEqual(
      delays.sort((a, b) => a - b),
      [300, 300, 450, 600, 750, 900],
    );
    assert.equal(strain.inFlightOf("bands"), 0);
  });

  it("delays error answers too: the 401 of a missing token, a 404, the token service", async () => {
    strain.replace(strainSettings({ latency: "100ms" }));
    const unauthorized = await fetchRaw(url("bands", "/api/bands"));
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.headers["www-authenticate"], "Bearer");
    assert.ok(unauthorized.ms >= 100, `401 after ${unauthorized.ms} ms`);
    const missing = await fetchRaw(url("users", "/nowhere"));
    assert.equal(missing.status, 404);
    assert.deepEqual(JSON.parse(missing.body), {
      timestamp: BOOT_NOW,
      status: 404,
      error: "Not Found",
      path: "/nowhere",
    });
    assert.ok(missing.ms >= 100, `404 after ${missing.ms} ms`);
    const token = await fetchRaw(url("auth", "/token"));
    assert.equal(token.status, 200);
    assert.ok(token.ms >= 100, `token after ${token.ms} ms`);
  });

  it("a delay longer than one timer can hold (about 24.8 days) is waited out, not polled every 1 ms", async () => {
    // Node fires a timer over 2^31 - 1 ms after 1 ms instead, with a TimeoutOverflowWarning.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      strain.replace(strainSettings({ latency: { bands: "1000h" } }));
      assert.equal(await failureOf(url("bands", "/actuator/info"), { timeoutMs: 300 }), "CLIENT_TIMEOUT");
    } finally {
      process.off("warning", onWarning);
    }
    assert.deepEqual(warnings, []);
  });

  it("status: the band service's own BOOT body, after the delay", async () => {
    strain.replace(strainSettings({ latency: { bands: "100ms" }, faults: { bands: ["503:1"] } }));
    const answer = await fetchRaw(url("bands", "/actuator/health"));
    assert.equal(answer.status, 503);
    assert.equal(answer.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(answer.body), {
      timestamp: BOOT_NOW,
      status: 503,
      error: "Service Unavailable",
      path: "/actuator/health",
    });
    assert.ok(answer.ms >= 100);
  });

  it("status: the catalog's catch-all body for 500, its {status, message} for others", async () => {
    strain.replace(strainSettings({ faults: { catalog: ["500:every=2", "503:every=1"] } }));
    const first = await fetchRaw(url("catalog", "/actuator/health"));
    assert.equal(first.status, 503);
    assert.deepEqual(JSON.parse(first.body), { status: 503, message: "Service Unavailable" });
    const second = await fetchRaw(url("catalog", "/actuator/health"));
    assert.equal(second.status, 500);
    assert.deepEqual(JSON.parse(second.body), {
      status: 500,
      message: "An unexpected error occurred: injected fault",
    });
  });

  it("status: Spring's reason phrase for any status, Boot's 'Http Status N' for one Spring does not know", async () => {
    strain.replace(
      strainSettings({
        faults: { bands: ["599:every=2", "418:every=1"], tours: ["599:every=2", "418:every=1"] },
      }),
    );
    const errors = [];
    for (let i = 0; i < 2; i++) {
      errors.push(JSON.parse((await fetchRaw(url("bands", "/actuator/health"))).body));
      errors.push(JSON.parse((await fetchRaw(url("tours", "/actuator/health"))).body));
    }
    assert.deepEqual(errors, [
      { timestamp: BOOT_NOW, status: 418, error: "I'm a teapot", path: "/actuator/health" },
      { status: 418, message: "I'm a teapot" },
      { timestamp: BOOT_NOW, status: 599, error: "Http Status 599", path: "/actuator/health" },
      { status: 599, message: "Http Status 599" },
    ]);
  });

  it("status: the service never sees the request, so a refused create creates nothing", async () => {
    strain.replace(strainSettings({ faults: { users: ["503:1"] } }));
    const manager = { username: "refused", email: "refused@example.com", password: "secret" };
    const refused = await t
      .http("users")
      .post("/api/managers")
      .set("Authorization", t.bearer())
      .send(manager);
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error, "Service Unavailable");
    strain.replace(NO_STRAIN_SETTINGS);
    const list = await t.http("users").get("/api/managers").set("Authorization", t.bearer());
    assert.deepEqual(list.body, []);
    // The id counter did not move either: the next create gets the first id.
    const created = await t
      .http("users")
      .post("/api/managers")
      .set("Authorization", t.bearer())
      .send(manager);
    assert.equal(created.status, 201);
    assert.equal(created.body.id, 1);
  });

  it("reset: the service did its work before the connection was reset", async () => {
    strain.replace(strainSettings({ faults: { users: ["reset:1"] } }));
    const manager = { username: "reset", email: "reset@example.com", password: "secret" };
    await assert.rejects(
      t.http("users").post("/api/managers").set("Authorization", t.bearer()).send(manager),
      (error: NodeJS.ErrnoException) => error.code === "ECONNRESET",
    );
    strain.replace(NO_STRAIN_SETTINGS);
    const list = await t.http("users").get("/api/managers").set("Authorization", t.bearer());
    assert.deepEqual(
      (list.body as { username: string }[]).map((row) => row.username),
      ["reset"],
    );
  });

  it("status on the token service: a BOOT body", async () => {
    strain.replace(strainSettings({ faults: { auth: ["502:1"] } }));
    const answer = await fetchRaw(url("auth", "/token"));
    assert.equal(answer.status, 502);
    assert.deepEqual(JSON.parse(answer.body), {
      timestamp: BOOT_NOW,
      status: 502,
      error: "Bad Gateway",
      path: "/token",
    });
  });

  it("reset: the connection is reset (ECONNRESET)", async () => {
    strain.replace(strainSettings({ faults: { users: ["reset:1"] } }));
    const recorded = nextRecord();
    assert.equal(await failureOf(url("users", "/actuator/health")), "ECONNRESET");
    assert.deepEqual(
      { status: (await recorded).status, fault: (await recorded).fault },
      { status: 0, fault: "reset" },
    );
  });

  it("hang: no answer until the client gives up", async () => {
    strain.replace(strainSettings({ faults: { tours: ["hang:1"] } }));
    let answered = false;
    const recorded = nextRecord().then((record) => {
      answered = true;
      return record;
    });
    assert.equal(await failureOf(url("tours", "/actuator/health"), { timeoutMs: 300 }), "CLIENT_TIMEOUT");
    // The server held the request until the client left, and only then let it go.
    assert.equal(answered, false);
    const record = await recorded;
    assert.deepEqual({ status: record.status, fault: record.fault }, { status: 0, fault: "hang" });
    assert.equal(strain.inFlightOf("tours"), 0);
  });

  it("slow: the whole body, trickled in many pieces at the configured rate", async () => {
    strain.replace(strainSettings({ faults: { bands: [{ kind: "slow", bytesPerSecond: 1000, every: 1 }] } }));
    const answer = await fetchRaw(url("bands", "/actuator/health"));
    assert.equal(answer.status, 200);
    assert.equal(answer.complete, true);
    assert.equal((JSON.parse(answer.body) as { status: string }).status, "UP");
    const length = Number(answer.headers["content-length"]);
    assert.equal(Buffer.byteLength(answer.body), length);
    // 50-byte pieces every 50 ms: at least (pieces - 1) intervals (timers may be a little early).
    const pieces = Math.ceil(length / 50);
    assert.ok(answer.chunks >= pieces / 2, `${answer.chunks} pieces for ${length} bytes`);
    assert.ok(answer.ms >= (pieces - 1) * 45, `${length} bytes in ${answer.ms} ms`);
  });

  it("truncate: Content-Length promises the body, half arrives, then the connection closes", async () => {
    strain.replace(strainSettings({ faults: { bands: ["truncate:1"] } }));
    // An empty body (this 401) has nothing to cut: its headers arrive, then the close.
    const empty = await fetchRaw(url("bands", "/api/bands/1"));
    assert.deepEqual([empty.status, empty.body, empty.complete], [401, "", true]);
    const full = await fetchRaw(url("users", "/actuator/health"));
    assert.equal(full.complete, true);
    const cut = await fetchRaw(url("bands", "/actuator/health"));
    assert.equal(cut.status, 200);
    assert.equal(cut.complete, false);
    const length = Number(cut.headers["content-length"]);
    assert.ok(length > 100);
    assert.equal(Buffer.byteLength(cut.body), Math.floor(length / 2));
  });
});
