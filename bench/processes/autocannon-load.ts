/**
 * autocannon in a process of its own, so neither the bench nor the server under test shares
 * its event loop. Requests per second are the total over the measured duration.
 */
import autocannon, { type RawRequest } from "autocannon";
import type { LoadJob, LoadResult } from "../jobs.js";
import { serveJobs } from "../rpc.js";

/** Counts across jobs, so no two POSTs of this process ever carry the same username. */
let sent = 0;

function managerBody(): string {
  sent += 1;
  const name = `bench${process.pid}n${sent}`;
  return JSON.stringify({
    username: name,
    email: `${name}@bench.example`,
    firstName: "Bench",
    lastName: "Marker",
    password: "s3cret",
    companyName: "Load Ltd",
  });
}

async function load(job: LoadJob): Promise<LoadResult> {
  const result = await autocannon({
    url: job.url,
    method: job.method,
    connections: job.connections,
    duration: job.durationS,
    headers: { ...job.headers },
    requests: job.uniqueManagers
      ? [{ setupRequest: (request: RawRequest) => ({ ...request, body: managerBody() }) }]
      : undefined,
  });
  return {
    requests: result.requests.total,
    durationS: result.duration,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

serveJobs<LoadJob>(load);
