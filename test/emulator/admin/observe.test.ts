import assert from "node:assert/strict";
import { fixedClock } from "../../../emulator/core/clock.js";
import { adminHarness, FAKE_URLS, type AdminHarness } from "../../helpers/admin.js";
import { strainSettings } from "../../helpers/strain.js";

const NOW = Date.UTC(2025, 4, 21, 10, 15, 30, 123);
const ISO_NOW = "2025-05-21T10:15:30.123Z";

describe("admin: what the emulator is doing", () => {
  let h: AdminHarness;
  afterEach(() => h.t.emu.close());

  describe("requests and statistics", () => {
    beforeEach(async () => {
      h = await adminHarness({ emulator: { clock: fixedClock(NOW) } });
      h.strain.replace(strainSettings({ latency: { users: "5ms" }, faults: { bands: ["503:every=2"] } }));
      await h.t.http("users").get("/actuator/health").expect(200);
      await h.t.http("bands").get("/actuator/health").expect(200);
      await h.t.http("bands").get("/actuator/health").expect(503);
      await h.t.http("bands").get("/nowhere").expect(404);
    });

    it("GET /admin/requests?limit=N: the last N, newest first, with delay and fault", async () => {
      const res = await h.admin.get("/admin/requests?limit=3").expect(200);
      const requests = res.body.requests as Record<string, unknown>[];
      for (const r of requests) assert.equal(typeof r.durationMs, "number");
      assert.deepEqual(
        requests.map(({ durationMs: _, bytes: __, ...rest }) => rest),
        [
          {
            time: ISO_NOW,
            service: "bands",
            method: "GET",
            path: "/nowhere",
            route: "NOT_FOUND",
            status: 404,
            delayMs: 0,
            fault: null,
          },
          {
            time: ISO_NOW,
            service: "bands",
            method: "GET",
            path: "/actuator/health",
            route: "/actuator/health",
            status: 503,
            delayMs: 0,
            fault: "status",
          },
          {
            time: ISO_NOW,
            service: "bands",
            method: "GET",
            path: "/actuator/health",
            route: "/actuator/health",
            status: 200,
            delayMs: 0,
            fault: null,
          },
        ],
      );
      const users = await h.admin.get("/admin/requests?service=users").expect(200);
      assert.equal(users.body.requests.length, 1);
      assert.equal(users.body.requests[0].delayMs, 5);
      assert.ok(users.body.requests[0].durationMs >= 5);
    });

    it("refuses a bad limit or service", async () => {
      await h.admin.get("/admin/requests?limit=0").expect(400, {
        error: "?limit=0: must be an integer from 1 to 10000",
      });
      await h.admin.get("/admin/requests?limit=ten").expect(400, {
        error: "?limit=ten: must be an integer from 1 to 10000",
      });
      await h.admin.get("/admin/requests?limit=1&limit=2").expect(400, {
        error: "?limit= must be given once, as a plain value",
      });
      await h.admin.get("/admin/stats?service=gigs").expect(400, {
        error: "?service=gigs: unknown service (one of auth, users, bands, catalog, tours)",
      });
    });

    it("GET /admin/stats: count, errors and latency percentiles per route; DELETE forgets them", async () => {
      const res = await h.admin.get("/admin/stats").expect(200);
      const routes = res.body.routes as Record<string, unknown>[];
      assert.deepEqual(
        routes.map((r) => [r.service, r.method, r.route, r.count, r.errors]),
        [
          ["bands", "GET", "/actuator/health", 2, 1],
          ["bands", "GET", "NOT_FOUND", 1, 1],
          ["users", "GET", "/actuator/health", 1, 0],
        ],
      );
      const users = routes[2] as Record<string, number>;
      assert.deepEqual(Object.keys(users), [
        "service",
        "method",
        "route",
        "count",
        "errors",
        "meanMs",
        "p50Ms",
        "p95Ms",
        "p99Ms",
        "maxMs",
      ]);
      assert.ok((users.p50Ms as number) >= 5 && (users.p99Ms as number) >= (users.p50Ms as number));
      const bands = await h.admin.get("/admin/stats?service=bands").expect(200);
      assert.equal(bands.body.routes.length, 2);
      await h.admin.delete("/admin/stats").expect(200, { routes: [] });
      await h.admin.get("/admin/requests").expect(200, { requests: [] });
    });

    it("GET /admin/state: services, store, saga and strain at a glance", async () => {
      const res = await h.admin.get("/admin/state").expect(200);
      const { startedAt, store, ...rest } = res.body;
      assert.match(startedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.deepEqual(store.counters, {});
      assert.ok(Object.values(store.rows as Record<string, number>).every((n) => n === 0));
      const service = (name: string, requests: number, errors: number) => ({
        name,
        url: FAKE_URLS[name],
        up: true,
        inFlight: 0,
        requests,
        errors,
      });
      assert.deepEqual(rest, {
        services: [
          service("auth", 0, 0),
          service("users", 1, 0),
          service("bands", 3, 2),
          service("catalog", 0, 0),
          service("tours", 0, 0),
        ],
        saga: { pending: 0, deadLetters: 0 },
        strain: {
          seed: 42,
          latency: { users: "5ms" },
          faults: { bands: [{ kind: "status", status: 503, every: 2 }] },
          capacity: {},
          routes: [],
        },
      });
    });
  });

  it("GET /admin/saga: messages waiting for delivery", async () => {
    h = await adminHarness({ emulator: { clock: fixedClock(NOW), saga: { delayMs: 60_000 } } });
    const message = h.t.emu.bus.send("offer-accepted", "cz.muni.OfferAccepted", { offerId: 3 }, "corr-1");
    await h.admin.get("/admin/saga").expect(200, {
      pending: [
        {
          id: message.id,
          queue: "offer-accepted",
          type: "cz.muni.OfferAccepted",
          correlationId: "corr-1",
          payload: { offerId: 3 },
          sentAt: ISO_NOW,
          deliveries: 0,
          lastError: null,
        },
      ],
      deadLetters: [],
    });
  });

  it("GET /admin/saga: dead letters, with the last error", async () => {
    h = await adminHarness({ emulator: { clock: fixedClock(NOW), saga: { delayMs: 1, maxDeliveries: 2 } } });
    h.t.emu.bus.listen("offer-accepted", () => {
      throw new Error("band 3 does not exist");
    });
    const message = h.t.emu.bus.send("offer-accepted", "cz.muni.OfferAccepted", { offerId: 3 });
    await h.t.emu.bus.idle();
    await h.admin.get("/admin/saga").expect(200, {
      pending: [],
      deadLetters: [
        {
          id: message.id,
          queue: "offer-accepted",
          type: "cz.muni.OfferAccepted",
          correlationId: null,
          payload: { offerId: 3 },
          sentAt: ISO_NOW,
          deliveries: 2,
          lastError: "band 3 does not exist",
        },
      ],
    });
  });

  it("unknown paths are a JSON 404, wrong methods a 405 with Allow", async () => {
    h = await adminHarness();
    await h.admin.get("/admin/nothing").expect(404, {
      error: "no admin endpoint at /admin/nothing (see GET /admin/state and the README)",
    });
    const res = await h.admin.post("/admin/stats").expect(405);
    assert.equal(res.headers.allow, "GET, HEAD, DELETE");
    assert.deepEqual(res.body, { error: "POST is not supported on /admin/stats (use GET, HEAD, DELETE)" });
    const cache = await h.admin.get("/admin/state").expect(200);
    assert.equal(cache.headers["cache-control"], "no-store");
  });

  it("a request the HTTP layer cannot read, or nested too deep, is the client's 4xx, never a 500", async () => {
    h = await adminHarness();
    await h.admin
      .put("/admin/strain")
      .set("Content-Type", "application/json; charset=bogus")
      .send("{}")
      .expect(415, { error: 'the request cannot be read: unsupported charset "BOGUS"' });
    await h.admin
      .put("/admin/strain")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "bogus")
      .send("{}")
      .expect(415, { error: 'the request cannot be read: unsupported content encoding "bogus"' });
    await h.admin
      .put("/admin/strain")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send("{}")
      .expect(400, { error: "the request cannot be read: incorrect header check" });
    for (const deep of [
      "[".repeat(5000) + "]".repeat(5000),
      `{"latency": ${'{"a":'.repeat(70)}1${"}".repeat(70)}}`,
    ])
      await h.admin
        .put("/admin/strain")
        .set("Content-Type", "application/json")
        .send(deep)
        .expect(400, { error: "the body is nested more than 64 levels deep" });
    await h.admin
      .post("/admin/services/bands/up%2")
      .expect(400, { error: "the request cannot be read: Failed to decode param 'up%2'" });
  });
});
