import { LatencyHistogram } from "./latency-histogram.js";

/** How many distinct failure reasons one name keeps before folding the rest into one line. */
export const MAX_REASONS = 50;
export const OTHER_REASONS = "other reasons (too many distinct ones)";
/** Failure bodies are kept as one short example per reason, never all of them. */
const EXAMPLE_CHARS = 300;

export interface FailureTally {
  count: number;
  status: number | null;
  example: string;
}

/**
 * Counters of one name, one service or the whole run. Like Locust, failed requests count into
 * the latency too: a timeout is five seconds a user waited.
 */
export class RequestStats {
  readonly latency = new LatencyHistogram();
  requests = 0;
  failures = 0;
  bytes = 0;
  readonly failuresByReason = new Map<string, FailureTally>();
  readonly failuresByStatus = new Map<number, number>();

  recordSuccess(latencyUs: number, bytes: number): void {
    this.requests += 1;
    this.bytes += bytes;
    this.latency.record(latencyUs);
  }

  recordFailure(latencyUs: number, bytes: number, reason: string, status: number | null, body: string): void {
    this.requests += 1;
    this.failures += 1;
    this.bytes += bytes;
    this.latency.record(latencyUs);
    if (status !== null) this.failuresByStatus.set(status, (this.failuresByStatus.get(status) ?? 0) + 1);
    const key =
      this.failuresByReason.has(reason) || this.failuresByReason.size < MAX_REASONS ? reason : OTHER_REASONS;
    const tally = this.failuresByReason.get(key);
    if (tally) tally.count += 1;
    else this.failuresByReason.set(key, { count: 1, status, example: body.slice(0, EXAMPLE_CHARS) });
  }

  add(other: RequestStats): void {
    this.requests += other.requests;
    this.failures += other.failures;
    this.bytes += other.bytes;
    this.latency.add(other.latency);
    for (const [status, count] of other.failuresByStatus) {
      this.failuresByStatus.set(status, (this.failuresByStatus.get(status) ?? 0) + count);
    }
    for (const [reason, tally] of other.failuresByReason) {
      const mine = this.failuresByReason.get(reason);
      if (mine) mine.count += tally.count;
      else this.failuresByReason.set(reason, { ...tally });
    }
  }
}
