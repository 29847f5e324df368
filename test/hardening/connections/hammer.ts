/**
 * Many keep-alive connections at once: one undici pool per service with `connections` sockets
 * each shared by the services' requests, as many loops as connections, each sending read
 * requests back to back for `durationMs`. Every answer must be a 2xx; the emulator's resident
 * memory is sampled five times a second after a warm-up.
 */
import { readFileSync } from "node:fs";
import { Pool } from "undici";

export interface HammerResult {
  requests: number;
  errors: string[];
  /** Sockets the pools had open at the busiest moment. */
  peakConnections: number;
  /** Median resident memory over the first and the last third of the run after the warm-up. */
  rssWarmMb: number;
  rssEndMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Resident set size of a process, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return Math.round(kb / 102.4) / 10;
}

const PATHS: Record<string, string[]> = {
  users: ["/api/artists", "/api/managers/4", "/actuator/health"],
  bands: ["/api/bands", "/api/bands/1", "/api/bands/offers/byBand/1"],
  catalog: ["/api/albums", "/api/songs/band/1"],
  tours: ["/api/tours", "/api/cityVisits"],
};

export async function hammer(options: {
  urls: Record<string, string>;
  token: string;
  pid: number;
  connections: number;
  durationMs: number;
  warmUpMs: number;
}): Promise<HammerResult> {
  const services = Object.keys(PATHS);
  const perService = Math.ceil(options.connections / services.length);
  const pools = new Map(
    services.map((service) => [
      service,
      new Pool(options.urls[service] as string, {
        connections: perService,
        pipelining: 1,
        keepAliveTimeout: 60_000,
      }),
    ]),
  );
  const result: HammerResult = { requests: 0, errors: [], peakConnections: 0, rssWarmMb: 0, rssEndMb: 0 };
  const started = Date.now();
  const headers = { authorization: `Bearer ${options.token}` };
  let running = true;
  const loops = Array.from({ length: perService * services.length }, async (_, i) => {
    const service = services[i % services.length] as string;
    const pool = pools.get(service) as Pool;
    const paths = PATHS[service] as string[];
    for (let n = 0; running; n++) {
      const path = paths[n % paths.length] as string;
      try {
        const response = await pool.request({ method: "GET", path, headers });
        await response.body.dump();
        if (response.statusCode !== 200) result.errors.push(`${service} ${path}: ${response.statusCode}`);
      } catch (error) {
        result.errors.push(`${service} ${path}: ${(error as Error).message}`);
      }
      result.requests++;
    }
  });
  const sampler = setInterval(() => {
    const connected = [...pools.values()].reduce((sum, pool) => sum + pool.stats.connected, 0);
    result.peakConnections = Math.max(result.peakConnections, connected);
  }, 100);
  // Memory goes up and down with each garbage collection: compare medians, not two readings.
  const rss: number[] = [];
  await new Promise((resolve) => setTimeout(resolve, options.warmUpMs));
  const memory = setInterval(() => rss.push(rssMb(options.pid)), 200);
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, options.durationMs - (Date.now() - started))),
  );
  clearInterval(memory);
  const third = Math.max(1, Math.floor(rss.length / 3));
  result.rssWarmMb = median(rss.slice(0, third));
  result.rssEndMb = median(rss.slice(-third));
  running = false;
  await Promise.all(loops);
  clearInterval(sampler);
  await Promise.all([...pools.values()].map((pool) => pool.close()));
  return result;
}

/** The soft limit on open files of this process's shell (each connection costs two here). */
export function openFileLimit(): number {
  const limits = readFileSync("/proc/self/limits", "utf8");
  return Number(/Max open files\s+(\d+|unlimited)/.exec(limits)?.[1]?.replace("unlimited", String(2 ** 30)));
}
