import assert from "node:assert/strict";
import type { Clock } from "../../replayer/engine/clock.js";
import type { HttpSender } from "../../replayer/engine/http-client.js";
import { RunWindow } from "../../replayer/engine/run-window.js";
import { RunStopped } from "../../replayer/engine/scenario.js";
import { Session } from "../../replayer/engine/session.js";
import { StatsCollector } from "../../replayer/stats/stats-collector.js";
import { summarize } from "../../replayer/stats/summarize.js";
import { PROBE, probeScenario, runAgainst } from "./helpers/run-engine.js";
import { startServer, type TestServer } from "./helpers/servers.js";

describe("engine against a local server", function () {
  this.timeout(15_000);
  let server: TestServer | undefined;
  let served = 0;
  let delayMs = 0;

  beforeEach(async () => {
    served = 0;
    delayMs = 0;
    server = await startServer((req, res) => {
      served += 1;
      const answer = (): void => void res.end('{"ok":true}');
      // Timers count from the loop's cached clock and can fire a little early on a busy
      // process; wait out the remainder so the answer really comes `delayMs` after arrival.
      const due = performance.now() + delayMs;
      const wait = (): void => {
        const left = due - performance.now();
        if (left > 0) setTimeout(wait, Math.ceil(left));
        else answer();
      };
      wait();
    });
  });
  afterEach(async () => server?.close());

  it("closed model: every request the server saw is counted, none lost, no failures", async () => {
    const scenario = probeScenario();
    const outcome = await runAgainst(server!.url, scenario, {
      model: { kind: "closed", users: 3, spawnRate: 1000 },
      runTimeMs: 300,
    }).done;
    assert.equal(scenario.created, 3);
    assert.equal(outcome.stats.totalRequests, served);
    assert.ok(served > 3);
    assert.equal(outcome.stats.totalFailures, 0);
    assert.equal(outcome.stoppedBy, "time");
    assert.ok(outcome.firstSentMs !== null && outcome.durationMs === outcome.endMs - outcome.firstSentMs);
    const summary = summarize(outcome.stats.overall(), outcome.durationMs);
    assert.equal(summary.requests, served);
    assert.equal(summary.bytes, served * 11);
  });

  for (const model of [
    { kind: "closed", users: 3, spawnRate: 1000 },
    { kind: "open", rate: 100, maxUsers: 3 },
  ] as const) {
    it(`${model.kind} model: a stop that came before the run sends nothing and ends at once`, async () => {
      const outcome = await runAgainst(server!.url, probeScenario(), {
        model,
        runTimeMs: 10_000,
        stoppedBefore: "SIGINT",
      }).done;
      assert.equal(served, 0);
      assert.equal(outcome.stats.totalRequests, 0);
      assert.equal(outcome.stoppedBy, "SIGINT");
      assert.equal(outcome.firstSentMs, null);
      assert.equal(outcome.durationMs, 0);
    });
  }

  it("closed model: spawns at the spawn rate, so a short window holds only the users due in it", async () => {
    const scenario = probeScenario();
    // Due at 0, 100 and 200 ms; the fourth (300 ms) comes after the 250 ms window.
    await runAgainst(server!.url, scenario, {
      model: { kind: "closed", users: 4, spawnRate: 10 },
      runTimeMs: 250,
    }).done;
    assert.equal(scenario.created, 3);
  });

  it("waits for requests still in flight at the end of the window and counts them", async () => {
    delayMs = 150;
    const outcome = await runAgainst(server!.url, probeScenario(), {
      model: { kind: "closed", users: 2, spawnRate: 1000 },
      runTimeMs: 60,
    }).done;
    assert.equal(served, 2);
    assert.equal(outcome.stats.totalRequests, 2);
    assert.equal(outcome.stats.totalFailures, 0);
    assert.ok((outcome.stats.overall().latency.min ?? 0) >= 150_000);
  });

  it("open model: starts exactly rate × window arrivals, each sent or counted as missed", async () => {
    const outcome = await runAgainst(server!.url, probeScenario(), {
      model: { kind: "open", rate: 200, maxUsers: 50 },
      runTimeMs: 500,
    }).done;
    assert.equal(outcome.stats.totalRequests + outcome.stats.missedStarts, 100);
    assert.equal(outcome.stats.totalRequests, served);
  });

  it("open model: arrivals that find every user busy are counted as missed, not delayed", async () => {
    delayMs = 60;
    const outcome = await runAgainst(server!.url, probeScenario(), {
      model: { kind: "open", rate: 100, maxUsers: 1 },
      runTimeMs: 300,
    }).done;
    assert.equal(outcome.stats.totalRequests + outcome.stats.missedStarts, 30);
    assert.ok(outcome.stats.missedStarts >= 20, String(outcome.stats.missedStarts));
    assert.equal(
      outcome.stats.series.points.reduce((sum, point) => sum + point.missed, 0),
      outcome.stats.missedStarts,
    );
  });

  it("open model: latency runs from the intended start, so a stalled generator shows (coordinated omission)", async () => {
    // The run clock jumps 200 ms ahead after the first request reaches the server, as if the
    // replayer had been stalled: the arrivals of those 200 ms go out late and must count it.
    let skew = 0;
    const clock: Clock = { now: () => performance.now() + skew };
    const scenario = probeScenario(() => {
      if (skew === 0) skew = 200;
    });
    const outcome = await runAgainst(server!.url, scenario, {
      model: { kind: "open", rate: 100, maxUsers: 100 },
      runTimeMs: 600,
      clock,
    }).done;
    const latency = outcome.stats.overall().latency;
    assert.equal(outcome.stats.totalRequests + outcome.stats.missedStarts, 60);
    assert.ok((latency.max ?? 0) >= 180_000, `max ${latency.max} µs`);
    assert.ok((latency.percentile(50) ?? Infinity) < 180_000);
  });
});

describe("measuring session", () => {
  const answer: HttpSender = {
    send: async () => ({ status: 200, bytes: 2, chunks: [Buffer.from("{}")], error: null }),
  };
  function scripted(times: number[]): Clock {
    return { now: () => times.shift() ?? 0 };
  }

  it("times a request from its intended start when one is set, else from its send", async () => {
    const window = new RunWindow({ now: () => 0 }, 60_000);
    const stats = new StatsCollector(0, () => 1, [PROBE]);
    const session = new Session(answer, stats, scripted([1100, 1100.5, 2000, 2003]), window);
    session.intendedStartMs = 1000;
    await session.send({ route: PROBE, path: "/probe" });
    await session.send({ route: PROBE, path: "/probe" });
    const latency = stats.entry(PROBE).stats.latency;
    assert.equal(latency.max, 100_500);
    assert.equal(latency.min, 3000);
    assert.equal(stats.firstSentMs, 1100);
    window.stop("time");
  });

  it("refuses to send once the window has closed", async () => {
    const window = new RunWindow({ now: () => 0 }, 60_000);
    window.stop("SIGINT");
    const session = new Session(answer, new StatsCollector(0, () => 0), { now: () => 1 }, window);
    await assert.rejects(session.send({ route: PROBE, path: "/probe" }), RunStopped);
  });

  it("fails a 2xx whose body is not what the contract promises", async () => {
    const window = new RunWindow({ now: () => 0 }, 60_000);
    const stats = new StatsCollector(0, () => 0);
    const session = new Session(answer, stats, { now: () => 5 }, window);
    const reply = await session.send({
      route: PROBE,
      path: "/probe",
      read: (body) => (body as { id?: number }).id,
    });
    assert.deepEqual(reply, { ok: false, status: 200, reason: "HTTP 200 with an unexpected body" });
    assert.equal(stats.totalFailures, 1);
    window.stop("time");
  });
});
