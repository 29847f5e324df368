/**
 * Durations as people type them on a command line: `250ms`, `20s`, `5m`, `1h`, or a bare number
 * of the default unit (seconds for run times, milliseconds for latencies).
 */
const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|m|h)?\s*$/;

/** Milliseconds for `text`, or `undefined` when it is not a duration. */
export function parseDuration(text: string, defaultUnit: "ms" | "s" = "s"): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = match[2] ?? defaultUnit;
  const factor = UNIT_MS[unit];
  return factor === undefined ? undefined : value * factor;
}

/** `1500` → `1.5s`, `250` → `250ms`: the shortest honest spelling, for messages and reports. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))}s`;
  return `${Number((ms / 60_000).toFixed(3))}m`;
}
