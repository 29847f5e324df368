import { SERVICE_LABELS, SERVICES } from "../services.js";
import { counted } from "../../common/counted.js";
import { formatFixed, formatNumber, withUnit } from "./format.js";
import { notJudgedReason, recordedTextLines } from "./recorded-text.js";
import type { Results } from "./results.js";

function stoppedText(results: Results): string {
  if (results.stoppedBy === "time") return "";
  if (results.stoppedBy === "done") return ", until every session was done";
  return `, stopped by ${results.stoppedBy}`;
}

/** The verdict as the terminal shows it: each check with measured value, target, mark; then the headline. */
export function renderVerdictText(results: Results): string {
  const lines: string[] = [];
  const { overall } = results;
  lines.push(
    `Ran ${formatNumber(results.durationMs / 1000)} s (${results.durationBasis})${stoppedText(results)}: ` +
      `${counted(overall.requests, "request")}, ${counted(overall.failures, "failure")}, ${formatFixed(overall.rps)} req/s` +
      (results.meta.model === "open" ? `, ${counted(results.missedStarts, "missed start")}` : ""),
  );
  for (const service of SERVICES) {
    const stats = results.services[service];
    lines.push(
      `  ${SERVICE_LABELS[service].padEnd(14)} ${String(stats.requests).padStart(8)} req  ${String(stats.failures).padStart(6)} fail  ` +
        `${formatFixed(stats.rps).padStart(9)} req/s  median ${withUnit(formatFixed(stats.medianMs), "ms")}  p95 ${withUnit(formatFixed(stats.p95Ms), "ms")}`,
    );
  }
  const recorded = recordedTextLines(results);
  if (recorded.length > 0) lines.push("", ...recorded);
  lines.push("");
  for (const check of results.verdict.checks) {
    const mark = !check.judged ? "–" : check.passed ? "✔" : "✘";
    const note = check.judged ? "" : `  (not judged: ${notJudgedReason(results)})`;
    lines.push(
      `  ${mark} ${check.label.padEnd(32)} ${withUnit(formatFixed(check.measured), check.unit).padStart(14)}   target ${check.comparison} ${formatNumber(check.target)} ${check.unit}${note}`,
    );
  }
  lines.push("", results.verdict.headline);
  return `${lines.join("\n")}\n`;
}
