/**
 * The short periodic traffic summary `emu start` prints when not `--quiet`.
 */
import type { Telemetry } from "../core/telemetry.js";

export function summaryPrinter(
  telemetry: Telemetry,
  intervalMs: number,
  write: (line: string) => void,
): () => void {
  let lastCount = 0;
  let lastErrors = 0;
  const timer = setInterval(() => {
    const totals = telemetry.serviceTotals();
    let count = 0;
    let errors = 0;
    const parts: string[] = [];
    for (const [service, t] of totals) {
      count += t.count;
      errors += t.errors;
      parts.push(`${service} ${t.count}`);
    }
    if (count === lastCount) return;
    const rate = ((count - lastCount) / intervalMs) * 1000;
    const time = new Date().toISOString().slice(11, 19);
    write(
      `[${time}] ${count} requests (${rate.toFixed(1)}/s), ${errors} errors (+${errors - lastErrors}) — ${parts.join(", ")}`,
    );
    lastCount = count;
    lastErrors = errors;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
