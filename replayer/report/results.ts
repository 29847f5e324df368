import type { RunOutcome } from "../engine/run.js";
import type { StopReason } from "../engine/run-window.js";
import { SERVICES, type ServiceName } from "../services.js";
import type { SeriesPoint } from "../stats/time-series.js";
import {
  round3,
  summarize,
  verdictFigures,
  type StatsSummary,
  type VerdictFigures,
} from "../stats/summarize.js";
import type { Thresholds } from "../verdict/thresholds.js";
import { judge, type Verdict } from "../verdict/verdict.js";
import type { CompareResults, RunExtras, TrafficInfo } from "./traffic-results.js";

export const RESULTS_SCHEMA = "soundcheck-results/1";

export const DURATION_BASIS = "first request sent → end of the run window";

/** How the run was set up, as the report states it. */
export interface RunMeta {
  readonly runId: string;
  /** `YYYYMMDD_HHMMSS` (UTC) of the start: the suffix of the report and CSV file names. */
  readonly timestamp: string;
  readonly startedAt: string;
  readonly target: "emu" | "real";
  /** `scripted`: recorded traffic, one user per session instance. */
  readonly model: "closed" | "open" | "scripted";
  readonly users: number;
  readonly spawnRate: number | null;
  readonly rate: number | null;
  /** The run window; null when a recording ran until every session was done. */
  readonly runTimeMs: number | null;
  readonly tags: readonly string[] | null;
  readonly thinkMs: { readonly min: number; readonly max: number };
  /** Null for recorded traffic, which makes no random choice. */
  readonly seed: number | null;
  readonly timeoutMs: number;
}

export interface EndpointResult extends StatsSummary {
  readonly name: string;
  readonly method: string;
  readonly service: ServiceName;
}

/** Everything the report shows; `replay report results.json` renders it again without a run. */
export interface Results {
  readonly schema: typeof RESULTS_SCHEMA;
  readonly meta: RunMeta;
  readonly stoppedBy: StopReason;
  /** The measured duration requests/s are taken over, and what it spans. */
  readonly durationMs: number;
  readonly durationBasis: typeof DURATION_BASIS;
  readonly missedStarts: number;
  readonly overall: StatsSummary;
  readonly services: Record<ServiceName, StatsSummary>;
  readonly endpoints: EndpointResult[];
  readonly series: SeriesPoint[];
  readonly thresholds: Thresholds;
  readonly verdict: Verdict;
  /** What was sent: the generated festival traffic, or a recording / HAR played back. */
  readonly traffic: TrafficInfo;
  /** `--compare`: the answers against the recorded ones; null without. */
  readonly compare: CompareResults | null;
  /** `--record FILE`: the run's own recording; null without. */
  readonly recordedTo: { readonly file: string; readonly exchanges: number } | null;
}

/** `YYYYMMDD_HHMMSS` in UTC. */
export function fileTimestamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

export function buildResults(
  outcome: RunOutcome,
  meta: RunMeta,
  thresholds: Thresholds,
  judgedServices: readonly ServiceName[],
  extras: RunExtras = {},
): Results {
  const duration = outcome.durationMs;
  const perService = outcome.stats.perService();
  const services = Object.fromEntries(
    SERVICES.map((service) => [service, summarize(perService[service], duration)]),
  ) as Record<ServiceName, StatsSummary>;
  const serviceFigures = Object.fromEntries(
    SERVICES.map((service) => [service, verdictFigures(perService[service], duration)]),
  ) as Record<ServiceName, VerdictFigures>;
  const overallStats = outcome.stats.overall();
  const overall = summarize(overallStats, duration);
  const endpoints = outcome.stats.names().map((entry) => ({
    name: entry.name,
    method: entry.method,
    service: entry.service,
    ...summarize(entry.stats, duration),
  }));
  return {
    schema: RESULTS_SCHEMA,
    meta,
    stoppedBy: outcome.stoppedBy,
    durationMs: round3(duration),
    durationBasis: DURATION_BASIS,
    missedStarts: outcome.stats.missedStarts,
    overall,
    services,
    endpoints,
    series: outcome.stats.series.points,
    thresholds,
    verdict: judge(verdictFigures(overallStats, duration), serviceFigures, thresholds, judgedServices),
    traffic: extras.traffic ?? { kind: "festival" },
    compare: extras.compare ?? null,
    recordedTo: extras.recordedTo ?? null,
  };
}
