import type { Clock } from "./clock.js";

/** `done`: every scripted user played its script to the end before the window would have closed. */
export type StopReason = "time" | "SIGINT" | "SIGTERM" | "done";

/**
 * The run window: open from construction until `runTimeMs` later or an earlier `stop()` (a
 * signal, or the end of every script); with `runTimeMs` null only `stop()` closes it. Think times
 * sleep through `sleep()`, which the end of the window cuts short, so no virtual user lingers
 * once the window is closed.
 */
export class RunWindow {
  readonly startMs: number;
  private endAtMs: number | null = null;
  private reason: StopReason | null = null;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly sleepers = new Set<() => void>();
  private resolveEnded!: (reason: StopReason) => void;
  readonly ended = new Promise<StopReason>((resolve) => {
    this.resolveEnded = resolve;
  });

  /** `stoppedBefore`: a stop that came before the run; the window opens closed, at its start. */
  constructor(
    private readonly clock: Clock,
    runTimeMs: number | null,
    stoppedBefore?: StopReason,
  ) {
    this.startMs = clock.now();
    if (stoppedBefore) {
      this.reason = stoppedBefore;
      this.endAtMs = this.startMs;
      this.resolveEnded(stoppedBefore);
    } else if (runTimeMs !== null) this.timer = setTimeout(() => this.stop("time"), runTimeMs);
  }

  get stopped(): boolean {
    return this.reason !== null;
  }

  get stoppedBy(): StopReason | null {
    return this.reason;
  }

  /** When the window closed, on the run clock; null while open. */
  get endMs(): number | null {
    return this.endAtMs;
  }

  /** Whether the window closed after `intendedMs` (an open-model arrival that belongs to it). */
  closedAfter(intendedMs: number | undefined): boolean {
    return intendedMs !== undefined && this.endAtMs !== null && intendedMs < this.endAtMs;
  }

  stop(reason: StopReason): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.endAtMs = this.clock.now();
    clearTimeout(this.timer);
    for (const wake of this.sleepers) wake();
    this.sleepers.clear();
    this.resolveEnded(reason);
  }

  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
