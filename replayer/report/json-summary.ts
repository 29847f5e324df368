import type { Results } from "./results.js";
import type { OutputFiles } from "./write-outputs.js";

/** The one JSON document `--json` prints on stdout: the verdict, the headline figures, the files. */
export function renderJsonSummary(results: Results, files: OutputFiles): string {
  const { overall } = results;
  return `${JSON.stringify({
    passed: results.verdict.passed,
    headline: results.verdict.headline,
    checks: results.verdict.checks,
    durationMs: results.durationMs,
    durationBasis: results.durationBasis,
    stoppedBy: results.stoppedBy,
    requests: overall.requests,
    failures: overall.failures,
    failureRatePercent: overall.failureRatePercent,
    avgMs: overall.avgMs,
    medianMs: overall.medianMs,
    p95Ms: overall.p95Ms,
    rps: overall.rps,
    missedStarts: results.missedStarts,
    traffic: results.traffic.kind,
    compare: results.compare && {
      total: results.compare.total,
      matched: results.compare.matched,
      matchRate: results.compare.matchRate,
    },
    services: Object.fromEntries(
      Object.entries(results.services).map(([service, stats]) => [
        service,
        {
          requests: stats.requests,
          failures: stats.failures,
          rps: stats.rps,
          avgMs: stats.avgMs,
          p95Ms: stats.p95Ms,
        },
      ]),
    ),
    files,
  })}\n`;
}
