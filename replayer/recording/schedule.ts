/**
 * When each recorded request is sent: a pure plan the engine follows. Every session instance
 * (a session, or one of its N copies) sends its exchanges in recorded order, each at its recorded
 * offset from the recording's first arrival divided by the speed — so sessions overlap as they
 * did — and never before the instance's previous request has been answered (a user waits for an
 * answer before the next request; at `speed: "max"` every offset is 0 and that rule alone paces
 * the session). A loop repeats the whole recording every `periodMs` (its span at this speed:
 * first arrival to last answer); at `max` each instance starts its next pass as soon as its last
 * answer arrived.
 */
import type { RecordedExchange } from "../../common/recording/index.js";
import { spanOf, type RecordedSession } from "./sessions.js";

export type Speed = number | "max";

export interface ScheduleOptions {
  /** 1 = the recorded pace, 2 = twice as fast, `max` = no waits. */
  speed: Speed;
  /** Play the recording once, or again and again until the engine stops. */
  repeat: "once" | "loop";
  /** How many copies of each session run at once (1 = the recording as it was). */
  copies: number;
}

export interface SessionInstance {
  /** `<session key>#<copy>`, copies counted from 1: each gets its own correlation. */
  id: string;
  copy: number;
  session: RecordedSession;
  /** Planned start of each exchange in the first pass, ms from the replay's start. */
  offsetsMs: readonly number[];
}

export interface ReplaySchedule {
  speed: Speed;
  repeat: "once" | "loop";
  /** One pass of the recording at this speed; 0 at `max`. */
  periodMs: number;
  instances: readonly SessionInstance[];
}

export interface PlannedRequest {
  instance: string;
  iteration: number;
  index: number;
  exchange: RecordedExchange;
  /** Not before this many ms after the replay's start (and not before the previous answer). */
  atMs: number;
}

/** `2`, `1.5`, `max` → a speed; anything else → the problem in words. */
export function parseSpeed(text: string): Speed | string {
  if (text.trim() === "max") return "max";
  const value = Number(text);
  return /^\s*\d+(\.\d+)?\s*$/.test(text) && value > 0 ? value : `'${text}' must be a number > 0 or max`;
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

export function planSchedule(sessions: readonly RecordedSession[], options: ScheduleOptions): ReplaySchedule {
  if (!Number.isInteger(options.copies) || options.copies < 1)
    throw new RangeError("copies must be an integer ≥ 1");
  if (options.speed !== "max" && !(options.speed > 0)) throw new RangeError("speed must be > 0 or max");
  const speed = options.speed;
  const origin = sessions.reduce((min, s) => Math.min(min, s.startMs), Infinity);
  const offset = (t: number) => (speed === "max" ? 0 : round3((t - origin) / speed));
  const instances: SessionInstance[] = [];
  for (const session of sessions)
    for (let copy = 1; copy <= options.copies; copy++)
      instances.push({
        id: `${session.key}#${copy}`,
        copy,
        session,
        offsetsMs: session.exchanges.map((e) => offset(e.t)),
      });
  return {
    speed,
    repeat: options.repeat,
    periodMs: speed === "max" ? 0 : round3(spanOf(sessions) / speed),
    instances,
  };
}

/** The planned start of exchange `index` of `instance` in pass `iteration` (from 0). */
export function plannedStartMs(
  schedule: ReplaySchedule,
  instance: SessionInstance,
  iteration: number,
  index: number,
): number {
  return round3((instance.offsetsMs[index] ?? 0) + iteration * schedule.periodMs);
}

/**
 * Every planned request in start order (ties: instance order, then exchange order), for a plan
 * that ends: once, or a loop bounded by `untilMs` (requests planned before it) or `iterations`.
 */
export function plannedRequests(
  schedule: ReplaySchedule,
  bound: { untilMs?: number; iterations?: number } = {},
): PlannedRequest[] {
  const iterations = schedule.repeat === "once" ? 1 : bound.iterations;
  if (iterations === undefined && (bound.untilMs === undefined || schedule.periodMs === 0))
    throw new RangeError("a loop needs iterations, or untilMs at a speed other than max");
  const planned: Array<PlannedRequest & { order: number }> = [];
  schedule.instances.forEach((instance, order) => {
    for (let iteration = 0; iterations === undefined || iteration < iterations; iteration++) {
      if (bound.untilMs !== undefined && iteration * schedule.periodMs >= bound.untilMs) break;
      instance.session.exchanges.forEach((exchange, index) => {
        const atMs = plannedStartMs(schedule, instance, iteration, index);
        if (bound.untilMs === undefined || atMs < bound.untilMs)
          planned.push({ instance: instance.id, iteration, index, exchange, atMs, order });
      });
    }
  });
  planned.sort(
    (a, b) => a.atMs - b.atMs || a.order - b.order || a.iteration - b.iteration || a.index - b.index,
  );
  return planned.map(({ order: _order, ...request }) => request);
}
