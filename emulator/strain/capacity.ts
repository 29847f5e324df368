/**
 * Capacity as written: `20` (concurrent requests at full speed), `20:5ms` (and 5 ms more per
 * request beyond), or `{ "concurrent": 20, "stepMs": 5 }`.
 */
import { parseDuration } from "../../common/duration.js";
import { bad, ok, type Parsed } from "./parsed.js";
import type { Capacity } from "./settings.js";

const EXAMPLE = 'e.g. 20, 20:5ms or {"concurrent": 20, "stepMs": 5}';

function build(concurrent: unknown, step: unknown): Parsed<Capacity> {
  const n =
    typeof concurrent === "string" && /^\d+$/.test(concurrent.trim()) ? Number(concurrent) : concurrent;
  const stepMs =
    step === undefined
      ? 0
      : typeof step === "number"
        ? step
        : typeof step === "string"
          ? parseDuration(step, "ms")
          : undefined;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1)
    return bad(`the capacity must be an integer ≥ 1 (${EXAMPLE})`);
  if (stepMs === undefined || !(stepMs >= 0))
    return bad(`'${String(step)}' is not a duration for the step (${EXAMPLE})`);
  return ok({ concurrent: n, stepMs });
}

export function parseCapacity(value: unknown): Parsed<Capacity> {
  if (typeof value === "number") return build(value, undefined);
  if (typeof value === "string") {
    const colon = value.indexOf(":");
    return colon < 0 ? build(value, undefined) : build(value.slice(0, colon), value.slice(colon + 1).trim());
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const spec = value as Record<string, unknown>;
    const unknown = Object.keys(spec).filter((key) => key !== "concurrent" && key !== "stepMs");
    if (unknown.length > 0) return bad(`unknown capacity key ${unknown.join(", ")} (${EXAMPLE})`);
    return build(spec.concurrent, spec.stepMs);
  }
  return bad(`${JSON.stringify(value)} is not a capacity (${EXAMPLE})`);
}
