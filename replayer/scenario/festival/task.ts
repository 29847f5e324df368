import type { Sender } from "../../engine/scenario.js";
import type { RouteName } from "../../stats/stats-collector.js";
import type { Rng } from "../rng.js";
import type { DataGenerator } from "./data-generator.js";
import type { OfferRegistry } from "./offer-registry.js";
import type { VuState } from "./vu-state.js";

export const TAGS = ["users", "bands", "tours", "albums", "songs"] as const;
export type Tag = (typeof TAGS)[number];

export interface TaskContext {
  readonly state: VuState;
  readonly data: DataGenerator;
  readonly rng: Rng;
  readonly offers: OfferRegistry;
  readonly sender: Sender;
}

export interface Task {
  readonly tag: Tag;
  /** What the task does, as in festival-scenario.md. */
  readonly title: string;
  readonly weight: number;
  /** Whether the user's state lets the task send only valid requests now. */
  ready(state: VuState, offers: OfferRegistry): boolean;
  run(context: TaskContext): Promise<unknown>;
}

/**
 * Picks a task by weight among those ready, as Locust does; a task whose precondition is not met
 * is not picked (rather than sending a request bound to fail). Undefined when none is ready.
 */
export function pickTask(
  tasks: readonly Task[],
  state: VuState,
  offers: OfferRegistry,
  rng: Rng,
): Task | undefined {
  const ready = tasks.filter((task) => task.ready(state, offers));
  const total = ready.reduce((sum, task) => sum + task.weight, 0);
  if (total === 0) return undefined;
  let point = rng.next() * total;
  for (const task of ready) {
    point -= task.weight;
    if (point < 0) return task;
  }
  return ready[ready.length - 1];
}

/** A task of one request built from the user's state, with nothing to keep from the answer. */
export function oneRequest(
  tag: Tag,
  title: string,
  weight: number,
  ready: Task["ready"],
  route: RouteName,
  request: (context: TaskContext) => { path: string; json?: unknown },
): Task {
  return {
    tag,
    title,
    weight,
    ready,
    run: async (context) => {
      await context.sender.send({ route, ...request(context) });
    },
  };
}
