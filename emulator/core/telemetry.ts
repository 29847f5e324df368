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

export class Telemetry {
  private readonly ring: RequestRecord[] = [];
  private next = 0;
  private readonly aggregates = new Map<string, RouteAggregate>();
  private readonly summaries = new Map<string, RouteSummary>();
  private readonly listeners = new Set<RecordListener>();
  private readonly perService = new Map<string, { count: number; errors: number }>();
  readonly startedAt = Date.now();

  constructor(private readonly capacity = 1000) {}

  record(entry: RequestRecord): void {
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.aggregate(entry);
    this.summarise(entry);
    const service = this.perService.get(entry.service) ?? { count: 0, errors: 0 };
    service.count++;
    if (entry.status >= 400 || entry.status === 0) service.errors++;
    this.perService.set(entry.service, service);
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
      stats.push({
        service: summary.service,
        method: summary.method,
        route: summary.route,
        count: h.totalCount,
        errors: summary.errors,
        meanMs: ms(h.mean),
        p50Ms: ms(h.getValueAtPercentile(50)),
        p95Ms: ms(h.getValueAtPercentile(95)),
        p99Ms: ms(h.getValueAtPercentile(99)),
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
    this.perService.clear();
  }

  private aggregate(entry: RequestRecord): void {
    const key = `${entry.service} ${entry.method} ${entry.route} ${entry.status}`;
    let aggregate = this.aggregates.get(key);
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
      this.aggregates.set(key, aggregate);
    }
    const seconds = entry.durationMs / 1000;
    aggregate.count++;
    aggregate.sumSeconds += seconds;
    if (seconds > aggregate.maxSeconds) aggregate.maxSeconds = seconds;
    for (let i = 0; i < BUCKETS_SECONDS.length; i++) {
      if (seconds <= (BUCKETS_SECONDS[i] as number)) (aggregate.buckets[i] as number)++;
    }
  }

  private summarise(entry: RequestRecord): void {
    const key = `${entry.service} ${entry.method} ${entry.route}`;
    let summary = this.summaries.get(key);
    if (!summary) {
      const histogram = hdr.build({
        useWebAssembly: false,
        lowestDiscernibleValue: 1,
        highestTrackableValue: 3_600_000_000,
        numberOfSignificantValueDigits: 3,
      });
      summary = { service: entry.service, method: entry.method, route: entry.route, errors: 0, histogram };
      this.summaries.set(key, summary);
    }
    summary.histogram.recordValue(Math.max(1, Math.round(entry.durationMs * 1000)));
    if (entry.status >= 400 || entry.status === 0) summary.errors++;
  }
}
