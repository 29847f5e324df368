/**
 * Every emulated service, in start order. Adding a resource service is one folder and one line.
 */
import { bandsModule } from "./bands/index.js";
import { catalogModule } from "./catalog/index.js";
import { toursModule } from "./tours/index.js";
import { usersModule } from "./users/index.js";
import type { ServiceName } from "./service-module.js";

export const resourceModules = [usersModule, bandsModule, catalogModule, toursModule] as const;

export const DEFAULT_PORTS: Readonly<Record<ServiceName | "admin", number>> = {
  auth: 8084,
  users: 8091,
  bands: 8092,
  catalog: 8093,
  tours: 8094,
  admin: 8099,
};

export const SERVICE_NAMES: readonly ServiceName[] = ["auth", "users", "bands", "catalog", "tours"];
