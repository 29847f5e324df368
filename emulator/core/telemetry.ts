/**
 * What the emulator saw: the last N requests and per-route aggregates. Feeds the actuator's
 * Prometheus endpoint, the CLI's periodic summary and the control plane. One HDR histogram per
 * route (not per request), so memory stays flat however long it runs.
 */
import * as hdr from "hdr-histogram-js";

export interface RequestRecord {
  /** Epoch milliseconds at arrival. */
  time: number;
  service: string;
  method: string;
  path: string;
  /** The matched route pattern (`/api/bands/{id}`), or Micrometer's `NOT_FOUND` / `UNKNOWN`. */
  route: string;
  status: number;
  durationMs: number;
  delayMs: number;
  fault: string | undefined;
  bytes: number;
}

/** Micrometer's default SLO-free buckets would be dozens; these cover 1 ms to 10 s. */
export const BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface RouteAggregate {
  service: string;
  method: string;
  route: string;
  status: number;
  count: number;
  sumSeconds: number;
  maxSeconds: number;
  buckets: number[];
}

export interface RouteStats {
  service: string;
  method: string;
  route: string;
  count: number;
  errors: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface RouteSummary {
  service: string;
  method: string;
  route: string;
  errors: number;
  histogram: hdr.Histogram;
}

export type RecordListener = (record: RequestRecord) => void;

/** A route's figures, found by service, method and route name without building a key string. */
interface RouteFigures {
  summary: RouteSummary;
  byStatus: Map<number, RouteAggregate>;
}

export class Telemetry {
  private readonly ring: RequestRecord[] = [];
  private next = 0;
  private readonly aggregates = new Map<string, RouteAggregate>();
  private readonly summaries = new Map<string, RouteSummary>();
  /**
   * service → method → route: a request finds its figures through three lookups of strings whose
   * hashes V8 already knows (they are constants), instead of hashing two freshly joined keys.
   */
  private readonly figures = new Map<string, Map<string, Map<string, RouteFigures>>>();
  private readonly listeners = new Set<RecordListener>();
  private readonly perService = new Map<string, { count: number; errors: number }>();
  readonly startedAt = Date.now();

  constructor(private readonly capacity = 1000) {}

  record(entry: RequestRecord): void {
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    const figures = this.figuresOf(entry);
    this.aggregate(figures, entry);
    this.summarise(figures.summary, entry);
    let service = this.perService.get(entry.service);
    if (!service) this.perService.set(entry.service, (service = { count: 0, errors: 0 }));
    service.count++;
    if (entry.status >= 400 || entry.status === 0) service.errors++;
    for (const listener of this.listeners) listener(entry);
  }

  onRecord(listener: RecordListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last `n` requests, newest first. */
  recent(n = this.capacity): RequestRecord[] {
    const ordered =
      this.ring.length < this.capacity
        ? [...this.ring]
        : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return ordered.reverse().slice(0, n);
  }

  aggregatesFor(service: string): RouteAggregate[] {
    return [...this.aggregates.values()].filter((a) => a.service === service);
  }

  serviceTotals(): Map<string, { count: number; errors: number }> {
    return new Map([...this.perService].map(([k, v]) => [k, { ...v }]));
  }

  routeStats(service?: string): RouteStats[] {
    const stats: RouteStats[] = [];
    for (const summary of this.summaries.values()) {
      if (service && summary.service !== service) continue;
      const h = summary.histogram;
      const ms = (us: number) => Math.round(us) / 1000;
      // HDR answers a percentile with the top of its bucket, which can lie above the largest
      // value recorded; no percentile of the durations seen exceeds their maximum.
      const percentile = (p: number) => ms(Math.min(h.getValueAtPercentile(p), h.maxValue));
      stats.push({
        service: summary.service,
        method: summary.method,
        route: summary.route,
        count: h.totalCount,
        errors: summary.errors,
        meanMs: ms(h.mean),
        p50Ms: percentile(50),
        p95Ms: percentile(95),
        p99Ms: percentile(99),
        maxMs: ms(h.maxValue),
      });
    }
    return stats.sort((a, b) => a.service.localeCompare(b.service) || a.route.localeCompare(b.route));
  }

  reset(): void {
    this.ring.length = 0;
    this.next = 0;
    this.aggregates.clear();
    this.summaries.clear();
    this.figures.clear();
    this.perService.clear();
  }

  private figuresOf(entry: RequestRecord): RouteFigures {
    let methods = this.figures.get(entry.service);
    if (!methods) this.figures.set(entry.service, (methods = new Map()));
    let routes = methods.get(entry.method);
    if (!routes) methods.set(entry.method, (routes = new Map()));
    let figures = routes.get(entry.route);
    if (!figures) {
      figures = { summary: this.newSummary(entry), byStatus: new Map() };
      routes.set(entry.route, figures);
    }
    return figures;
  }

  private aggregate(figures: RouteFigures, entry: RequestRecord): void {
    let aggregate = figures.byStatus.get(entry.status);
    if (!aggregate) {
      aggregate = {
        service: entry.service,
        method: entry.method,
        route: entry.route,
        status: entry.status,
        count: 0,
        sumSeconds: 0,
        maxSeconds: 0,
        buckets: BUCKETS_SECONDS.map(() => 0),
      };
      figures.byStatus.set(entry.status, aggregate);
      this.aggregates.set(`${entry.service} ${entry.method} ${entry.route} ${entry.status}`, aggregate);
    }
    const seconds = entry.durationMs / 1000;
    aggregate.count++;
    aggregate.sumSeconds += seconds;
    if (seconds > aggregate.maxSeconds) aggregate.maxSeconds = seconds;
    for (let i = 0; i < BUCKETS_SECONDS.length; i++) {
      if (seconds <= (BUCKETS_SECONDS[i] as number)) (aggregate.buckets[i] as number)++;
    }
  }

  private newSummary(entry: RequestRecord): RouteSummary {
    const histogram = hdr.build({
      useWebAssembly: false,
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000_000,
      numberOfSignificantValueDigits: 3,
    });
    const summary = {
      service: entry.service,
      method: entry.method,
      route: entry.route,
      errors: 0,
      histogram,
    };
    this.summaries.set(`${entry.service} ${entry.method} ${entry.route}`, summary);
    return summary;
  }

  private summarise(summary: RouteSummary, entry: RequestRecord): void {
    summary.histogram.recordValue(Math.max(1, Math.round(entry.durationMs * 1000)));
    if (entry.status >= 400 || entry.status === 0) summary.errors++;
  }
}
