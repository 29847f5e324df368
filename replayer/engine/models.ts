import type { Clock } from "./clock.js";
import type { RunWindow } from "./run-window.js";
import type { VirtualUser } from "./scenario.js";
import type { Session } from "./session.js";

/** The two ways a run generates load. */
export interface ClosedModel {
  readonly kind: "closed";
  /** Virtual users, as Locust's `--users`. */
  readonly users: number;
  /** Users started per second until all run. */
  readonly spawnRate: number;
}

export interface OpenModel {
  readonly kind: "open";
  /** Iterations started per second, whatever the target's latency. */
  readonly rate: number;
  /** Cap on virtual users; an arrival finding all of them busy is counted as missed. */
  readonly maxUsers: number;
}

/**
 * Recorded traffic: every user is there from the start and plays its script (a recorded session)
 * to the end, each request at the time the user says it is due and never before the previous
 * answer; the run ends when the last script is done, unless the window closes first.
 */
export interface ScriptedModel {
  readonly kind: "scripted";
  readonly users: number;
}

export type LoadModel = ClosedModel | OpenModel | ScriptedModel;

/** What both models get from the runner. */
export interface Member {
  readonly user: VirtualUser;
  readonly session: Session;
}

export interface ModelContext {
  readonly window: RunWindow;
  readonly clock: Clock;
  /** The window's length (infinite for a scripted run without one). */
  readonly runTimeMs: number;
  createMember(index: number): Member;
  /** Think time before a user's next task, ms. */
  think(): number;
  recordMissed(atMs: number): void;
}

/** A running model: how many users are active now, and when every user has come to rest. */
export interface ModelRun {
  activeUsers(): number;
  /** Resolves once the window has ended and no user is inside an iteration any more. */
  readonly settled: Promise<void>;
}
