/**
 * What one emulated resource service is made of. Adding a service is one folder exporting a
 * ServiceModule plus one line in registry.ts.
 */
import type { Clock } from "../core/clock.js";
import type { MessageBus } from "../core/messaging/bus.js";
import type { ResourceServiceDefinition } from "../core/pipeline.js";
import type { Store } from "../core/store/store.js";

export type ResourceServiceName = "users" | "bands" | "catalog" | "tours";
export type ServiceName = "auth" | ResourceServiceName;

export interface DomainDeps {
  store: Store;
  bus: MessageBus;
  clock: Clock;
  log: (line: string) => void;
}

export interface ServiceModule<C> {
  name: ResourceServiceName;
  springName: string;
  defaultPort: number;
  /** Declare the service's tables and indexes on the store (before it opens). */
  declare(store: Store): C;
  /**
   * Seed an empty store from this service's section of a fixture file. Returns the problems
   * found (each naming the entry), empty when the section is fine.
   */
  seed(section: unknown, collections: C, store: Store, nowMs: number): string[];
  /** The routes, rules and error style; also registers the service's message listeners. */
  definition(collections: C, deps: DomainDeps): ResourceServiceDefinition;
}

/** Erases the collections type so the registry can hold different modules. */
export function serviceModule<C>(module: ServiceModule<C>): ServiceModule<unknown> {
  return module as ServiceModule<unknown>;
}
