import type { Sender, VirtualUser } from "../../engine/scenario.js";
import type { Rng } from "../rng.js";
import { createBand } from "./band-tasks.js";
import type { DataGenerator } from "./data-generator.js";
import type { OfferRegistry } from "./offer-registry.js";
import { pickTask, type Task, type TaskContext } from "./task.js";
import { registerArtist, registerManager } from "./user-tasks.js";
import { VuState } from "./vu-state.js";

/**
 * One person working the system. Its first iteration registers a manager and two artists and
 * creates a band; a step that fails is tried again next iteration (a target that comes back gets
 * a complete user). After that, each iteration runs one task picked by weight among those whose
 * preconditions hold.
 */
export class FestivalUser implements VirtualUser {
  readonly state: VuState;

  constructor(
    private readonly tasks: readonly Task[],
    private readonly rng: Rng,
    private readonly data: DataGenerator,
    private readonly offers: OfferRegistry,
  ) {
    this.state = new VuState(offers);
  }

  async iterate(sender: Sender): Promise<boolean> {
    const context: TaskContext = {
      state: this.state,
      data: this.data,
      rng: this.rng,
      offers: this.offers,
      sender,
    };
    if (!this.state.started) {
      await this.startUp(context);
      return true;
    }
    const task = pickTask(this.tasks, this.state, this.offers, this.rng);
    if (!task) return false;
    await task.run(context);
    return true;
  }

  private async startUp(context: TaskContext): Promise<void> {
    const { state } = context;
    if (state.managers.length === 0 && !(await registerManager(context))) return;
    while (state.artists.length < 2) {
      if (!(await registerArtist(context))) return;
    }
    if (state.bands.length === 0) await createBand(context);
  }
}
