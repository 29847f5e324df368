/**
 * The short periodic traffic summary `emu start` prints when not `--quiet`.
 */
import { counted } from "../../common/counted.js";
import type { Telemetry } from "../core/telemetry.js";

export interface SummaryCounts {
  count: number;
  errors: number;
}

/** One summary line: totals so far, the rate and the new errors since the last line, per service. */
export function summaryLine(
  totals: Iterable<[string, SummaryCounts]>,
  last: SummaryCounts,
  intervalMs: number,
  time: Date,
): { line: string; now: SummaryCounts } {
  let count = 0;
  let errors = 0;
  const parts: string[] = [];
  for (const [service, t] of totals) {
    count += t.count;
    errors += t.errors;
    parts.push(`${service} ${t.count}`);
  }
  const rate = ((count - last.count) / intervalMs) * 1000;
  const clock = time.toISOString().slice(11, 19);
  const line =
    `[${clock}] ${counted(count, "request")} (${rate.toFixed(1)}/s), ` +
    `${counted(errors, "error")} (+${errors - last.errors}) — ${parts.join(", ")}`;
  return { line, now: { count, errors } };
}

export function summaryPrinter(
  telemetry: Telemetry,
  intervalMs: number,
  write: (line: string) => void,
): () => void {
  let last: SummaryCounts = { count: 0, errors: 0 };
  const timer = setInterval(() => {
    const { line, now } = summaryLine(telemetry.serviceTotals(), last, intervalMs, new Date());
    if (now.count === last.count) return;
    write(line);
    last = now;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
