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

/** One exchange whose answer did not match the recording. */
export interface ExchangeMismatch {
  name: string;
  /** Which exchange: the caller's words, e.g. `jti:5a68#1 exchange 4: GET /api/bands/7`. */
  exchange: string;
  mismatches: string[];
}

export interface ComparisonSummary {
  total: number;
  matched: number;
  matchRate: number | null;
  /** Sorted by name. */
  byName: NameComparison[];
  /** The first exchanges that did not match, in the order they were compared. */
  firstMismatches: ExchangeMismatch[];
}

const rate = (matched: number, total: number) => (total === 0 ? null : matched / total);

export class CompareTally {
  private readonly names = new Map<string, { total: number; matched: number; mismatches: string[] }>();
  private readonly exchanges: ExchangeMismatch[] = [];

  /** Keeps `keepMismatches` distinct lines per name and the first `keepExchanges` mismatching exchanges. */
  constructor(
    private readonly keepMismatches = 5,
    private readonly keepExchanges = 20,
  ) {}

  /** `exchange` says which exchange it was, for the list of first mismatches. */
  add(result: ExchangeComparison, exchange?: string): void {
    if (!result.matched && exchange !== undefined && this.exchanges.length < this.keepExchanges)
      this.exchanges.push({ name: result.name, exchange, mismatches: [...result.mismatches] });
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
    return {
      total,
      matched,
      matchRate: rate(matched, total),
      byName,
      firstMismatches: this.exchanges.map((e) => ({ ...e, mismatches: [...e.mismatches] })),
    };
  }
}
