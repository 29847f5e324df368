/**
 * Fault rules: which fault, and when — with a probability or on every Nth request. As flags
 * (`503:0.2`, `reset:5%`, `truncate:every=10`) or JSON objects (`{ "kind": "slow",
 * "bytesPerSecond": 64, "probability": 0.1 }`, `{ "status": 503, "every": 7 }`).
 */
import type { Fault } from "../core/strain.js";
import { bad, ok, type Parsed } from "./parsed.js";

export type FaultTrigger = { probability: number } | { every: number };
export type FaultRule = { fault: Fault } & FaultTrigger;

/** How fast a `slow` body trickles when no rate is given: a BOOT error body takes about 0.5 s. */
export const DEFAULT_SLOW_BYTES_PER_SECOND = 256;

const KINDS = "an HTTP status 400-599, reset, hang, slow or truncate";

function faultOf(kind: string, bytesPerSecond?: unknown): Parsed<Fault> {
  if (/^\d+$/.test(kind)) {
    const status = Number(kind);
    return status >= 400 && status <= 599
      ? ok({ kind: "status", status })
      : bad(`'${kind}': an injected status is 400-599`);
  }
  switch (kind) {
    case "reset":
    case "hang":
    case "truncate":
      return ok({ kind });
    case "slow": {
      const rate = bytesPerSecond ?? DEFAULT_SLOW_BYTES_PER_SECOND;
      return typeof rate === "number" && Number.isInteger(rate) && rate >= 1
        ? ok({ kind: "slow", bytesPerSecond: rate })
        : bad(`slow: bytesPerSecond must be an integer ≥ 1, not ${JSON.stringify(rate)}`);
    }
    default:
      return bad(`unknown fault '${kind}' (${KINDS})`);
  }
}

function every(n: number): Parsed<FaultTrigger> {
  return Number.isSafeInteger(n) && n >= 1 ? ok({ every: n }) : bad(`every must be an integer ≥ 1, not ${n}`);
}

function probability(p: number, spelling: string): Parsed<FaultTrigger> {
  return p > 0 && p <= 1
    ? ok({ probability: p })
    : bad(`'${spelling}' is not a probability (0 < p ≤ 1, e.g. 0.2 or 20%) or every=N`);
}

function triggerOf(text: string): Parsed<FaultTrigger> {
  const nth = /^every=(\d+)$/.exec(text);
  if (nth) return every(Number(nth[1]));
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  const p = percent ? Number(percent[1]) / 100 : /^\d*\.?\d+$/.test(text) ? Number(text) : NaN;
  return probability(p, text);
}

/** `KIND:TRIGGER`, e.g. `503:0.2`, `reset:5%`, `truncate:every=10`. */
export function parseFaultText(text: string): Parsed<FaultRule> {
  const colon = text.indexOf(":");
  if (colon < 0)
    return bad(`'${text}' needs a probability or every=N after the fault (e.g. 503:0.2, reset:every=10)`);
  const fault = faultOf(text.slice(0, colon).trim().toLowerCase());
  if (!fault.ok) return fault;
  const trigger = triggerOf(text.slice(colon + 1).trim());
  if (!trigger.ok) return trigger;
  return ok({ fault: fault.value, ...trigger.value });
}

export function parseFault(value: unknown): Parsed<FaultRule> {
  if (typeof value === "string") return parseFaultText(value);
  if (!value || typeof value !== "object" || Array.isArray(value))
    return bad(
      `${JSON.stringify(value)} is not a fault (e.g. "503:0.2" or {"status": 503, "probability": 0.2})`,
    );
  const spec = value as Record<string, unknown>;
  const unknown = Object.keys(spec).filter(
    (key) => !["kind", "status", "bytesPerSecond", "probability", "every"].includes(key),
  );
  if (unknown.length > 0)
    return bad(`unknown fault key${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`);
  const kind = spec.kind === undefined || spec.kind === "status" ? spec.status : spec.kind;
  if (kind === undefined) return bad("a fault needs a kind (reset, hang, slow, truncate) or a status");
  if (spec.kind !== undefined && spec.kind !== "status" && spec.status !== undefined)
    return bad(`a ${String(spec.kind)} fault has no status`);
  if (spec.bytesPerSecond !== undefined && kind !== "slow")
    return bad("only a slow fault has bytesPerSecond");
  const fault = faultOf(String(kind).toLowerCase(), spec.bytesPerSecond);
  if (!fault.ok) return fault;
  if ((spec.probability === undefined) === (spec.every === undefined))
    return bad("a fault needs either a probability or every (not both)");
  const trigger =
    spec.every !== undefined
      ? typeof spec.every === "number"
        ? every(spec.every)
        : bad<FaultTrigger>(`every must be an integer ≥ 1, not ${JSON.stringify(spec.every)}`)
      : typeof spec.probability === "number"
        ? probability(spec.probability, String(spec.probability))
        : bad<FaultTrigger>(`probability must be a number, not ${JSON.stringify(spec.probability)}`);
  if (!trigger.ok) return trigger;
  return ok({ fault: fault.value, ...trigger.value });
}

/** The JSON object a rule is shown as (and read back from). */
export function faultToJson(rule: FaultRule): Record<string, unknown> {
  const trigger = "every" in rule ? { every: rule.every } : { probability: rule.probability };
  return { ...rule.fault, ...trigger };
}

/** Probabilities of one scope share one draw, so together they cannot exceed 1. */
export function checkFaults(rules: readonly FaultRule[]): string | undefined {
  const total = rules.reduce((sum, rule) => sum + ("probability" in rule ? rule.probability : 0), 0);
  return total > 1 + 1e-9
    ? `the probabilities add up to ${Math.round(total * 1000) / 1000}, above 1`
    : undefined;
}
