import type { ExchangeMismatch } from "../recording/index.js";
import { percentOf, playedAs, skippedText } from "./recorded-text.js";
import type { Results } from "./results.js";
import type { RecordedTrafficInfo } from "./traffic-results.js";

/** What the report's recorded-traffic section shows, worded here so the template only places it. */
export interface RecordedView {
  readonly info: RecordedTrafficInfo;
  readonly label: "recording" | "HAR file";
  readonly playedAs: string;
  readonly skipped: string;
}

export interface CompareRow {
  readonly name: string;
  readonly total: number;
  readonly matched: number;
  readonly rate: string;
  readonly mismatches: readonly string[];
}

export interface CompareView {
  readonly rate: string;
  readonly total: number;
  readonly matched: number;
  /** Every compared name, the least faithful first. */
  readonly rows: readonly CompareRow[];
  readonly first: readonly ExchangeMismatch[];
}

export function recordedView(results: Results): RecordedView | null {
  const { traffic } = results;
  if (traffic.kind === "festival") return null;
  return {
    info: traffic,
    label: traffic.kind === "har" ? "HAR file" : "recording",
    playedAs: playedAs(traffic),
    skipped: skippedText(traffic),
  };
}

export function compareView(results: Results): CompareView | null {
  const { compare } = results;
  if (!compare) return null;
  const rows = compare.byName
    .map((entry) => ({
      name: entry.name,
      total: entry.total,
      matched: entry.matched,
      rate: percentOf(entry.matchRate),
      mismatches: entry.firstMismatches,
      order: entry.matchRate ?? 1,
    }))
    .sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ order: _order, ...row }) => row);
  return {
    rate: percentOf(compare.matchRate),
    total: compare.total,
    matched: compare.matched,
    rows,
    first: compare.firstMismatches,
  };
}
