/**
 * The whole emulator as objects, without a single open port: the store, the message bus, the
 * token authority and one express app per service. The CLI listens; tests use the apps through
 * supertest.
 */
import { systemClock, type Clock } from "./core/clock.js";
import type { ExchangeObserver } from "./core/exchange.js";
import { MessageBus } from "./core/messaging/bus.js";
import { createResourceApp, type ServiceContext } from "./core/pipeline.js";
import { TokenAuthority, type SigningKey } from "./core/security/tokens.js";
import { emptyData, Store } from "./core/store/store.js";
import type { ServiceApp } from "./core/service-app.js";
import { noStrain, type Strain } from "./core/strain.js";
import { Telemetry } from "./core/telemetry.js";
import { FixtureError, type Fixture } from "./fixtures/fixtures.js";
import { createAuthService } from "./services/auth/index.js";
import { resourceModules } from "./services/registry.js";
import type { DomainDeps, ResourceServiceName, ServiceName } from "./services/service-module.js";

export interface EmulatorOptions {
  clock?: Clock;
  auth?: {
    enabled?: boolean;
    issuer?: string;
    signing?: SigningKey;
    ttlSeconds?: number;
    leewaySeconds?: number;
  };
  /** Keep the store in this JSON file (lowdb's file adapter); in memory otherwise. */
  dataFile?: string;
  /** Seed an empty store with this; `"none"` starts empty. */
  fixtures?: Fixture | "none";
  maxBodyBytes?: number;
  saga?: { delayMs?: number; maxDeliveries?: number };
  strain?: Strain;
  telemetryCapacity?: number;
  /** Sees every exchange of every service after it was answered (`--record`). */
  observe?: ExchangeObserver;
  log?: (line: string) => void;
}

export interface Emulator {
  clock: Clock;
  store: Store;
  bus: MessageBus;
  tokens: TokenAuthority;
  telemetry: Telemetry;
  apps: Record<ServiceName, ServiceApp>;
  /** Empty the store (and the saga queues), then seed it from `fixtures` unless `"none"`. */
  reset(fixtures: Fixture | "none"): Promise<void>;
  /** Seed more data into the store as it is. */
  load(fixtures: Fixture): Promise<void>;
  close(): void;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const store = new Store(options.dataFile);
  const bus = new MessageBus({
    delayMs: options.saga?.delayMs ?? 5,
    maxDeliveries: options.saga?.maxDeliveries ?? 10,
    now: () => clock.now(),
    log,
  });
  const tokens = new TokenAuthority(
    {
      issuer: options.auth?.issuer ?? "http://127.0.0.1:8084",
      signing: options.auth?.signing ?? { kind: "generated" },
      defaultTtlSeconds: options.auth?.ttlSeconds ?? 3600,
      leewaySeconds: options.auth?.leewaySeconds ?? 2,
    },
    clock,
  );
  const telemetry = new Telemetry(options.telemetryCapacity);
  const collections = new Map(resourceModules.map((module) => [module.name, module.declare(store)]));
  await store.open();

  const seed = async (fixture: Fixture) => {
    const problems = resourceModules.flatMap((module) =>
      fixture[module.name] === undefined
        ? []
        : module
            .seed(fixture[module.name], collections.get(module.name), store, clock.now())
            .map((p) => `${module.name}: ${p}`),
    );
    if (problems.length > 0) throw new FixtureError("(fixtures)", problems);
    await store.commit();
  };
  if (store.isEmpty && options.fixtures && options.fixtures !== "none") await seed(options.fixtures);

  const context: ServiceContext = {
    clock,
    tokens,
    enforceAuth: options.auth?.enabled ?? true,
    telemetry,
    strain: options.strain ?? noStrain,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    observe: options.observe,
  };
  const deps: DomainDeps = { store, bus, clock, log };
  const apps = {
    auth: createAuthService({
      clock,
      tokens,
      telemetry,
      strain: context.strain,
      maxBodyBytes: context.maxBodyBytes,
      observe: context.observe,
    }),
  } as Record<ServiceName, ServiceApp>;
  for (const module of resourceModules) {
    apps[module.name as ResourceServiceName] = createResourceApp(
      module.definition(collections.get(module.name), deps),
      context,
    );
  }

  return {
    clock,
    store,
    bus,
    tokens,
    telemetry,
    apps,
    async reset(fixtures) {
      bus.clear();
      await store.replace(emptyData());
      if (fixtures !== "none") await seed(fixtures);
    },
    load: seed,
    close: () => bus.close(),
  };
}
