import { LatencyHistogram } from "./latency-histogram.js";

export interface SeriesPoint {
  /** Whole seconds since the run started; the point covers [second, second + 1). */
  second: number;
  requests: number;
  failures: number;
  /** Open-model arrivals that found no free virtual user in that second. */
  missed: number;
  medianMs: number | null;
  p95Ms: number | null;
  users: number;
}

/**
 * Per-second counters. Only the current second has a histogram; when a second is over its
 * median and p95 are kept as two numbers and the histogram is reset, so ten minutes of series
 * cost ten minutes of small objects, not ten minutes of histograms. Seconds without any request
 * (a dead target) still get a point.
 */
export class TimeSeries {
  readonly points: SeriesPoint[] = [];
  private current = 0;
  private requests = 0;
  private failures = 0;
  private missed = 0;
  /** The most users seen active at a request of the current second; -1 before its first. */
  private peakUsers = -1;
  private readonly latency = new LatencyHistogram();

  constructor(
    private readonly originMs: number,
    private readonly activeUsers: () => number,
  ) {}

  record(atMs: number, latencyUs: number, failed: boolean): void {
    this.rollTo(atMs);
    this.sampleUsers();
    this.requests += 1;
    if (failed) this.failures += 1;
    this.latency.record(latencyUs);
  }

  recordMissed(atMs: number): void {
    this.rollTo(atMs);
    this.sampleUsers();
    this.missed += 1;
  }

  /** Close every second that ended before `atMs`. */
  rollTo(atMs: number): void {
    const second = Math.max(0, Math.floor((atMs - this.originMs) / 1000));
    while (this.current < second) this.closeCurrent();
  }

  /** Close the seconds up to `atMs` and the partial one it falls in, if it saw anything. */
  finish(atMs: number): void {
    this.rollTo(atMs);
    if (this.requests > 0 || this.missed > 0) this.closeCurrent();
  }

  /** The last closed point, for a live progress line. */
  get latest(): SeriesPoint | undefined {
    return this.points[this.points.length - 1];
  }

  /**
   * Users are read while their second runs, not when it is closed: a second is closed late (by the
   * next second's first request, or after the run when every user has stopped).
   */
  private sampleUsers(): void {
    const users = this.activeUsers();
    if (users > this.peakUsers) this.peakUsers = users;
  }

  private closeCurrent(): void {
    const median = this.latency.percentile(50);
    const p95 = this.latency.percentile(95);
    this.points.push({
      second: this.current,
      requests: this.requests,
      failures: this.failures,
      missed: this.missed,
      medianMs: median === null ? null : median / 1000,
      p95Ms: p95 === null ? null : p95 / 1000,
      users: this.peakUsers >= 0 ? this.peakUsers : this.activeUsers(),
    });
    this.current += 1;
    this.requests = 0;
    this.failures = 0;
    this.missed = 0;
    this.peakUsers = -1;
    this.latency.reset();
  }
}
