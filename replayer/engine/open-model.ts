import type { Member, ModelContext, ModelRun, OpenModel } from "./models.js";
import { arrivalAtMs, arrivalsDue, totalArrivals } from "./pacer.js";
import { RunStopped } from "./scenario.js";

/**
 * Arrivals at a fixed rate, independent of how fast the target answers. Each arrival takes an
 * idle virtual user (or creates one, up to `maxUsers`) and runs one iteration whose first request
 * is timed from the arrival's intended start, so a stall or a late timer shows in the latency
 * instead of silently lowering the rate. An arrival with no free user is counted as missed.
 */
export function runOpenModel(model: OpenModel, context: ModelContext): ModelRun {
  const { window, clock } = context;
  const idle: Member[] = [];
  const inFlight = new Set<Promise<void>>();
  const total = totalArrivals(model.rate, context.runTimeMs);
  let created = 0;
  let launched = 0;
  let timer: NodeJS.Timeout | undefined;
  let failure: unknown;

  const launch = (intendedMs: number): void => {
    let member = idle.pop();
    if (!member) {
      if (created >= model.maxUsers) {
        context.recordMissed(clock.now());
        return;
      }
      member = context.createMember(created);
      created += 1;
    }
    const current = member;
    current.session.intendedStartMs = intendedMs;
    const iteration = current.user
      .iterate(current.session)
      .then(
        (sent) => {
          if (!sent) context.recordMissed(clock.now());
        },
        (error: unknown) => {
          if (!(error instanceof RunStopped) && failure === undefined) failure = error;
        },
      )
      .finally(() => {
        current.session.intendedStartMs = undefined;
        inFlight.delete(iteration);
        idle.push(current);
      });
    inFlight.add(iteration);
  };

  const tick = (): void => {
    if (window.stopped) return;
    const due = arrivalsDue(clock.now() - window.startMs, model.rate, context.runTimeMs);
    while (launched < due) {
      launch(window.startMs + arrivalAtMs(launched, model.rate));
      launched += 1;
    }
    if (launched >= total) return;
    const nextAt = window.startMs + arrivalAtMs(launched, model.rate);
    timer = setTimeout(tick, Math.max(0, nextAt - clock.now()));
  };
  tick();

  const settled = window.ended.then(async () => {
    clearTimeout(timer);
    // Arrivals intended before the window closed but whose timer lost the race with the close
    // still go out: they belong to the window, and leaving them out would lower the rate.
    const endElapsed = (window.endMs ?? clock.now()) - window.startMs;
    const inWindow = Math.min(total, Math.max(0, Math.ceil((endElapsed * model.rate) / 1000 - 1e-9)));
    while (launched < inWindow) {
      launch(window.startMs + arrivalAtMs(launched, model.rate));
      launched += 1;
    }
    while (inFlight.size > 0) await Promise.all([...inFlight]);
    if (failure !== undefined) throw failure;
  });
  return { activeUsers: () => inFlight.size, settled };
}
