import type { Reply, RequestSpec, Sender, VirtualUser } from "../../engine/scenario.js";
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
  private readonly headers: { plain: Record<string, string>; json: Record<string, string> } | undefined;

  constructor(
    private readonly tasks: readonly Task[],
    private readonly rng: Rng,
    private readonly data: DataGenerator,
    private readonly offers: OfferRegistry,
    /** This person's own bearer token; without one the client's default header goes out. */
    token?: string,
  ) {
    this.state = new VuState(offers);
    if (token !== undefined) {
      const plain = { authorization: `Bearer ${token}`, accept: "application/json" };
      this.headers = { plain, json: { ...plain, "content-type": "application/json" } };
    }
  }

  async iterate(sender: Sender): Promise<boolean> {
    const context: TaskContext = {
      state: this.state,
      data: this.data,
      rng: this.rng,
      offers: this.offers,
      sender: this.headers ? withHeaders(sender, this.headers) : sender,
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

/** Every request of this user goes out with its own headers (its token), built once. */
function withHeaders(
  sender: Sender,
  headers: { plain: Record<string, string>; json: Record<string, string> },
): Sender {
  return {
    send<T = undefined>(spec: RequestSpec<T>): Promise<Reply<T>> {
      return sender.send({ ...spec, headers: spec.json === undefined ? headers.plain : headers.json });
    },
  };
}
