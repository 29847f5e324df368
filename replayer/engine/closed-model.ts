import type { ClosedModel, Member, ModelContext, ModelRun } from "./models.js";
import { spawnAtMs, usersDue } from "./pacer.js";
import { RunStopped } from "./scenario.js";

/** A user that had nothing to send (no task possible yet) waits this long before trying again. */
export const IDLE_BACKOFF_MS = 100;

async function userLoop(member: Member, context: ModelContext): Promise<void> {
  const { window } = context;
  while (!window.stopped) {
    let sent: boolean;
    try {
      sent = await member.user.iterate(member.session);
    } catch (error) {
      if (error instanceof RunStopped) return;
      throw error;
    }
    const pause = sent ? context.think() : IDLE_BACKOFF_MS;
    if (pause > 0) await window.sleep(pause);
  }
}

/**
 * Locust's model: users are spawned at `spawnRate` per second and each runs task after task
 * until the window closes. Latency is taken from each request's actual start.
 */
export function runClosedModel(model: ClosedModel, context: ModelContext): ModelRun {
  const { window, clock } = context;
  const loops: Promise<void>[] = [];
  let timer: NodeJS.Timeout | undefined;

  const spawnDue = (): void => {
    if (window.stopped) return;
    // A timer that fires late must not spawn users that were due only after the window.
    const elapsed = Math.min(clock.now() - window.startMs, context.runTimeMs - 1e-6);
    const due = usersDue(elapsed, model.users, model.spawnRate);
    while (loops.length < due) loops.push(userLoop(context.createMember(loops.length), context));
    if (loops.length >= model.users) return;
    const nextAt = window.startMs + spawnAtMs(loops.length, model.spawnRate);
    timer = setTimeout(spawnDue, Math.max(0, nextAt - clock.now()));
  };
  spawnDue();

  const settled = window.ended.then(async () => {
    clearTimeout(timer);
    await Promise.all(loops);
  });
  return { activeUsers: () => loops.length, settled };
}
