/**
 * The one policy: what strain a request gets, as a pure function of the settings, the request's
 * route, the service's random stream, its requests in flight and its every-Nth counters. The
 * controller holds the state; the pipeline applies the plan (core/http/deliver.ts).
 */
import type { Fault, RouteKey, StrainPlan } from "../core/strain.js";
import { sample } from "./distribution.js";
import type { FaultRule } from "./faults.js";
import type { Rng } from "./rng.js";
import { resolveStrain, type Capacity, type StrainSettings } from "./settings.js";

export interface PlanInputs {
  /** The service's own random stream. */
  rng: Rng;
  /** Requests of this service already being served when this one arrives. */
  inFlight: number;
  /** Counts one more request for a counter and returns the count (1 for the first). */
  nth(counter: string): number;
}

/**
 * Processor sharing: with `n` requests in flight and room for `concurrent` at full speed, each
 * takes `n / concurrent` times as long, plus `stepMs` per request beyond capacity — so a load
 * test sees a knee where the service saturates, not a flat line.
 */
export function loadedDelay(baseMs: number, capacity: Capacity, inFlight: number): number {
  const beyond = Math.max(0, inFlight - capacity.concurrent);
  return baseMs * (1 + beyond / capacity.concurrent) + beyond * capacity.stepMs;
}

/**
 * Every-Nth rules come first and all count every request of their scope (so "every=10" is
 * exact whatever else is set); the probability rules then share one uniform draw, so each fires
 * with exactly its own probability.
 */
function chooseFault(rules: readonly FaultRule[], scope: string, inputs: PlanInputs): Fault | undefined {
  let chosen: Fault | undefined;
  rules.forEach((rule, index) => {
    if ("every" in rule && inputs.nth(`${scope}#${index}`) % rule.every === 0) chosen ??= rule.fault;
  });
  if (!rules.some((rule) => "probability" in rule)) return chosen;
  const u = inputs.rng.next();
  if (chosen) return chosen;
  let cumulative = 0;
  for (const rule of rules) {
    if (!("probability" in rule)) continue;
    cumulative += rule.probability;
    if (u < cumulative) return rule.fault;
  }
  return undefined;
}

export function planFor(settings: StrainSettings, key: RouteKey, inputs: PlanInputs): StrainPlan | undefined {
  const resolved = resolveStrain(settings, key);
  if (!resolved.latency && resolved.faults.length === 0 && !resolved.capacity) return undefined;
  const base = resolved.latency ? sample(resolved.latency, inputs.rng) : 0;
  const delayMs = resolved.capacity ? loadedDelay(base, resolved.capacity, inputs.inFlight + 1) : base;
  const fault = chooseFault(resolved.faults, resolved.faultScope, inputs);
  return fault ? { delayMs, fault } : { delayMs };
}
