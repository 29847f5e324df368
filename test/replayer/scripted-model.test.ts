import assert from "node:assert/strict";
import { monotonicClock } from "../../replayer/engine/clock.js";
import { HttpClient } from "../../replayer/engine/http-client.js";
import { startRun } from "../../replayer/engine/run.js";
import type { Scenario, Sender, VirtualUser } from "../../replayer/engine/scenario.js";
import type { RouteName } from "../../replayer/stats/stats-collector.js";
import { sameUrlForAll, startServer, type TestServer } from "./helpers/servers.js";

const STEP: RouteName = { name: "/step [GET]", method: "GET", service: "bands" };

/** Users that each send GET /step?u=<user>&i=<n> at the given offsets (ms from the run's start). */
function scripts(offsets: number[][]): Scenario & { created: string[] } {
  const created: string[] = [];
  return {
    created,
    routes: [STEP],
    createUser(index): VirtualUser {
      const due = offsets[index] ?? [];
      let next = 0;
      created.push(`u${index}`);
      return {
        key: `u${index}`,
        nextDueMs: () => due[next] ?? null,
        async iterate(sender: Sender) {
          if (next >= due.length) return false;
          await sender.send({ route: STEP, path: `/step?u=${index}&i=${next}` });
          next += 1;
          return true;
        },
      };
    },
  };
}

describe("scripted model (recorded traffic)", function () {
  this.timeout(15_000);
  let server: TestServer | undefined;
  let arrivals: { url: string; atMs: number }[] = [];
  let delayMs = 0;

  beforeEach(async () => {
    arrivals = [];
    delayMs = 0;
    server = await startServer((req, res) => {
      arrivals.push({ url: req.url ?? "", atMs: performance.now() });
      setTimeout(() => res.end("{}"), req.url?.includes("i=0") ? delayMs : 0);
    });
  });
  afterEach(async () => server?.close());

  function run(scenario: Scenario, users: number, runTimeMs: number | null) {
    return startRun({
      model: { kind: "scripted", users },
      runTimeMs,
      timeoutMs: 2000,
      scenario,
      http: new HttpClient(sameUrlForAll(server!.url), { timeoutMs: 2000, headers: {} }),
      clock: monotonicClock,
      think: () => 0,
    });
  }

  it("starts every user at once and ends with `done` when the last script is played", async () => {
    const scenario = scripts([[0, 40], [20]]);
    const startedMs = performance.now();
    const outcome = await run(scenario, 2, null).done;
    assert.deepEqual(scenario.created, ["u0", "u1"]);
    assert.equal(outcome.stoppedBy, "done");
    assert.equal(outcome.stats.totalRequests, 3);
    assert.equal(outcome.stats.totalFailures, 0);
    // Nobody sends before its time: the offsets are lower bounds (a busy machine may be later).
    const at = new Map(arrivals.map((arrival) => [arrival.url, arrival.atMs - startedMs]));
    assert.deepEqual([...at.keys()].sort(), ["/step?u=0&i=0", "/step?u=0&i=1", "/step?u=1&i=0"]);
    assert.ok((at.get("/step?u=1&i=0") ?? 0) >= 19, String(at.get("/step?u=1&i=0")));
    assert.ok((at.get("/step?u=0&i=1") ?? 0) >= 39, String(at.get("/step?u=0&i=1")));
  });

  it("a user's next request waits for the previous answer, even when it is due earlier", async () => {
    delayMs = 150;
    const outcome = await run(scripts([[0, 10]]), 1, null).done;
    assert.equal(outcome.stoppedBy, "done");
    const [first, second] = arrivals;
    assert.ok(first && second && second.atMs - first.atMs >= 145, `${second?.atMs} − ${first?.atMs}`);
  });

  it("with a run time the window still applies: what is due later is not sent", async () => {
    const outcome = await run(scripts([[0, 60_000]]), 1, 200).done;
    assert.equal(outcome.stoppedBy, "time");
    assert.deepEqual(
      arrivals.map((arrival) => arrival.url),
      ["/step?u=0&i=0"],
    );
    assert.ok(outcome.durationMs < 1000);
  });

  it("a stop signal ends a run without a window, counting what was answered", async () => {
    const controller = run(scripts([[0, 60_000]]), 1, null);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (arrivals.length === 1) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    controller.stop("SIGINT");
    const outcome = await controller.done;
    assert.equal(outcome.stoppedBy, "SIGINT");
    assert.equal(outcome.stats.totalRequests, 1);
  });
});
