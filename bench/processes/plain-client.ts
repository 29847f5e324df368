/**
 * The simplest client there is — node:http with a keep-alive agent, N loops sending one request
 * after another — timed the same way the replayer times: from sending to the last body byte. It
 * shows what any client on this machine sees of the delay server, replayer or not.
 */
import { Agent, get } from "node:http";
import { median, quantile } from "../figures.js";
import type { PlainJob, Timed } from "../jobs.js";
import { serveJobs } from "../rpc.js";

function once(url: string, agent: Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve());
      res.on("error", reject);
    }).on("error", reject);
  });
}

async function load(job: PlainJob): Promise<Timed> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.users });
  const latencies: number[] = [];
  const end = performance.now() + job.durationMs;
  const loop = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      await once(`${job.url}${job.path}`, agent);
      latencies.push(performance.now() - sent);
    }
  };
  try {
    await Promise.all(Array.from({ length: job.users }, loop));
  } finally {
    agent.destroy();
  }
  return { count: latencies.length, medianMs: median(latencies), p99Ms: quantile(latencies, 0.99) };
}

serveJobs<PlainJob>(load);
