import type { ComparisonSummary, Speed } from "../recording/index.js";

/** What a recorded replay played, as the report states it. */
export interface RecordedTrafficInfo {
  readonly kind: "recording" | "har";
  readonly file: string;
  /** Who wrote the recording (`emu`, `proxy`, `replay`), or `har`. */
  readonly source: string;
  /** When the recording (or the HAR's first entry) started; null if unknown. */
  readonly recordedAt: string | null;
  /** Sessions replayed, and their exchanges in one pass (token fetches not counted). */
  readonly sessions: number;
  readonly exchanges: number;
  readonly speed: Speed;
  readonly repeat: "once" | "loop";
  readonly copies: number;
  /** One pass of the recording at this speed, ms (0 at `max`, where only the answers pace it). */
  readonly passMs: number;
  /** Days the request bodies' dates were moved: from the recording's day to the replay's. */
  readonly shiftedDays: number;
  readonly skipped: {
    /** Token fetches: never replayed, the target's own token is used. */
    readonly tokenFetches: number;
    /** HAR entries sent to hosts that are not one of the services. */
    readonly otherHosts: readonly { readonly host: string; readonly count: number }[];
    /** HAR entries that could not be read, each with why (`entry 12: no request.url`). */
    readonly broken: readonly string[];
  };
}

export type TrafficInfo = { readonly kind: "festival" } | RecordedTrafficInfo;

/** `--compare`: how many answers matched the recorded ones, per name, and the first that did not. */
export type CompareResults = ComparisonSummary;

/** What a run adds to its results beyond the statistics. */
export interface RunExtras {
  readonly traffic?: TrafficInfo;
  readonly compare?: CompareResults | null;
  /** `--record FILE`: where the run's own recording went, and how many exchanges it holds. */
  readonly recordedTo?: { readonly file: string; readonly exchanges: number } | null;
}
