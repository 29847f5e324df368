/**
 * A results file the size of a long, wide run: `names` request names and `seconds` of series,
 * made through the replayer's own statistics code from a seeded RNG, so the report has the
 * same shape it would after a real run (failures with reasons included).
 */
import type { RunOutcome } from "../replayer/engine/run.js";
import { buildResults, type Results } from "../replayer/report/results.js";
import { createRng, intBetween } from "../replayer/scenario/rng.js";
import { SERVICES } from "../replayer/services.js";
import { StatsCollector, type RouteName } from "../replayer/stats/stats-collector.js";
import { DEFAULT_THRESHOLDS } from "../replayer/verdict/thresholds.js";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeNames(count: number): RouteName[] {
  return Array.from({ length: count }, (_, i) => {
    const method = METHODS[i % METHODS.length] as string;
    return {
      name: `/api/resource${Math.floor(i / METHODS.length)}/{id} [${method}]`,
      method,
      service: SERVICES[i % SERVICES.length] as RouteName["service"],
    };
  });
}

export function syntheticResults(names: number, seconds: number, perSecond = 100): Results {
  const rng = createRng(11, 3);
  const routes = routeNames(names);
  const stats = new StatsCollector(0, () => 50, routes);
  stats.noteSent(0);
  for (let second = 0; second < seconds; second++) {
    for (let i = 0; i < perSecond; i++) {
      const entry = stats.entry(routes[intBetween(rng, 0, names - 1)] as RouteName);
      const at = second * 1000 + (i * 1000) / perSecond;
      const latencyUs = intBetween(rng, 500, 20_000);
      if (rng.next() < 0.02) {
        const status = rng.next() < 0.5 ? 404 : 500;
        stats.recordFailure(entry, at, latencyUs, 90, `HTTP ${status}`, status, `{"status":${status}}`);
      } else stats.recordSuccess(entry, at, latencyUs, intBetween(rng, 40, 4000));
    }
  }
  const endMs = seconds * 1000;
  stats.series.finish(endMs);
  const outcome: RunOutcome = {
    stats,
    stoppedBy: "time",
    startMs: 0,
    firstSentMs: 0,
    endMs,
    durationMs: endMs,
  };
  return buildResults(
    outcome,
    {
      runId: "bench",
      timestamp: "20250101_000000",
      startedAt: "2025-01-01T00:00:00.000Z",
      target: "emu",
      model: "closed",
      users: 50,
      spawnRate: 10,
      rate: null,
      runTimeMs: endMs,
      tags: null,
      thinkMs: { min: 0, max: 0 },
      seed: 11,
      timeoutMs: 5000,
    },
    DEFAULT_THRESHOLDS,
    [...SERVICES],
  );
}
