import type { RunOutcome } from "../../../replayer/engine/run.js";
import { buildResults, type Results, type RunMeta } from "../../../replayer/report/results.js";
import { createRng, intBetween } from "../../../replayer/scenario/rng.js";
import type { ServiceName } from "../../../replayer/services.js";
import { StatsCollector, type RouteName } from "../../../replayer/stats/stats-collector.js";
import { DEFAULT_THRESHOLDS } from "../../../replayer/verdict/thresholds.js";

/** Names and reasons with everything that breaks a naive writer: markup, quotes, commas, newlines, controls. */
export const HOSTILE_NAME =
  '/api/bands/<script>alert("x")</script>, "quoted" & \'single\'\r\nnext line\u0001\u001b[31m [GET]';
export const HOSTILE_REASON = "HTTP 400 Bad Request: <img src=x onerror=alert(1)> & \u0007bell";
export const HOSTILE_BODY = '{"title":"</pre><script>document.title=1</script>","detail":"a,b\\n\u0000"}';

const ROUTES: RouteName[] = [
  { name: "/api/bands [GET]", method: "GET", service: "bands" },
  { name: "/api/bands/{id} [GET]", method: "GET", service: "bands" },
  { name: "/api/tours [POST]", method: "POST", service: "tours" },
  { name: "/api/albums/band/{bandId} [GET]", method: "GET", service: "catalog" },
  { name: "/api/artists [POST]", method: "POST", service: "users" },
  { name: "/api/songs [POST]", method: "POST", service: "catalog" },
  { name: HOSTILE_NAME, method: "GET", service: "bands" },
  { name: "/api/tours/{id} [GET]", method: "GET", service: "tours" },
];
/** The last route is never hit: its figures are n/a. */
export const UNUSED_NAME = "/api/tours/{id} [GET]";

const META: RunMeta = {
  runId: "golden1",
  timestamp: "20250601_120000",
  startedAt: "2025-06-01T12:00:00.000Z",
  target: "emu",
  model: "closed",
  users: 50,
  spawnRate: 10,
  rate: null,
  runTimeMs: 20_000,
  tags: null,
  thinkMs: { min: 0, max: 0 },
  seed: 42,
  timeoutMs: 5000,
};

/**
 * Results of a made-up 20 s run, from a seeded RNG through the real statistics code: the same
 * every time, so the report rendered from them can be compared with a golden file.
 */
export function seededResults(seed = 42, requestsPerSecond = 120): Results {
  const rng = createRng(seed, 1);
  let users = 0;
  const stats = new StatsCollector(0, () => users, ROUTES);
  stats.noteSent(3);
  for (let second = 0; second < 20; second++) {
    users = Math.min(50, (second + 1) * 10);
    for (let i = 0; i < requestsPerSecond; i++) {
      const route = ROUTES[intBetween(rng, 0, 5)] as RouteName;
      const at = second * 1000 + (i * 1000) / requestsPerSecond + 1;
      const latencyUs = intBetween(rng, 800, 4000) + (second === 12 ? 40_000 : 0);
      const entry = stats.entry(route);
      if (rng.next() < 0.01)
        stats.recordFailure(
          entry,
          at,
          latencyUs,
          120,
          "HTTP 500 Internal Server Error",
          500,
          '{"status":500}',
        );
      else stats.recordSuccess(entry, at, latencyUs, intBetween(rng, 50, 900));
    }
    if (second % 5 === 0)
      stats.recordFailure(
        stats.entry(ROUTES[6] as RouteName),
        second * 1000 + 500,
        2500,
        40,
        HOSTILE_REASON,
        400,
        HOSTILE_BODY,
      );
  }
  stats.series.finish(20_000);
  const outcome: RunOutcome = {
    stats,
    stoppedBy: "time",
    startMs: 0,
    firstSentMs: 3,
    endMs: 20_003,
    durationMs: 20_000,
  };
  const judged: ServiceName[] = ["users", "bands", "catalog", "tours"];
  return buildResults(outcome, META, DEFAULT_THRESHOLDS, judged);
}
