import { SERVICE_LABELS, SERVICES, type ServiceName } from "../services.js";
import { round3, type VerdictFigures } from "../stats/summarize.js";
import type { Thresholds } from "./thresholds.js";

export interface Check {
  readonly id: string;
  readonly label: string;
  /**
   * Rounded to 3 decimals, as every figure of the results; the check itself compares the exact
   * value. Null when there is nothing to measure (no request): the check then fails.
   */
  readonly measured: number | null;
  readonly comparison: "≤" | "≥";
  readonly target: number;
  readonly unit: "%" | "ms" | "req/s";
  /** False for a throughput check of a service no selected tag sends to: shown, not judged. */
  readonly judged: boolean;
  readonly passed: boolean;
}

export interface Verdict {
  readonly checks: readonly Check[];
  readonly passed: boolean;
  readonly headline: "SHOWCASE SUCCESSFUL" | "SHOWCASE NEEDS IMPROVEMENT";
}

function check(
  id: string,
  label: string,
  measured: number | null,
  comparison: Check["comparison"],
  target: number,
  unit: Check["unit"],
  judged = true,
): Check {
  const meets = measured !== null && (comparison === "≤" ? measured <= target : measured >= target);
  const shown = measured === null ? null : round3(measured);
  return { id, label, measured: shown, comparison, target, unit, judged, passed: judged ? meets : true };
}

/**
 * Festival-scenario.md's verdict: every judged check must hold. `judgedServices` are the
 * services the selected tags send tasks to (all four without `--tags`). It is given the exact
 * figures (`verdictFigures`), not the rounded ones the results show.
 */
export function judge(
  overall: VerdictFigures,
  services: Readonly<Record<ServiceName, VerdictFigures>>,
  thresholds: Thresholds,
  judgedServices: readonly ServiceName[] = SERVICES,
): Verdict {
  const checks: Check[] = [
    check(
      "failure-rate",
      "failure rate, all requests",
      overall.failureRatePercent,
      "≤",
      thresholds.maxFailureRatePercent,
      "%",
    ),
    check("avg-response", "average response time", overall.avgMs, "≤", thresholds.maxAvgResponseMs, "ms"),
    check(
      "p95-response",
      "95th percentile response time",
      overall.p95Ms,
      "≤",
      thresholds.maxP95ResponseMs,
      "ms",
    ),
  ];
  for (const service of ["bands", "tours", "catalog", "users"] as const) {
    checks.push(
      check(
        `${service}-throughput`,
        `${SERVICE_LABELS[service]} throughput`,
        services[service].rps,
        "≥",
        thresholds.minRps[service],
        "req/s",
        judgedServices.includes(service),
      ),
    );
  }
  const passed = checks.every((item) => item.passed);
  return { checks, passed, headline: passed ? "SHOWCASE SUCCESSFUL" : "SHOWCASE NEEDS IMPROVEMENT" };
}
