/**
 * The running strain: the current settings and seed, one random stream and the every-Nth
 * counters per service, and the requests in flight. Implements the pipeline's Strain hook and
 * is what the control plane reads and changes.
 */
import type { RouteKey, Strain, StrainPlan } from "../core/strain.js";
import { planFor } from "./plan.js";
import { createRng, type Rng } from "./rng.js";
import { strainsNothing, type StrainSettings } from "./settings.js";

export class StrainController implements Strain {
  private current: StrainSettings;
  private currentSeed: number;
  /** No latency, fault or capacity set anywhere: the usual case, decided once per setting. */
  private idle: boolean;
  private readonly streams = new Map<string, Rng>();
  private readonly counters = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();

  constructor(settings: StrainSettings, seed: number) {
    this.current = settings;
    this.currentSeed = seed;
    this.idle = strainsNothing(settings);
  }

  get settings(): StrainSettings {
    return this.current;
  }

  get seed(): number {
    return this.currentSeed;
  }

  /**
   * New settings (and optionally a new seed). The random streams and counters start over, so
   * the same settings and seed give the same sequence from here on.
   */
  replace(settings: StrainSettings, seed = this.currentSeed): void {
    this.current = settings;
    this.currentSeed = seed;
    this.idle = strainsNothing(settings);
    this.streams.clear();
    this.counters.clear();
  }

  plan(key: RouteKey): StrainPlan | undefined {
    // planFor would come to the same answer without touching a stream or a counter.
    if (this.idle) return undefined;
    return planFor(this.current, key, {
      rng: this.streamOf(key.service),
      inFlight: this.inFlight.get(key.service) ?? 0,
      nth: (counter) => {
        const name = `${key.service}|${counter}`;
        const count = (this.counters.get(name) ?? 0) + 1;
        this.counters.set(name, count);
        return count;
      },
    });
  }

  enter(service: string): void {
    this.inFlight.set(service, (this.inFlight.get(service) ?? 0) + 1);
  }

  leave(service: string): void {
    this.inFlight.set(service, Math.max(0, (this.inFlight.get(service) ?? 0) - 1));
  }

  inFlightOf(service: string): number {
    return this.inFlight.get(service) ?? 0;
  }

  private streamOf(service: string): Rng {
    let rng = this.streams.get(service);
    if (!rng) {
      rng = createRng(this.currentSeed, service);
      this.streams.set(service, rng);
    }
    return rng;
  }
}
