/**
 * The comparison results of a replay, aggregated per name: how many exchanges matched the
 * recording and the first mismatches, for the report.
 */
import type { ExchangeComparison } from "./compare-exchange.js";

export interface NameComparison {
  name: string;
  total: number;
  matched: number;
  /** matched / total, 0–1; null when nothing was compared. */
  matchRate: number | null;
  /** The first distinct mismatch lines seen for this name. */
  firstMismatches: string[];
}

export interface ComparisonSummary {
  total: number;
  matched: number;
  matchRate: number | null;
  /** Sorted by name. */
  byName: NameComparison[];
}

const rate = (matched: number, total: number) => (total === 0 ? null : matched / total);

export class CompareTally {
  private readonly names = new Map<string, { total: number; matched: number; mismatches: string[] }>();

  constructor(private readonly keepMismatches = 5) {}

  add(result: ExchangeComparison): void {
    let entry = this.names.get(result.name);
    if (!entry) this.names.set(result.name, (entry = { total: 0, matched: 0, mismatches: [] }));
    entry.total++;
    if (result.matched) entry.matched++;
    for (const line of result.mismatches)
      if (entry.mismatches.length < this.keepMismatches && !entry.mismatches.includes(line))
        entry.mismatches.push(line);
  }

  summary(): ComparisonSummary {
    const byName = [...this.names]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, e]) => ({
        name,
        total: e.total,
        matched: e.matched,
        matchRate: rate(e.matched, e.total),
        firstMismatches: [...e.mismatches],
      }));
    const total = byName.reduce((sum, n) => sum + n.total, 0);
    const matched = byName.reduce((sum, n) => sum + n.matched, 0);
    return { total, matched, matchRate: rate(matched, total), byName };
  }
}
