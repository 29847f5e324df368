import assert from "node:assert/strict";
import { createServer as createNetServer } from "node:net";
import type { Reply } from "../../replayer/engine/scenario.js";
import { failureReason } from "../../replayer/engine/failure-reason.js";
import { statusReason } from "../../replayer/engine/session.js";
import { summarize } from "../../replayer/stats/summarize.js";
import { probeScenario, runAgainst } from "./helpers/run-engine.js";
import { listen, refusedUrl, startServer } from "./helpers/servers.js";

const ONE_USER = { kind: "closed", users: 1, spawnRate: 1000 } as const;

function reasons(outcome: Awaited<ReturnType<typeof runAgainst>["done"]>): string[] {
  return summarize(outcome.stats.overall(), outcome.durationMs).failuresByReason.map(
    (reason) => reason.reason,
  );
}

describe("failures are counted with their reason and never stop the run", function () {
  this.timeout(20_000);

  it("a server that never answers: timeout", async () => {
    const server = await startServer(() => undefined);
    try {
      const outcome = await runAgainst(server.url, probeScenario(), {
        model: ONE_USER,
        runTimeMs: 250,
        timeoutMs: 100,
      }).done;
      assert.ok(outcome.stats.totalRequests >= 2, String(outcome.stats.totalRequests));
      assert.equal(outcome.stats.totalFailures, outcome.stats.totalRequests);
      assert.deepEqual(reasons(outcome), ["timeout"]);
      assert.ok((outcome.stats.overall().latency.min ?? 0) >= 100_000);
    } finally {
      await server.close();
    }
  });

  it("nothing listening: connection refused", async () => {
    const outcome = await runAgainst(await refusedUrl(), probeScenario(), { model: ONE_USER, runTimeMs: 150 })
      .done;
    assert.ok(outcome.stats.totalRequests > 1);
    assert.equal(outcome.stats.totalFailures, outcome.stats.totalRequests);
    assert.deepEqual(reasons(outcome), ["connection refused"]);
  });

  it("a server that drops the connection: connection reset", async () => {
    const server = await startServer((req) => req.socket.destroy());
    try {
      const outcome = await runAgainst(server.url, probeScenario(), { model: ONE_USER, runTimeMs: 150 }).done;
      assert.ok(outcome.stats.totalRequests > 1);
      assert.deepEqual(reasons(outcome), ["connection reset"]);
    } finally {
      await server.close();
    }
  });

  it("a server answering garbage instead of HTTP: invalid HTTP response", async () => {
    const garbage = createNetServer((socket) => {
      socket.on("data", () => socket.end("SOUNDCHECK? \u0000\u0001 not http at all\r\n\r\n"));
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => garbage.listen(0, "127.0.0.1", resolve));
    const address = garbage.address();
    assert.ok(address && typeof address === "object");
    try {
      const outcome = await runAgainst(`http://127.0.0.1:${address.port}`, probeScenario(), {
        model: ONE_USER,
        runTimeMs: 150,
      }).done;
      assert.ok(outcome.stats.totalRequests > 1);
      assert.deepEqual(reasons(outcome), ["invalid HTTP response"]);
    } finally {
      await new Promise((resolve) => garbage.close(resolve));
    }
  });

  it("error answers: status, phrase and ProblemDetail title, with one example body", async () => {
    const body = JSON.stringify({
      type: "about:blank",
      title: "Band already exists",
      status: 400,
      detail: 'Band with name "x" already exists',
    });
    const server = await startServer((req, res) => {
      res.statusCode = 400;
      res.setHeader("content-type", "application/problem+json");
      res.end(body);
    });
    try {
      const outcome = await runAgainst(server.url, probeScenario(), { model: ONE_USER, runTimeMs: 100 }).done;
      const summary = summarize(outcome.stats.overall(), outcome.durationMs);
      assert.equal(summary.failures, summary.requests);
      assert.deepEqual(
        summary.failuresByReason.map((r) => [r.reason, r.status, r.example]),
        [["HTTP 400 Bad Request: Band already exists", 400, body]],
      );
      assert.deepEqual(summary.failuresByStatus, [{ status: 400, count: summary.requests }]);
    } finally {
      await server.close();
    }
  });

  it("a target that dies mid-run and comes back: the run goes on and counts both sides", async () => {
    const server = await startServer((req, res) => res.end("{}"));
    const port = server.port;
    let phase: "up" | "down" | "back" | "done" = "up";
    let successes = 0;
    let failures = 0;
    let revived: Awaited<ReturnType<typeof listen>> | undefined;
    const stopper: { stop?: () => void } = {};
    const onReply = (reply: Reply<unknown>): void => {
      if (reply.ok) successes += 1;
      else failures += 1;
      if (phase === "up" && successes >= 20) {
        phase = "down";
        void server.close();
      } else if (phase === "down" && failures >= 20) {
        phase = "back";
        void listen(server.server, port).then((again) => (revived = again));
      } else if (phase === "back" && successes >= 40) {
        phase = "done";
        stopper.stop?.();
      }
    };
    const run = runAgainst(server.url, probeScenario(onReply), {
      model: { kind: "closed", users: 2, spawnRate: 1000 },
      runTimeMs: 10_000,
    });
    stopper.stop = () => run.stop("SIGTERM");
    const outcome = await run.done;
    await revived?.close();
    assert.equal(phase, "done");
    assert.equal(outcome.stoppedBy, "SIGTERM");
    assert.equal(outcome.stats.totalRequests, successes + failures);
    assert.equal(outcome.stats.totalFailures, failures);
    const seen = reasons(outcome);
    assert.ok(seen.includes("connection refused"), seen.join(", "));
    assert.ok(
      seen.every((reason) => ["connection refused", "connection reset"].includes(reason)),
      seen.join(", "),
    );
  });
});

describe("failure reasons", () => {
  const cases: [unknown, string][] = [
    [Object.assign(new Error("Headers Timeout Error"), { code: "UND_ERR_HEADERS_TIMEOUT" }), "timeout"],
    [Object.assign(new Error("Body Timeout Error"), { code: "UND_ERR_BODY_TIMEOUT" }), "timeout"],
    [
      Object.assign(new Error("Connect Timeout Error"), { code: "UND_ERR_CONNECT_TIMEOUT" }),
      "connect timeout",
    ],
    [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
      "connection refused",
    ],
    [
      Object.assign(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]), {}),
      "connection refused",
    ],
    [Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }), "connection reset"],
    [Object.assign(new Error("Parse Error"), { code: "HPE_INVALID_CONSTANT" }), "invalid HTTP response"],
    [
      Object.assign(new Error("The client is destroyed"), { code: "UND_ERR_DESTROYED" }),
      "aborted at end of run",
    ],
    [Object.assign(new Error("weird"), { code: "E_WEIRD" }), "E_WEIRD: weird"],
    [new TypeError("bad"), "TypeError: bad"],
    ["text", "error: text"],
  ];
  for (const [error, expected] of cases) {
    it(`${(error as Error).message ?? error} → ${expected}`, () =>
      assert.equal(failureReason(error), expected));
  }

  const statuses: [number, string, string][] = [
    [404, "", "HTTP 404 Not Found"],
    [500, '{"status":500,"message":"An unexpected error occurred: x"}', "HTTP 500 Internal Server Error"],
    [
      400,
      '{"type":"about:blank","title":"Invalid manager","status":400}',
      "HTTP 400 Bad Request: Invalid manager",
    ],
    [418, "{not json", "HTTP 418 I'm a Teapot"],
    [599, "", "HTTP 599"],
  ];
  for (const [status, body, expected] of statuses) {
    it(`status ${status} → ${expected}`, () => assert.equal(statusReason(status, body), expected));
  }
});
