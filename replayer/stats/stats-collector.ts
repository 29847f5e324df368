import { SERVICES, type ServiceName } from "../services.js";
import { RequestStats } from "./request-stats.js";
import { TimeSeries } from "./time-series.js";

/** A request name such as `/api/bands/{id} [GET]`, with the one service it belongs to. */
export interface RouteName {
  readonly name: string;
  readonly method: string;
  readonly service: ServiceName;
}

export interface NameStats extends RouteName {
  readonly stats: RequestStats;
}

/**
 * Everything measured during a run. Each request goes into its name's histogram and the current
 * second's; per-service and overall figures are sums made once at the end, not per request.
 */
export class StatsCollector {
  private readonly byName = new Map<string, NameStats>();
  readonly series: TimeSeries;
  /** When the first request was sent (the start of the measured duration), ms on the run clock. */
  firstSentMs: number | null = null;
  missedStarts = 0;
  /** Running totals, for the live progress line. */
  totalRequests = 0;
  totalFailures = 0;

  constructor(originMs: number, activeUsers: () => number, routes: Iterable<RouteName> = []) {
    this.series = new TimeSeries(originMs, activeUsers);
    for (const route of routes) this.entry(route);
  }

  /** The stats of a name, created on first use; known names are listed even with no request. */
  entry(route: RouteName): NameStats {
    let entry = this.byName.get(route.name);
    if (!entry) {
      entry = { name: route.name, method: route.method, service: route.service, stats: new RequestStats() };
      this.byName.set(route.name, entry);
    }
    return entry;
  }

  noteSent(atMs: number): void {
    if (this.firstSentMs === null) this.firstSentMs = atMs;
  }

  recordSuccess(entry: NameStats, atMs: number, latencyUs: number, bytes: number): void {
    entry.stats.recordSuccess(latencyUs, bytes);
    this.totalRequests += 1;
    this.series.record(atMs, latencyUs, false);
  }

  recordFailure(
    entry: NameStats,
    atMs: number,
    latencyUs: number,
    bytes: number,
    reason: string,
    status: number | null,
    body: string,
  ): void {
    entry.stats.recordFailure(latencyUs, bytes, reason, status, body);
    this.totalRequests += 1;
    this.totalFailures += 1;
    this.series.record(atMs, latencyUs, true);
  }

  recordMissed(atMs: number): void {
    this.missedStarts += 1;
    this.series.recordMissed(atMs);
  }

  names(): NameStats[] {
    return [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  perService(): Record<ServiceName, RequestStats> {
    const totals = Object.fromEntries(SERVICES.map((service) => [service, new RequestStats()])) as Record<
      ServiceName,
      RequestStats
    >;
    for (const entry of this.byName.values()) totals[entry.service].add(entry.stats);
    return totals;
  }

  overall(): RequestStats {
    const total = new RequestStats();
    for (const entry of this.byName.values()) total.add(entry.stats);
    return total;
  }
}
