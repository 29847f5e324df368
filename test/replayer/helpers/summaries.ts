import { RequestStats } from "../../../replayer/stats/request-stats.js";
import { summarize, type StatsSummary } from "../../../replayer/stats/summarize.js";

/** A summary with the given figures, built through the real statistics code. */
export function summaryOf(latenciesUs: number[], failures: number, durationMs: number): StatsSummary {
  const stats = new RequestStats();
  latenciesUs.forEach((latency, index) => {
    if (index < failures) stats.recordFailure(latency, 0, "HTTP 500 Internal Server Error", 500, "");
    else stats.recordSuccess(latency, 10);
  });
  return summarize(stats, durationMs);
}

/** `count` requests of `latencyUs` each over `durationMs`. */
export function flat(count: number, latencyUs: number, durationMs: number, failures = 0): StatsSummary {
  return summaryOf(
    Array.from({ length: count }, () => latencyUs),
    failures,
    durationMs,
  );
}
