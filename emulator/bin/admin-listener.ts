/**
 * The control plane as one more listener of `emu start`, steering the services' listeners.
 */
import { readFileSync } from "node:fs";
import type { RequestListener } from "node:http";
import { createAdminApp, type ServiceSwitch } from "../admin/index.js";
import type { Emulator } from "../emulator.js";
import { NAMED_FIXTURES, readFixture, type Fixture } from "../fixtures/fixtures.js";
import { SERVICE_NAMES } from "../services/registry.js";
import type { StrainController } from "../strain/controller.js";
import type { Listeners } from "./listeners.js";

/** Recordings named by --latency, the config file or the control plane (relative to the cwd). */
export const readText = (path: string) => readFileSync(path, "utf8");

/** The emulated services' listeners as the control plane sees them (not its own). */
function serviceSwitch(listeners: Listeners, log: (line: string) => void): ServiceSwitch {
  return {
    names: () => [...SERVICE_NAMES],
    isUp: (name) => listeners.isUp(name),
    url: (name) => listeners.url(name),
    async down(name) {
      await listeners.down(name);
      log(`emu: ${name} is down (refusing connections on ${listeners.url(name)})`);
    },
    async up(name) {
      await listeners.up(name);
      log(`emu: ${name} is up again on ${listeners.url(name)}`);
    },
  };
}

export interface AdminListenerOptions {
  emulator: Emulator;
  strain: StrainController;
  initialFixtures: Fixture | "none";
  port: number;
  log: (line: string) => void;
}

export function addAdminListener(listeners: Listeners, options: AdminListenerOptions): void {
  const admin = createAdminApp({
    emulator: options.emulator,
    strain: options.strain,
    services: serviceSwitch(listeners, options.log),
    fixtures: { initial: options.initialFixtures, named: readFixture, names: Object.keys(NAMED_FIXTURES) },
    readText,
  });
  listeners.add("admin", admin as unknown as RequestListener, options.port);
}
