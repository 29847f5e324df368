import type { Member, ModelContext, ModelRun, ScriptedModel } from "./models.js";
import { RunStopped } from "./scenario.js";

/** One user playing its script: wait until the next request is due, send it, until the end. */
async function play(member: Member, context: ModelContext): Promise<void> {
  const { window, clock } = context;
  while (!window.stopped) {
    const dueMs = member.user.nextDueMs ? member.user.nextDueMs() : 0;
    if (dueMs === null) return;
    const waitMs = window.startMs + dueMs - clock.now();
    if (waitMs > 0) await window.sleep(waitMs);
    if (window.stopped) return;
    try {
      // The user sends one request and waits for its answer: a session never runs ahead of it.
      if (!(await member.user.iterate(member.session))) return;
    } catch (error) {
      if (error instanceof RunStopped) return;
      throw error;
    }
  }
}

/**
 * Recorded traffic (models.ts): every user starts at once and plays its script; when the last
 * one is done the window closes with `done`, so a replay without a run time lasts as long as the
 * recording does at its speed, and one with a run time ends early if the recording does.
 */
export function runScriptedModel(model: ScriptedModel, context: ModelContext): ModelRun {
  let active = 0;
  const loops: Promise<void>[] = [];
  for (let index = 0; index < model.users; index++) {
    active += 1;
    loops.push(play(context.createMember(index), context).finally(() => (active -= 1)));
  }
  const all = Promise.all(loops);
  const finished = (): void => context.window.stop("done");
  all.then(finished, finished);
  const settled = context.window.ended.then(() => all.then(() => undefined));
  return { activeUsers: () => active, settled };
}
