/**
 * The arithmetic of the bench, kept pure so it is unit tested: medians, ratios, and how a row's
 * figure is judged against its target. A `null` verdict means "stated, not judged".
 */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear interpolation between the closest ranks; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (rank - low);
}

/** Figure over reference; NaN when the reference is not a positive number. */
export function ratio(figure: number, reference: number): number {
  return reference > 0 && Number.isFinite(figure) ? figure / reference : Number.NaN;
}

/** A target, as the table states it and as the bench checks it. */
export interface Target {
  readonly text: string;
  /** Whether a value (a ratio, a difference, a figure) meets it; NaN never does. */
  meets(value: number): boolean;
}

export const atLeast = (min: number, text = `≥ ${min}`): Target => ({
  text,
  meets: (value) => value >= min,
});

export const below = (max: number, text: string): Target => ({
  text,
  meets: (value) => value < max,
});

/** |value| ≤ tolerance: a difference from the reference (ms), or a ratio's distance from 1. */
export const within = (tolerance: number, text: string): Target => ({
  text,
  meets: (value) => Math.abs(value) <= tolerance,
});

export function verdict(target: Target | null, value: number): boolean | null {
  if (target === null) return null;
  return Number.isFinite(value) && target.meets(value);
}

/**
 * The ratio of each round's subject to the reference measured right beside it, so that a slow
 * spell of the machine divides out instead of landing on one side only.
 */
export function pairedRatios(subject: readonly number[], reference: readonly number[]): number[] {
  return subject.map((value, i) => ratio(value, reference[i] ?? Number.NaN));
}
