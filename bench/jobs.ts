/** What the bench asks of its child processes, and what they answer. */

/** A response as the emulator sent it: the bare server answers these bytes verbatim. */
export interface CapturedResponse {
  readonly status: number;
  /** In order, without the three Node adds by itself (Date, Connection, Keep-Alive). */
  readonly headers: readonly (readonly [string, string])[];
  readonly bodyBase64: string;
}

export interface Listening {
  readonly url: string;
}

/** Bare server: answer every request of a method with its captured response. */
export interface BareJob {
  readonly responses: Readonly<Record<string, CapturedResponse>>;
}

export type DelayJob = { readonly kind: "listen"; readonly delayMs: number } | { readonly kind: "held" };

/** Latencies summed up: how long the delay server held each request, or a client waited, ms. */
export interface Timed {
  readonly count: number;
  readonly medianMs: number;
  readonly p99Ms: number;
}

/** A plain node:http client: `users` loops of one request after another. */
export interface PlainJob {
  readonly url: string;
  readonly path: string;
  readonly users: number;
  readonly durationMs: number;
}

export interface LoadJob {
  readonly url: string;
  readonly method: "GET" | "POST";
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly durationS: number;
  /** POST a new manager each time, with a username and email never sent before. */
  readonly uniqueManagers?: boolean;
}

export interface LoadResult {
  readonly requests: number;
  readonly durationS: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** One fixed request, closed or open model, against a URL: the engine itself. */
export interface SingleJob {
  readonly kind: "single";
  readonly url: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly model:
    | { readonly kind: "closed"; readonly users: number }
    | { readonly kind: "open"; readonly rate: number; readonly maxUsers: number };
  readonly runTimeMs: number;
}

/** The Festival Season Rush against the embedded emulator, with CPU and memory taken. */
export interface FestivalJob {
  readonly kind: "festival";
  /** `--fixtures` of the embedded emulator; null for its default. */
  readonly fixtures: string | null;
  readonly users: number;
  readonly runTimeMs: number;
}

export type ReplayerJob = SingleJob | FestivalJob;

/** The replayer's own figures, as its report would state them. */
export interface ReplayFigures {
  readonly requests: number;
  readonly failures: number;
  readonly durationMs: number;
  readonly rps: number;
  readonly medianMs: number | null;
  readonly p99Ms: number | null;
  readonly missedStarts: number;
}

export interface MemorySample {
  /** Since the run window opened, ms. */
  readonly atMs: number;
  readonly replayerMb: number;
  readonly emulatorMb: number;
}

export interface FestivalFigures extends ReplayFigures {
  readonly replayerCpuMs: number;
  readonly emulatorCpuMs: number;
  readonly memory: readonly MemorySample[];
  readonly failureReasons: readonly { reason: string; count: number }[];
}
