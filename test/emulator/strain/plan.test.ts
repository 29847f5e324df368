import assert from "node:assert/strict";
import type { RouteKey, StrainPlan } from "../../../emulator/core/strain.js";
import { StrainController } from "../../../emulator/strain/controller.js";
import { loadedDelay, planFor, type PlanInputs } from "../../../emulator/strain/plan.js";
import { createRng } from "../../../emulator/strain/rng.js";
import { readStrainJson } from "../../../emulator/strain/settings-json.js";
import type { StrainSettings } from "../../../emulator/strain/settings.js";

const NAMES = {
  services: ["auth", "users", "bands", "catalog", "tours"],
  capacityServices: ["users", "bands", "catalog", "tours"],
};

function settingsOf(json: Record<string, unknown>): StrainSettings {
  const read = readStrainJson(json, NAMES);
  assert.deepEqual(read.problems, []);
  return read.settings;
}

function inputs(seed = 1, inFlight = 0): PlanInputs {
  const counts = new Map<string, number>();
  return {
    rng: createRng(seed),
    inFlight,
    nth: (counter) => {
      const n = (counts.get(counter) ?? 0) + 1;
      counts.set(counter, n);
      return n;
    },
  };
}

const key = (service: string, method: string, route?: string): RouteKey => ({ service, method, route });

describe("strain plan: which setting applies", () => {
  const settings = settingsOf({
    latency: { "*": "1ms", bands: "2ms" },
    faults: { bands: ["503:every=1"], "*": ["500:every=1"] },
    routes: [
      { service: "bands", method: "GET", route: "/api/bands/{id}", latency: "3ms" },
      { service: "bands", route: "/api/bands/{id}", latency: "4ms", faults: ["reset:every=1"] },
      { service: "bands", method: "POST", route: "/api/bands", faults: [] },
    ],
  });
  const CASES: [RouteKey, StrainPlan][] = [
    // method + route beats route beats service beats global, for latency…
    [key("bands", "GET", "/api/bands/{id}"), { delayMs: 3, fault: { kind: "reset" } }],
    [key("bands", "HEAD", "/api/bands/{id}"), { delayMs: 3, fault: { kind: "reset" } }],
    [key("bands", "DELETE", "/api/bands/{id}"), { delayMs: 4, fault: { kind: "reset" } }],
    [key("bands", "GET", "/api/bands"), { delayMs: 2, fault: { kind: "status", status: 503 } }],
    [key("bands", "GET", undefined), { delayMs: 2, fault: { kind: "status", status: 503 } }],
    // …and for faults on their own: an empty list is "no faults here".
    [key("bands", "POST", "/api/bands"), { delayMs: 2 }],
    [key("users", "GET", "/api/users"), { delayMs: 1, fault: { kind: "status", status: 500 } }],
    [key("auth", "GET", "/token"), { delayMs: 1, fault: { kind: "status", status: 500 } }],
  ];
  for (const [request, expected] of CASES) {
    it(`${request.service} ${request.method} ${request.route ?? "(no route)"} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(planFor(settings, request, inputs()), expected);
    });
  }

  it("answers undefined (as fast as possible) when nothing is set", () => {
    assert.equal(planFor(settingsOf({}), key("bands", "GET", "/x"), inputs()), undefined);
  });
});

describe("strain plan: fault frequencies", () => {
  function run(json: Record<string, unknown>, n: number): (StrainPlan | undefined)[] {
    const settings = settingsOf(json);
    const input = inputs(99);
    return Array.from({ length: n }, () => planFor(settings, key("bands", "GET", "/api/bands"), input));
  }
  const count = (plans: (StrainPlan | undefined)[], kind: string) =>
    plans.filter((plan) => plan?.fault?.kind === kind).length;

  it("a probability fires that often: 503:0.2 on 20 000 requests is 4000 ± 240 (≈ 4 SE)", () => {
    const plans = run({ faults: { bands: ["503:0.2"] } }, 20_000);
    const hits = count(plans, "status");
    assert.ok(Math.abs(hits - 4000) <= 240, `${hits} faults`);
  });

  it("several probabilities share one draw, so each keeps its own rate", () => {
    const plans = run({ faults: { bands: ["503:0.2", "reset:5%"] } }, 20_000);
    assert.ok(Math.abs(count(plans, "status") - 4000) <= 240);
    // 1000 expected, SE ≈ 31.
    assert.ok(Math.abs(count(plans, "reset") - 1000) <= 125);
  });

  it("every=N is exact: requests N, 2N, … and no others", () => {
    const plans = run({ faults: { bands: ["truncate:every=10"] } }, 1000);
    const hit = plans.flatMap((plan, i) => (plan?.fault ? [i + 1] : []));
    assert.deepEqual(
      hit,
      Array.from({ length: 100 }, (_, i) => (i + 1) * 10),
    );
  });

  it("every=N stays exact next to a probability, which takes its share of the rest", () => {
    const plans = run({ faults: { bands: ["hang:every=4", "503:0.5"] } }, 4000);
    assert.equal(count(plans, "hang"), 1000);
    assert.ok(plans.every((plan, i) => ((i + 1) % 4 === 0) === (plan?.fault?.kind === "hang")));
    // 1500 expected among the other 3000, SE ≈ 27.
    assert.ok(Math.abs(count(plans, "status") - 1500) <= 110);
  });
});

describe("strain plan: load-dependent latency", () => {
  it("full speed up to the capacity, then n/capacity times slower plus the step", () => {
    const capacity = { concurrent: 4, stepMs: 0 };
    assert.deepEqual(
      [1, 4, 5, 8, 12].map((n) => loadedDelay(100, capacity, n)),
      [100, 100, 125, 200, 300],
    );
    assert.deepEqual(
      [4, 6].map((n) => loadedDelay(0, { concurrent: 4, stepMs: 5 }, n)),
      [0, 10],
    );
  });

  it("the controller counts requests in flight between enter and leave", () => {
    const strain = new StrainController(
      settingsOf({ latency: { bands: "100ms" }, capacity: { bands: "2:5ms" } }),
      1,
    );
    const request = key("bands", "GET", "/api/bands");
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      delays.push((strain.plan(request) as StrainPlan).delayMs);
      strain.enter("bands");
    }
    // The 3rd request finds 2 in flight (3 > 2): 100·3/2 + 5; the 4th: 100·4/2 + 10.
    assert.deepEqual(delays, [100, 100, 155, 210]);
    assert.equal(strain.inFlightOf("bands"), 4);
    for (let i = 0; i < 4; i++) strain.leave("bands");
    assert.equal((strain.plan(request) as StrainPlan).delayMs, 100);
    assert.equal(strain.inFlightOf("users"), 0);
  });
});

describe("strain controller: reproducibility", () => {
  const settings = settingsOf({
    latency: "lognormal:median=40ms,p99=250ms",
    faults: ["503:0.3", "reset:every=7"],
  });
  const sequence = (strain: StrainController, service = "bands") =>
    Array.from({ length: 200 }, () => strain.plan(key(service, "GET", "/api/bands")));

  it("the same seed gives the same plans; another seed different ones", () => {
    assert.deepEqual(
      sequence(new StrainController(settings, 5)),
      sequence(new StrainController(settings, 5)),
    );
    assert.notDeepEqual(
      sequence(new StrainController(settings, 5)),
      sequence(new StrainController(settings, 6)),
    );
  });

  it("a service's sequence does not depend on other services' traffic", () => {
    const alone = new StrainController(settings, 5);
    const busy = new StrainController(settings, 5);
    const mixed: (StrainPlan | undefined)[] = [];
    for (let i = 0; i < 200; i++) {
      busy.plan(key("users", "GET", "/api/users"));
      mixed.push(busy.plan(key("bands", "GET", "/api/bands")));
    }
    assert.deepEqual(mixed, sequence(alone));
  });

  it("replacing the settings starts the streams and counters over", () => {
    const strain = new StrainController(settings, 5);
    const first = sequence(strain);
    strain.replace(settings);
    assert.deepEqual(sequence(strain), first);
    strain.replace(settings, 6);
    assert.equal(strain.seed, 6);
    assert.deepEqual(sequence(strain), sequence(new StrainController(settings, 6)));
  });
});
