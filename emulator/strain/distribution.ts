/**
 * Latency distributions and how to draw from them. Every draw takes the RNG it is given, so a
 * seed fixes the whole sequence.
 */
import { standardNormal, type Rng } from "./rng.js";
import { quantileOf, type QuantilePoint } from "./empirical.js";

export type Distribution =
  | { kind: "fixed"; ms: number }
  | { kind: "uniform"; minMs: number; maxMs: number }
  /** Clamped at 0: a normal with a large spread would otherwise ask for negative delays. */
  | { kind: "normal"; meanMs: number; sdMs: number }
  /** Given as median and p99, the two numbers people know about their service's latency. */
  | { kind: "lognormal"; medianMs: number; p99Ms: number }
  /** A quantile function: points (percentile → ms), linear in between, flat beyond the ends. */
  | { kind: "empirical"; points: readonly QuantilePoint[] };

/** The 99th percentile of the standard normal distribution. */
export const Z99 = 2.3263478740408408;

export function lognormalParameters(medianMs: number, p99Ms: number): { mu: number; sigma: number } {
  return { mu: Math.log(medianMs), sigma: Math.log(p99Ms / medianMs) / Z99 };
}

export function sample(distribution: Distribution, rng: Rng): number {
  switch (distribution.kind) {
    case "fixed":
      return distribution.ms;
    case "uniform":
      return distribution.minMs + rng.next() * (distribution.maxMs - distribution.minMs);
    case "normal":
      return Math.max(0, distribution.meanMs + distribution.sdMs * standardNormal(rng));
    case "lognormal": {
      const { mu, sigma } = lognormalParameters(distribution.medianMs, distribution.p99Ms);
      return Math.exp(mu + sigma * standardNormal(rng));
    }
    case "empirical":
      return quantileOf(distribution.points, rng.next() * 100);
  }
}
