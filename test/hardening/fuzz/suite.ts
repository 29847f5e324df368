/**
 * The hostile-request suite, at any size: `npm test` runs a few hundred requests per service,
 * `npm run soak` many thousands. The emulator is the built CLI on free ports of 127.0.0.1; after
 * each service's run its process must still answer, have printed nothing (an internal error
 * would be printed), and its store must pass its invariants with no counter gone back.
 */
import assert from "node:assert/strict";
import { startEmu, stop, type Ready, type Spawned } from "../../helpers/cli.js";
import { checkInvariants, countersGoBack } from "../../helpers/store-invariants.js";
import { createRng } from "../../../emulator/strain/rng.js";
import {
  ADMIN_OPERATIONS,
  AUTH_OPERATIONS,
  operationsFromDocs,
  RESOURCE_SERVICES,
  type FuzzService,
  type Operation,
} from "./operations.js";
import { fuzz, type FuzzOutcome } from "./run.js";
import { FuzzState } from "./state.js";
import { nothingHalfApplied, storeOf } from "./store-effects.js";
import { VALID_BODIES } from "./valid-bodies.js";

export interface FuzzSuiteOptions {
  perService: number;
  seed: number;
  /** Share of failing writes whose tables are compared before and after. */
  effectCheckRate: number;
  timeoutMs?: number;
}

type Emu = Spawned & { ready: Ready };

async function tokenFor(authUrl: string, query: string): Promise<string> {
  const response = await fetch(`${authUrl}/token?${query}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function operationsOf(emu: Emu): Promise<Record<FuzzService, Operation[]>> {
  const all = { auth: [...AUTH_OPERATIONS], admin: [...ADMIN_OPERATIONS] } as Record<
    FuzzService,
    Operation[]
  >;
  for (const service of RESOURCE_SERVICES) {
    const docs: unknown = await (await fetch(`${emu.ready.urls[service]}/v3/api-docs`)).json();
    all[service] = operationsFromDocs(service, docs);
  }
  return all;
}

async function stateFor(emu: Emu, stream: string, seed: number): Promise<FuzzState> {
  const auth = emu.ready.urls.auth as string;
  const scoped = ["scope=test_1", "scope=test_2", "scope=test_3", "scope=openid", "ttl=-60", "nbf=120"];
  const state = new FuzzState(
    seed,
    stream,
    await tokenFor(auth, ""),
    await Promise.all(scoped.map((q) => tokenFor(auth, q))),
    Date.now(),
  );
  const data = await storeOf(emu.ready.urls.admin as string);
  for (const table of Object.values(data.tables)) for (const row of table) state.learn(row.id);
  return state;
}

export async function healthy(emu: Emu, services: readonly string[]): Promise<void> {
  assert.equal(emu.child.exitCode, null, `emu exited: ${emu.stderr()}`);
  for (const service of services) {
    const response = await fetch(`${emu.ready.urls[service]}/actuator/health`);
    assert.equal(response.status, 200, `${service} health`);
    assert.equal(((await response.json()) as { status: string }).status, "UP");
  }
  assert.equal((await fetch(`${emu.ready.urls.admin}/admin/state`)).status, 200);
  assert.equal(emu.stderr(), "", "emu printed an internal error");
}

function assertClean(outcome: FuzzOutcome, expected: number, timeoutMs: number): void {
  const shown = outcome.problems.slice(0, 5).join("\n\n");
  assert.equal(outcome.problems.length, 0, `${outcome.problems.length} unexpected answers:\n\n${shown}`);
  assert.equal(outcome.sent, expected);
  assert.ok(outcome.slowestMs < timeoutMs, `slowest ${outcome.slowestMs} ms`);
}

export function fuzzSuite(options: FuzzSuiteOptions): void {
  const timeoutMs = options.timeoutMs ?? 1000;
  describe(`hostile requests to every service (seed ${options.seed}, ${options.perService} each)`, function () {
    this.timeout(Math.max(60_000, options.perService * 100));
    let emu: Emu;
    let operations: Record<FuzzService, Operation[]>;
    before(async () => {
      emu = await startEmu(["--quiet"]);
      operations = await operationsOf(emu);
    });
    after(async () => stop(emu));

    it("has a valid body for every request body the services document", () => {
      const bodies = Object.values(operations).flatMap((list) =>
        list.flatMap((op) => (op.body && !op.fixedBody ? [op.body] : [])),
      );
      assert.ok(bodies.length > 10);
      assert.deepEqual(
        bodies.filter((body) => body !== "form" && !VALID_BODIES[body]),
        [],
      );
    });

    for (const service of ["auth", ...RESOURCE_SERVICES] as const) {
      it(`${service}: every answer in the contract's status and shape, within ${timeoutMs} ms`, async () => {
        const admin = emu.ready.urls.admin as string;
        const state = await stateFor(emu, service, options.seed);
        const counters = (await storeOf(admin)).counters;
        const effects = createRng(options.seed, `${service}-effects`);
        const outcome = await fuzz(
          service,
          Number(new URL(emu.ready.urls[service] as string).port),
          operations[service],
          state,
          {
            count: options.perService,
            timeoutMs,
            aroundWrite: nothingHalfApplied(admin, options.effectCheckRate, () => effects.next()),
          },
        );
        assertClean(outcome, options.perService, timeoutMs);
        await healthy(emu, [...RESOURCE_SERVICES]);
        const data = await storeOf(admin);
        assert.deepEqual(checkInvariants(data), []);
        assert.deepEqual(countersGoBack(counters, data.counters), []);
      });
    }
  });

  describe(`hostile requests to the control plane (seed ${options.seed})`, function () {
    this.timeout(Math.max(60_000, options.perService * 100));
    let emu: Emu;
    before(async () => {
      emu = await startEmu(["--quiet"]);
    });
    after(async () => stop(emu));

    it(`admin: every answer JSON {"error": …} or a success, never a 5xx, within ${timeoutMs} ms`, async () => {
      const state = await stateFor(emu, "admin", options.seed);
      const port = Number(new URL(emu.ready.urls.admin as string).port);
      const outcome = await fuzz("admin", port, ADMIN_OPERATIONS, state, {
        count: options.perService,
        timeoutMs,
      });
      assertClean(outcome, options.perService, timeoutMs);
      const admin = emu.ready.urls.admin as string;
      // Undo what the valid requests among them may have done: services down, latency, faults.
      for (const service of ["auth", ...RESOURCE_SERVICES])
        await fetch(`${admin}/admin/services/${service}/up`, { method: "POST" });
      await fetch(`${admin}/admin/strain`, {
        method: "PUT",
        body: "{}",
        headers: { "content-type": "application/json" },
      });
      await healthy(emu, [...RESOURCE_SERVICES]);
      assert.deepEqual(checkInvariants(await storeOf(emu.ready.urls.admin as string)), []);
    });
  });
}
