/**
 * A server that answers every request after a fixed delay (setTimeout), and measures how long
 * it really held each one: that, not the nominal delay, is what the replayer should report.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { median, quantile } from "../figures.js";
import type { DelayJob, Listening, Timed } from "../jobs.js";
import { serveJobs } from "../rpc.js";

let held: number[] = [];

function listen(delayMs: number): Promise<Listening> {
  const body = Buffer.from('{"ok":true}');
  const server = createServer((req, res) => {
    const arrival = performance.now();
    req.resume();
    setTimeout(() => {
      res.writeHead(200, ["Content-Type", "application/json", "Content-Length", String(body.length)]);
      res.end(body);
      held.push(performance.now() - arrival);
    }, delayMs);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

function takeHeld(): Timed {
  const samples = held;
  held = [];
  return { count: samples.length, medianMs: median(samples), p99Ms: quantile(samples, 0.99) };
}

serveJobs<DelayJob>(async (job) => (job.kind === "listen" ? listen(job.delayMs) : takeHeld()));
