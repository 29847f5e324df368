import { StatsCollector } from "../stats/stats-collector.js";
import type { Clock } from "./clock.js";
import { runClosedModel } from "./closed-model.js";
import type { HttpClient } from "./http-client.js";
import type { LoadModel, Member, ModelContext, ModelRun } from "./models.js";
import { runOpenModel } from "./open-model.js";
import { RunWindow, type StopReason } from "./run-window.js";
import type { Scenario } from "./scenario.js";
import { runScriptedModel } from "./scripted-model.js";
import { Session } from "./session.js";

export interface RunOptions {
  readonly model: LoadModel;
  /** The run window; null (scripted model only) for none: the run ends when every script is done. */
  readonly runTimeMs: number | null;
  /** Per-request timeout; also how long in-flight requests are waited for after the window. */
  readonly timeoutMs: number;
  readonly scenario: Scenario;
  /** With `forUser`, each virtual user sends through connections of its own. */
  readonly http: Pick<HttpClient, "send" | "close" | "destroy"> & Partial<Pick<HttpClient, "forUser">>;
  readonly clock: Clock;
  /** Think time before each next task, ms (0 for none). */
  readonly think: () => number;
  /** Called about once a second while the window is open. */
  readonly onTick?: (tick: RunTick) => void;
  /** A stop that came before the run (a Ctrl-C while the target started): the window opens closed. */
  readonly stoppedBefore?: StopReason;
}

export interface RunTick {
  elapsedMs: number;
  users: number;
  stats: StatsCollector;
}

export interface RunOutcome {
  stats: StatsCollector;
  stoppedBy: StopReason;
  /** Run clock ms when the window opened, when the first request went out, and when it closed. */
  startMs: number;
  firstSentMs: number | null;
  endMs: number;
  /** First request sent → end of the window: what requests/s are taken over. */
  durationMs: number;
}

export interface RunController {
  /** End the window now (a signal); in-flight requests are still waited for and counted. */
  stop(reason: StopReason): void;
  readonly done: Promise<RunOutcome>;
}

/** Extra grace, beyond the request timeout, before still-open requests are aborted. */
const DRAIN_GRACE_MS = 500;

export function startRun(options: RunOptions): RunController {
  const { clock } = options;
  const window = new RunWindow(clock, options.runTimeMs, options.stoppedBefore);
  const running: { model?: ModelRun } = {};
  const stats = new StatsCollector(
    window.startMs,
    () => running.model?.activeUsers() ?? 0,
    options.scenario.routes,
  );
  const context: ModelContext = {
    window,
    clock,
    runTimeMs: options.runTimeMs ?? Number.POSITIVE_INFINITY,
    think: options.think,
    recordMissed: (atMs) => stats.recordMissed(atMs),
    createMember: (index): Member => {
      const user = options.scenario.createUser(index);
      const key = user.key ?? `vu:${index + 1}`;
      return {
        user,
        session: new Session(options.http.forUser?.() ?? options.http, stats, clock, window, key),
      };
    },
  };
  const { model } = options;
  const started =
    model.kind === "closed"
      ? runClosedModel(model, context)
      : model.kind === "open"
        ? runOpenModel(model, context)
        : runScriptedModel(model, context);
  running.model = started;

  const ticker = setInterval(() => {
    const now = clock.now();
    stats.series.rollTo(now);
    options.onTick?.({ elapsedMs: now - window.startMs, users: started.activeUsers(), stats });
  }, 1000);

  const done = (async (): Promise<RunOutcome> => {
    try {
      const stoppedBy = await window.ended;
      await drain(started.settled, options);
      const endMs = window.endMs ?? clock.now();
      stats.series.finish(clock.now());
      const firstSentMs = stats.firstSentMs;
      return {
        stats,
        stoppedBy,
        startMs: window.startMs,
        firstSentMs,
        endMs,
        durationMs: firstSentMs === null ? 0 : Math.max(0, endMs - firstSentMs),
      };
    } finally {
      clearInterval(ticker);
      await options.http.close().catch(() => undefined);
    }
  })();
  return { stop: (reason) => window.stop(reason), done };
}

/** Wait for the users to come to rest; past the timeout, abort what is still in flight. */
async function drain(settled: Promise<void>, options: RunOptions): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), options.timeoutMs + DRAIN_GRACE_MS);
  });
  try {
    if ((await Promise.race([settled, late])) === "late") {
      await options.http.destroy();
      await settled;
    }
  } finally {
    clearTimeout(timer);
  }
}
