import type { RouteName } from "../stats/stats-collector.js";
import type { ResponseHeaders } from "./http-client.js";

/** A complete HTTP answer, for a request whose scenario judges it itself (`judge`). */
export interface Answer {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The body as UTF-8 text ("" for none). */
  readonly body: string;
}

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
  /** Sent as it is instead of `json` (a recorded request's own bytes). */
  readonly body?: string | Buffer;
  /** Every header to send, instead of the client's defaults (a recorded request's own). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * For a request the scenario judges itself (a recorded one, whose recording says what answer
   * to expect): gets every answer that has a status and returns the failure reason, or null for a
   * success. It replaces the "status ≥ 400 fails" rule and `read`.
   */
  readonly judge?: (answer: Answer) => string | null;
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
  /**
   * Runs one task (and any start-up steps still missing); resolves to whether it sent anything.
   * For the scripted model, false means the user's script is done.
   */
  iterate(sender: Sender): Promise<boolean>;
  /** Who this user is in a recording of the run; `vu:<n>` (counted from 1) when not given. */
  readonly key?: string;
  /**
   * Scripted model only: when the next request is due, in ms after the run's start (a time
   * already past means now), or null once the script is done. Without it, every request is due
   * at once.
   */
  nextDueMs?(): number | null;
}

export interface Scenario {
  /** Every name the scenario can produce, so a name never hit still shows up (with "n/a"). */
  readonly routes: readonly RouteName[];
  createUser(index: number): VirtualUser;
}
