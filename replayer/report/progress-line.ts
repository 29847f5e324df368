import type { RunTick } from "../engine/run.js";
import { formatFixed, withUnit } from "./format.js";

/**
 * The live line on a terminal: elapsed/total, users, requests/s and p95 of the last second,
 * failures. Without a known total (a recording at `--speed max`) only the elapsed time.
 */
export function formatProgress(tick: RunTick, runTimeMs: number | null): string {
  const { stats } = tick;
  const last = stats.series.latest;
  const failures = stats.totalFailures;
  const rate = stats.totalRequests > 0 ? (failures / stats.totalRequests) * 100 : 0;
  return (
    `${Math.floor(tick.elapsedMs / 1000)}s${runTimeMs === null ? "" : `/${Math.round(runTimeMs / 1000)}s`}` +
    `  users ${tick.users}` +
    `  ${formatFixed(last ? last.requests : 0, 1)} req/s` +
    `  failures ${failures} (${formatFixed(rate)} %)` +
    `  p95 ${withUnit(formatFixed(last ? last.p95Ms : null, 1), "ms")}`
  );
}
