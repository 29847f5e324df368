import type { RouteName } from "../stats/stats-collector.js";

/** One request a virtual user wants sent. */
export interface RequestSpec<T> {
  readonly route: RouteName;
  /** The concrete path with its query, e.g. `/api/bands/7`. */
  readonly path: string;
  /** Sent as JSON when present. */
  readonly json?: unknown;
  /**
   * Reads the parsed JSON answer into what the user keeps (an id); `undefined` means the answer
   * is not what the contract promises, which makes the request a failure. Without `read` the
   * body is counted but not parsed.
   */
  readonly read?: (body: unknown) => T | undefined;
}

export type Reply<T> =
  | { readonly ok: true; readonly status: number; readonly value: T }
  | { readonly ok: false; readonly status: number | null; readonly reason: string };

/** What a virtual user sends through: the engine's measuring session, or a test's script. */
export interface Sender {
  send<T = undefined>(spec: RequestSpec<T>): Promise<Reply<T>>;
}

/** Thrown by a sender asked to send after the run window ended; it unwinds the current task. */
export class RunStopped extends Error {
  constructor() {
    super("the run window has ended");
    this.name = "RunStopped";
  }
}

export interface VirtualUser {
  /** Runs one task (and any start-up steps still missing); resolves to whether it sent anything. */
  iterate(sender: Sender): Promise<boolean>;
}

export interface Scenario {
  /** Every name the scenario can produce, so a name never hit still shows up (with "n/a"). */
  readonly routes: readonly RouteName[];
  createUser(index: number): VirtualUser;
}
