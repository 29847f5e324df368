import { SERVICES, type ServiceName } from "../services.js";

/** The targets of festival-scenario.md; a `--thresholds` file may override any of them. */
export interface Thresholds {
  readonly maxFailureRatePercent: number;
  readonly maxAvgResponseMs: number;
  readonly maxP95ResponseMs: number;
  readonly minRps: Readonly<Record<ServiceName, number>>;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  maxFailureRatePercent: 1,
  maxAvgResponseMs: 500,
  maxP95ResponseMs: 1000,
  minRps: { bands: 100, tours: 50, catalog: 30, users: 40 },
};

const TOP_KEYS = ["maxFailureRatePercent", "maxAvgResponseMs", "maxP95ResponseMs"] as const;

function isNonNegative(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * Reads a thresholds file's JSON text over the defaults. Every problem is reported, prefixed
 * with `where` (the flag), rather than the first one only.
 */
export function parseThresholds(text: string, where: string): { thresholds: Thresholds; problems: string[] } {
  const problems: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { thresholds: DEFAULT_THRESHOLDS, problems: [`${where}: not JSON (${(error as Error).message})`] };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { thresholds: DEFAULT_THRESHOLDS, problems: [`${where}: must be a JSON object`] };
  }
  const input = parsed as Record<string, unknown>;
  const result = { ...DEFAULT_THRESHOLDS, minRps: { ...DEFAULT_THRESHOLDS.minRps } };
  for (const key of Object.keys(input)) {
    if (key !== "minRps" && !(TOP_KEYS as readonly string[]).includes(key))
      problems.push(`${where}: unknown key '${key}'`);
  }
  for (const key of TOP_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    if (isNonNegative(value)) result[key] = value;
    else problems.push(`${where}: ${key} must be a number ≥ 0`);
  }
  const minRps = input.minRps;
  if (minRps !== undefined) {
    if (!minRps || typeof minRps !== "object" || Array.isArray(minRps))
      problems.push(`${where}: minRps must be an object`);
    else {
      for (const [service, value] of Object.entries(minRps as Record<string, unknown>)) {
        if (!(SERVICES as readonly string[]).includes(service)) {
          problems.push(`${where}: minRps has unknown service '${service}' (one of ${SERVICES.join(", ")})`);
        } else if (!isNonNegative(value)) problems.push(`${where}: minRps.${service} must be a number ≥ 0`);
        else result.minRps[service as ServiceName] = value;
      }
    }
  }
  return { thresholds: result, problems };
}
