import assert from "node:assert/strict";
import { adminHarness, type AdminHarness } from "../../helpers/admin.js";

const EMPTY = { seed: 42, latency: {}, faults: {}, capacity: {}, routes: [] };

describe("admin: latency and faults at runtime", () => {
  let h: AdminHarness;
  beforeEach(async () => {
    h = await adminHarness({ readText: () => '{"durationMs": 5}\n{"durationMs": 15}\n' });
  });
  afterEach(() => h.t.emu.close());

  it("GET /admin/strain shows the settings in the config file's shape", async () => {
    await h.admin.get("/admin/strain").expect(200, EMPTY);
  });

  it("PUT /admin/strain replaces everything and the services feel it at once", async () => {
    const settings = {
      seed: 7,
      latency: { "*": "2ms", bands: "normal:50ms,10ms" },
      faults: { catalog: ["503:0.5"], users: [{ kind: "slow", bytesPerSecond: 64, every: 3 }] },
      capacity: { tours: 10 },
      routes: [{ service: "bands", method: "GET", route: "/actuator/health", faults: ["500:every=1"] }],
    };
    const res = await h.admin.put("/admin/strain").send(settings).expect(200);
    const expected = {
      seed: 7,
      latency: { "*": "2ms", bands: "normal:50ms,10ms" },
      faults: {
        catalog: [{ kind: "status", status: 503, probability: 0.5 }],
        users: [{ kind: "slow", bytesPerSecond: 64, every: 3 }],
      },
      capacity: { tours: { concurrent: 10, stepMs: 0 } },
      routes: [
        {
          service: "bands",
          method: "GET",
          route: "/actuator/health",
          faults: [{ kind: "status", status: 500, every: 1 }],
        },
      ],
    };
    assert.deepEqual(res.body, expected);
    await h.admin.get("/admin/strain").expect(200, expected);
    assert.equal(h.strain.seed, 7);
    const health = await h.t.http("bands").get("/actuator/health").expect(500);
    assert.equal(health.body.status, 500);
    // What PUT gave back can be PUT again unchanged (it is also valid in a config file).
    await h.admin.put("/admin/strain").send(expected).expect(200, expected);
    // An empty object clears everything but the seed.
    await h.admin
      .put("/admin/strain")
      .send({})
      .expect(200, { ...EMPTY, seed: 7 });
    await h.t.http("bands").get("/actuator/health").expect(200);
  });

  it("reads recordings through the reader it was given", async () => {
    const res = await h.admin
      .put("/admin/strain")
      .send({ latency: { catalog: { recording: "run.jsonl" } } })
      .expect(200);
    assert.match(res.body.latency.catalog, /^empirical:p0=5ms,p1=5\.1ms,.*,p100=15ms$/);
  });

  it("bad settings are a 400 listing every problem, and nothing changes", async () => {
    await h.admin.put("/admin/strain").send({ latency: "5ms" }).expect(200);
    const res = await h.admin
      .put("/admin/strain")
      .send({
        latency: "gauss:1",
        faults: { bands: ["503:2"] },
        capacity: { auth: 3 },
        routes: [{ service: "bands", route: "/x" }],
        seed: -1,
        extra: true,
      })
      .expect(400);
    assert.deepEqual(res.body, {
      error: "the strain settings were not changed",
      problems: [
        'unknown key "extra" (one of seed, latency, faults, capacity, routes)',
        "latency: unknown distribution 'gauss' (one of uniform, normal, lognormal, empirical, recording, or a duration)",
        "faults.bands[0]: '2' is not a probability (0 < p ≤ 1, e.g. 0.2 or 20%) or every=N",
        "routes[0]: sets neither latency nor faults",
        "seed: -1 must be an integer ≥ 0",
      ],
    });
    await h.admin.get("/admin/strain").expect(200, { ...EMPTY, latency: { "*": "5ms" } });
  });

  it("a route entry must name a route its service declares, or it would never apply", async () => {
    const res = await h.admin
      .put("/admin/strain")
      .send({
        routes: [
          { service: "auth", route: "/oauth/token", latency: "5ms" },
          { service: "bands", method: "GET", route: "/api/bands/:id", latency: "5ms" },
          { service: "bands", method: "GET", route: "/api/bands/{id}", latency: "5ms" },
        ],
      })
      .expect(400);
    const [auth, bands, ...rest] = res.body.problems as string[];
    assert.deepEqual(rest, []);
    assert.equal(
      auth,
      "routes: auth has no route /oauth/token (its routes: /, /.well-known/jwks.json, " +
        "/.well-known/openid-configuration, /introspect, /login, /oauth2/authorization/muni, /token)",
    );
    // Express's ":id" is not how the service spells it; the list shows "{id}".
    assert.match(
      bands as string,
      /^routes: bands has no route \/api\/bands\/:id \(its routes: .*, \/api\/bands\/\{id\},/,
    );
    await h.admin.get("/admin/strain").expect(200, EMPTY);
    await h.admin
      .put("/admin/strain")
      .send({ routes: [{ service: "bands", method: "GET", route: "/api/bands/{id}", latency: "5ms" }] })
      .expect(200);
  });

  it("PUT needs a JSON object", async () => {
    const none = await h.admin.put("/admin/strain").expect(400);
    assert.deepEqual(none.body, {
      error: "the request needs a JSON body: the strain settings (latency, faults, capacity, routes, seed)",
    });
    const list = await h.admin.put("/admin/strain").send([]).expect(400);
    assert.deepEqual(list.body, {
      error: "the body must be a JSON object: the strain settings (latency, faults, capacity, routes, seed)",
    });
  });
});
