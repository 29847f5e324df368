/**
 * Durations as people type them on a command line: `250ms`, `20s`, `5m`, `1h`, `1m30s`, or a bare number
 * of the default unit (seconds for run times, milliseconds for latencies).
 */
const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|m|h)?\s*$/;

/** Milliseconds for `text`, or `undefined` when it is not a duration. */
export function parseDuration(text: string, defaultUnit: "ms" | "s" = "s"): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return parseCompound(text.trim());
  const value = Number(match[1]);
  const unit = match[2] ?? defaultUnit;
  const factor = UNIT_MS[unit];
  return factor === undefined ? undefined : value * factor;
}

/**
 * Locust's `-t 1h30m` and k6's `1m30s`: several parts, each with its unit, the units from the
 * largest down and each at most once.
 */
function parseCompound(text: string): number | undefined {
  const part = /(\d+(?:\.\d+)?)(us|ms|s|m|h)/y;
  let total = 0;
  let previous = Infinity;
  let parts = 0;
  while (part.lastIndex < text.length) {
    const match = part.exec(text);
    const factor = match ? UNIT_MS[match[2] as string] : undefined;
    if (!match || factor === undefined || factor >= previous) return undefined;
    total += Number(match[1]) * factor;
    previous = factor;
    parts += 1;
  }
  return parts >= 2 ? total : undefined;
}

/** `1500` → `1.5s`, `250` → `250ms`: the shortest honest spelling, for messages and reports. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))}s`;
  return `${Number((ms / 60_000).toFixed(3))}m`;
}
