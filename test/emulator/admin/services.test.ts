import assert from "node:assert/strict";
import type { Listeners } from "../../../emulator/bin/listeners.js";
import { adminHarness, FAKE_URLS, type AdminHarness } from "../../helpers/admin.js";
import { failureOf, fetchRaw } from "../../helpers/http-client.js";
import { serve } from "../../helpers/serve.js";

const entry = (name: string, up: boolean, url = FAKE_URLS[name]) => ({
  name,
  url,
  up,
  inFlight: 0,
  requests: 0,
  errors: 0,
});

describe("admin: taking services down and up", () => {
  let h: AdminHarness;
  afterEach(() => h.t.emu.close());

  it("lists the services; down and up answer the service's new state", async () => {
    h = await adminHarness();
    await h.admin
      .get("/admin/services")
      .expect(200, { services: ["auth", "users", "bands", "catalog", "tours"].map((n) => entry(n, true)) });
    await h.admin.post("/admin/services/bands/down").expect(200, entry("bands", false));
    await h.admin.post("/admin/services/bands/down").expect(200, entry("bands", false));
    await h.admin.post("/admin/services/bands/up").expect(200, entry("bands", true));
  });

  it("refuses a change sent by another web page; its own page and clients without Origin may", async () => {
    h = await adminHarness();
    // A form-like cross-site POST needs no preflight: without the check, any page could do this.
    await h.admin
      .post("/admin/services/bands/down")
      .set("Origin", "https://example.com")
      .set("Content-Type", "text/plain")
      .expect(403, { error: "requests from other web pages are refused (Origin: https://example.com)" });
    await h.admin
      .post("/admin/reset?fixtures=none")
      .set("Origin", "null")
      .expect(403, { error: "requests from other web pages are refused (Origin: null)" });
    await h.admin.get("/admin/services/bands").set("Origin", "https://example.com").expect(404);
    await h.admin.get("/admin/state").set("Origin", "https://example.com").expect(200);
    assert.equal((await h.admin.get("/admin/services")).body.services[2].up, true);
    // The page's own buttons send its own origin.
    await h.admin
      .post("/admin/services/bands/down")
      .set("Host", "localhost:8099")
      .set("Origin", "http://localhost:8099")
      .expect(200, entry("bands", false));
    await h.admin.post("/admin/services/bands/up").expect(200, entry("bands", true));
  });

  it("unknown services and actions are 404s; GET on an action is a 405", async () => {
    h = await adminHarness();
    await h.admin.post("/admin/services/gigs/down").expect(404, {
      error: "no service 'gigs' (one of auth, users, bands, catalog, tours)",
    });
    await h.admin.post("/admin/services/bands/sideways").expect(404, {
      error: "no action 'sideways' (POST /admin/services/bands/down or /up)",
    });
    const res = await h.admin.get("/admin/services/bands/down").expect(405);
    assert.equal(res.headers.allow, "POST");
    assert.deepEqual(res.body, { error: "GET is not supported on /admin/services/bands/down (use POST)" });
  });

  it("a port that cannot be opened again is a 409 with the reason", async () => {
    h = await adminHarness({
      services: {
        names: () => ["bands"],
        isUp: () => false,
        url: () => "http://127.0.0.1:1",
        down: async () => {},
        up: async () => {
          throw new Error("cannot start bands on 127.0.0.1:8092: port already in use");
        },
      },
    });
    await h.admin.post("/admin/services/bands/up").expect(409, {
      error: "cannot start bands on 127.0.0.1:8092: port already in use",
    });
  });

  describe("over real HTTP", () => {
    let listeners: Listeners;
    afterEach(() => listeners.stopAll(0));

    it("a service taken down refuses connections, and answers again when brought up, on the same port", async () => {
      // Listeners already has the switch's shape; the apps exist only once the harness does.
      h = await adminHarness({
        services: {
          names: () => listeners.names(),
          isUp: (name) => listeners.isUp(name),
          url: (name) => listeners.url(name),
          down: (name) => listeners.down(name),
          up: (name) => listeners.up(name),
        },
      });
      listeners = await serve({ bands: h.t.emu.apps.bands });
      const health = `${listeners.url("bands")}/actuator/health`;
      assert.equal((await fetchRaw(health)).status, 200);
      const down = await h.admin.post("/admin/services/bands/down").expect(200);
      assert.deepEqual(down.body, { ...entry("bands", false, listeners.url("bands")), requests: 1 });
      assert.equal(await failureOf(health), "ECONNREFUSED");
      await h.admin.post("/admin/services/bands/up").expect(200);
      assert.equal((await fetchRaw(health)).status, 200);
    });
  });
});
