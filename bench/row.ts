/** One row of the table: how it is measured, and what it found. */
import type { Lab } from "./lab.js";
import type { TableLine } from "./table.js";

export interface RowResult {
  readonly id: number;
  readonly title: string;
  readonly lines: TableLine[];
  /** Every raw measurement, for bench-results.json. */
  readonly samples: unknown;
  readonly summary: Record<string, unknown>;
  readonly seconds?: number;
  readonly error?: string;
}

export interface RowContext {
  readonly lab: Lab;
  /** A progress line on stderr. */
  readonly log: (line: string) => void;
}

export interface Row {
  readonly id: number;
  readonly title: string;
  /** About how long it takes, s (the bench states its plan before it starts). */
  readonly plannedSeconds: number;
  run(context: RowContext): Promise<Omit<RowResult, "id" | "title">>;
}

/**
 * Rows 1–3 measure in this many rounds of each side, after a warm-up of each; their ratio is the
 * median of the rounds' ratios.
 */
export const ROUNDS = 7;
export const ROUND_SECONDS = 1;
export const WARMUP_SECONDS = 0.8;
export const CONNECTIONS = 50;
