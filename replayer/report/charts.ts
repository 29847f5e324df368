import { formatNumber } from "./format.js";

export interface ChartLine {
  readonly label: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
  /** Drawn dashed, so a line that runs on top of another (failures/s = requests/s) leaves it visible. */
  readonly dashed?: boolean;
}

export interface DrawnLine {
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
  /** SVG path data; empty when the line has no value at all. */
  readonly d: string;
}

export interface Chart {
  readonly title: string;
  readonly unit: string;
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly lines: readonly DrawnLine[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
}

const WIDTH = 720;
const HEIGHT = 236;
/** Below the plot: the tick labels, then the axis title. */
const PLOT = { left: 56, top: 12, right: WIDTH - 12, bottom: HEIGHT - 44 };

/** The smallest 1, 2 or 5 × 10^k at or above `value` (1 for nothing to show). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value - 1e-12) return step * power;
  return 10 * power;
}

/** Whole-second steps a reader counts in at a glance. */
const SECOND_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/**
 * The smallest step that puts at most 7 ticks over `span` seconds, so the ticks are evenly spaced
 * whole seconds (0s 2s 4s 6s 8s), never rounded fractions of the span (0s 2s 3s 5s 6s 8s).
 */
export function secondsStep(span: number): number {
  const fits = SECOND_STEPS.find((step) => span / step <= 6);
  return fits ?? niceCeiling(span / 6);
}

function coordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function pathThrough(points: readonly [number, number][]): string {
  return points
    .map(([px, py], index) => `${index === 0 ? "M" : "L"}${coordinate(px)},${coordinate(py)}`)
    .join(" ");
}

/**
 * A point with no neighbour (a one-second run, a second between two gaps) as a dash of
 * LONE_POINT_WIDTH px centred on it, kept inside the plot: a zero-length stroke would be a dot too
 * small to see, and at the left edge half of it would be under the plot's border.
 */
const LONE_POINT_WIDTH = 8;
function lonePoint([px, py]: [number, number]): string {
  const start = Math.min(Math.max(px - LONE_POINT_WIDTH / 2, PLOT.left), PLOT.right - LONE_POINT_WIDTH);
  return `M${coordinate(start)},${coordinate(py)} h${LONE_POINT_WIDTH}`;
}

/**
 * A line chart of per-second values as inline SVG data, computed here so the template only places
 * numbers (no script, nothing fetched). A missing value (no samples that second) breaks the line;
 * a lone point gets a short dash so it stays visible.
 */
export function lineChart(
  title: string,
  unit: string,
  seconds: readonly number[],
  lines: readonly ChartLine[],
): Chart {
  const maxValue = Math.max(
    0,
    ...lines.flatMap((line) => line.values.filter((value): value is number => value !== null)),
  );
  const top = niceCeiling(maxValue);
  const first = seconds[0] ?? 0;
  const last = seconds[seconds.length - 1] ?? 0;
  const span = Math.max(1, last - first);
  const x = (second: number): number => PLOT.left + ((second - first) / span) * (PLOT.right - PLOT.left);
  const y = (value: number): number => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);

  const drawn = lines.map((line) => {
    const runs: [number, number][][] = [[]];
    line.values.forEach((value, index) => {
      const second = seconds[index];
      if (value === null || second === undefined) runs.push([]);
      else runs[runs.length - 1]?.push([x(second), y(value)]);
    });
    const d = runs
      .filter((points) => points.length > 0)
      .map((points) => (points.length === 1 ? lonePoint(points[0]!) : pathThrough(points)))
      .join(" ");
    return { label: line.label, color: line.color, dashed: line.dashed ?? false, d };
  });

  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => ({
    y: Math.round(y(top * fraction) * 10) / 10,
    label: formatNumber(top * fraction, 2),
  }));
  const step = secondsStep(span);
  const xTicks: { x: number; label: string }[] = [];
  for (let second = Math.ceil(first / step) * step; second <= first + span; second += step)
    xTicks.push({ x: Math.round(x(second) * 10) / 10, label: `${second}s` });
  return { title, unit, width: WIDTH, height: HEIGHT, plot: PLOT, lines: drawn, yTicks, xTicks };
}
