import type { RunOutcome } from "../../../replayer/engine/run.js";
import { CompareTally } from "../../../replayer/recording/index.js";
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

/** The statistics of a made-up 20 s run, from a seeded RNG through the real statistics code. */
function seededOutcome(seed: number, requestsPerSecond: number): RunOutcome {
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
  return { stats, stoppedBy: "time", startMs: 0, firstSentMs: 3, endMs: 20_003, durationMs: 20_000 };
}

/**
 * Results of a made-up 20 s run: the same every time, so the report rendered from them can be
 * compared with a golden file.
 */
export function seededResults(seed = 42, requestsPerSecond = 120): Results {
  const judged: ServiceName[] = ["users", "bands", "catalog", "tours"];
  return buildResults(seededOutcome(seed, requestsPerSecond), META, DEFAULT_THRESHOLDS, judged);
}

/** A mismatch line with everything that breaks a naive writer, as a hostile HAR could cause. */
export const HOSTILE_MISMATCH = '$["<b>x</b>"]: unexpected field (string) & "quoted"\u0007';

/**
 * The same statistics as a HAR replayed until every session was done, with `--compare`: some
 * names matched, some did not, one of them hostile; entries skipped for other hosts and broken.
 */
export function seededRecordedResults(): Results {
  const compare = new CompareTally();
  const lines: [string, number, string[]][] = [
    ["/api/bands [GET]", 40, []],
    ["/api/bands/{id} [GET]", 6, ["$.members: expected array, got null"]],
    ["/api/artists [POST]", 3, ["status: expected 201, got 409"]],
    [HOSTILE_NAME, 2, [HOSTILE_MISMATCH, "$.logo: missing (expected null)"]],
  ];
  lines.forEach(([name, total, mismatches], which) => {
    for (let i = 0; i < total; i++) {
      const matched = mismatches.length === 0 || i % 3 === 0;
      compare.add(
        { name, matched, mismatches: matched ? [] : mismatches },
        `page:page_${which}#1, exchange ${i + 1}: GET /api/x/${i}`,
      );
    }
  });
  const meta: RunMeta = {
    ...META,
    model: "scripted",
    users: 3,
    spawnRate: null,
    runTimeMs: null,
    thinkMs: { min: 0, max: 0 },
    seed: null,
  };
  return buildResults(
    { ...seededOutcome(42, 40), stoppedBy: "done" },
    meta,
    DEFAULT_THRESHOLDS,
    ["users", "bands", "catalog", "tours"],
    {
      traffic: {
        kind: "har",
        file: "captures/browser <session>.har",
        source: "har",
        recordedAt: "2025-05-21T10:00:00.000Z",
        sessions: 3,
        exchanges: 51,
        speed: 2,
        repeat: "once",
        copies: 1,
        passMs: 9500,
        shiftedDays: 11,
        skipped: {
          tokenFetches: 2,
          otherHosts: [
            { host: "fonts.example.com:443", count: 3 },
            { host: "<script>.example:80", count: 1 },
          ],
          broken: ["entry 7: no request.url", 'entry 9: startedDateTime "<yesterday>" is not a date'],
        },
      },
      compare: compare.summary(),
      recordedTo: { file: "out/replayed & recorded.jsonl", exchanges: 51 },
    },
  );
}
