/**
 * The control plane over supertest, on a test emulator, with a switch that only remembers which
 * services are down and, when asked, fixture loading that records what it was given.
 */
import supertest from "supertest";
import { createAdminApp, type AdminDeps, type ServiceSwitch } from "../../emulator/admin/index.js";
import type { Fixture } from "../../emulator/fixtures/fixtures.js";
import { SERVICE_NAMES } from "../../emulator/services/registry.js";
import { StrainController } from "../../emulator/strain/controller.js";
import { NO_STRAIN_SETTINGS } from "../../emulator/strain/settings.js";
import type { EmulatorOptions } from "../../emulator/emulator.js";
import { testEmulator, type TestEmulator } from "./emulator.js";

export const FAKE_URLS: Record<string, string> = Object.fromEntries(
  SERVICE_NAMES.map((name, i) => [name, `http://127.0.0.1:${18090 + i}`]),
);

export function fakeSwitch(): ServiceSwitch {
  const down = new Set<string>();
  return {
    names: () => [...SERVICE_NAMES],
    isUp: (name) => !down.has(name),
    url: (name) => FAKE_URLS[name] as string,
    up: async (name) => void down.delete(name),
    down: async (name) => void down.add(name),
  };
}

export interface AdminHarness {
  t: TestEmulator;
  strain: StrainController;
  admin: ReturnType<typeof supertest>;
  /** What reset/load were called with, when `recordFixtures` is set. */
  calls: { reset: (Fixture | "none")[]; load: Fixture[] };
}

export interface HarnessOptions {
  services?: ServiceSwitch;
  emulator?: EmulatorOptions;
  /** Record reset/load calls instead of seeding (the domain seeders live elsewhere). */
  recordFixtures?: boolean;
  initial?: Fixture | "none";
  named?: (name: string) => Promise<Fixture>;
  readText?: AdminDeps["readText"];
  /** Replace the emulator's reset or load (e.g. one that fails half-way). */
  overrides?: Partial<Pick<AdminDeps["emulator"], "reset" | "load">>;
}

export async function adminHarness(options: HarnessOptions = {}): Promise<AdminHarness> {
  const strain = new StrainController(NO_STRAIN_SETTINGS, 42);
  const t = await testEmulator({ strain, ...options.emulator });
  const calls: AdminHarness["calls"] = { reset: [], load: [] };
  const emulator: AdminDeps["emulator"] = options.recordFixtures
    ? {
        ...t.emu,
        reset: async (fixture) => void calls.reset.push(fixture),
        load: async (fixture) => void calls.load.push(fixture),
      }
    : { ...t.emu, ...options.overrides };
  const app = createAdminApp({
    emulator,
    strain,
    services: options.services ?? fakeSwitch(),
    fixtures: {
      initial: options.initial ?? "none",
      named: options.named ?? (async (name) => ({ bands: { fixture: name } })),
      names: ["default", "seed", "festival"],
    },
    readText: options.readText,
  });
  return { t, strain, admin: supertest(app), calls };
}
