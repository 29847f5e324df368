/**
 * What the control plane works on, passed in: the emulator's parts, the running strain, the
 * switch that takes listeners down and up, and where fixtures come from.
 */
import type { Emulator } from "../emulator.js";
import type { Fixture } from "../fixtures/fixtures.js";
import type { ReadText } from "../strain/parsed.js";
import type { StrainController } from "../strain/controller.js";

/** The listeners of the emulated services (`Listeners` in `emu start`). */
export interface ServiceSwitch {
  names(): string[];
  isUp(name: string): boolean;
  url(name: string): string;
  up(name: string): Promise<void>;
  down(name: string): Promise<void>;
}

export interface FixtureSource {
  /** What `emu start` seeded with (`POST /admin/reset` without a choice goes back to it). */
  initial: Fixture | "none";
  /** A bundled fixture by name (`default`, `festival`, …). */
  named(name: string): Promise<Fixture>;
  names: readonly string[];
}

export interface AdminDeps {
  /** `apps` for the route patterns a route entry may name. */
  emulator: Pick<Emulator, "store" | "bus" | "telemetry" | "reset" | "load" | "apps">;
  strain: StrainController;
  services: ServiceSwitch;
  fixtures: FixtureSource;
  /** Reads recordings named in `PUT /admin/strain`. */
  readText?: ReadText;
}
