import type { Scenario } from "../../engine/scenario.js";
import { createRng } from "../rng.js";
import { BAND_TASKS } from "./band-tasks.js";
import { DataGenerator } from "./data-generator.js";
import { FestivalUser } from "./festival-user.js";
import { OfferRegistry } from "./offer-registry.js";
import { OFFER_TASKS } from "./offer-tasks.js";
import { ROUTES } from "./routes.js";
import { SHOW_TASKS } from "./show-tasks.js";
import type { Tag, Task } from "./task.js";
import { USER_TASKS } from "./user-tasks.js";

export const FESTIVAL_TASKS: readonly Task[] = [...USER_TASKS, ...BAND_TASKS, ...OFFER_TASKS, ...SHOW_TASKS];

export interface FestivalOptions {
  readonly seed: number;
  /** Part of every unique name, so repeated runs against one store never collide. */
  readonly runId: string;
  /** Keep only tasks with these tags (the start-up steps always run); null for all. */
  readonly tags: readonly Tag[] | null;
  /** Wall-clock ms, for dates relative to today. */
  readonly calendar: () => number;
  /** Each user's own bearer token, round-robin; empty: the client's default header for all. */
  readonly tokens?: readonly string[];
}

/** The Festival Season Rush (festival-scenario.md). */
export function festivalScenario(options: FestivalOptions): Scenario {
  const tasks =
    options.tags === null
      ? FESTIVAL_TASKS
      : FESTIVAL_TASKS.filter((task) => options.tags?.includes(task.tag));
  const offers = new OfferRegistry();
  return {
    routes: Object.values(ROUTES),
    createUser(index) {
      const rng = createRng(options.seed, index);
      const tokens = options.tokens ?? [];
      return new FestivalUser(
        tasks,
        rng,
        new DataGenerator(rng, options.runId, index, options.calendar),
        offers,
        tokens.length > 0 ? tokens[index % tokens.length] : undefined,
      );
    },
  };
}
