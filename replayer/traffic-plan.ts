/**
 * What a run sends, whichever traffic it is: the scenario, the load model that drives it, the
 * services the verdict judges the throughput of, and how the report describes it. The engine,
 * statistics, verdict and outputs after this are the same for generated and recorded traffic.
 */
import type { ReplayConfig } from "./config/replay-config.js";
import type { RecordedTrafficConfig } from "./config/traffic-config.js";
import type { LoadModel } from "./engine/models.js";
import type { Scenario } from "./engine/scenario.js";
import { CompareTally, daysBetween, planSchedule } from "./recording/index.js";
import type { RunMeta } from "./report/results.js";
import type { TrafficInfo } from "./report/traffic-results.js";
import { festivalScenario } from "./scenario/festival/festival-scenario.js";
import type { Tag } from "./scenario/festival/task.js";
import type { LoadedTraffic } from "./scenario/recorded/load-recorded.js";
import { recordedScenario } from "./scenario/recorded/recorded-scenario.js";
import { createRng, intBetween } from "./scenario/rng.js";
import { SERVICES, type ServiceName } from "./services.js";

export interface TrafficPlan {
  readonly scenario: Scenario;
  readonly model: LoadModel;
  /** Think time before a user's next task, ms. */
  readonly think: () => number;
  /** Services whose throughput the verdict judges: those the traffic sends to. */
  readonly judged: readonly ServiceName[];
  readonly meta: Pick<RunMeta, "model" | "users" | "spawnRate" | "rate" | "tags" | "thinkMs" | "seed">;
  readonly traffic: TrafficInfo;
  /** `--compare`'s tally, filled in as the answers arrive; null without. */
  readonly compare: CompareTally | null;
  /** How long the run is expected to take, for the progress line; null when unknown. */
  readonly expectedMs: number | null;
}

const SERVICE_OF_TAG: Readonly<Record<Tag, ServiceName>> = {
  users: "users",
  bands: "bands",
  tours: "tours",
  albums: "catalog",
  songs: "catalog",
};

/** Services the verdict judges throughput of: those a selected tag sends its tasks to. */
export function judgedServices(tags: readonly Tag[] | null): ServiceName[] {
  if (tags === null) return [...SERVICES];
  return SERVICES.filter((service) => tags.some((tag) => SERVICE_OF_TAG[tag] === service));
}

export function festivalPlan(
  config: ReplayConfig,
  calendar: () => number,
  tokens: readonly string[] = [],
): TrafficPlan {
  const { model } = config;
  const thinkRng = createRng(config.seed, 0xffff);
  const { min, max } = config.thinkMs;
  return {
    scenario: festivalScenario({
      seed: config.seed,
      runId: config.runId,
      tags: config.tags,
      calendar,
      tokens,
    }),
    model,
    think: max === 0 ? () => 0 : () => intBetween(thinkRng, min, max),
    judged: judgedServices(config.tags),
    meta: {
      model: model.kind,
      users: model.kind === "open" ? model.maxUsers : model.users,
      spawnRate: model.kind === "closed" ? model.spawnRate : null,
      rate: model.kind === "open" ? model.rate : null,
      tags: config.tags,
      thinkMs: config.thinkMs,
      seed: config.seed,
    },
    traffic: { kind: "festival" },
    compare: null,
    expectedMs: config.runTimeMs,
  };
}

/** A recording or HAR, played by one scripted user per session instance (a session or a copy). */
export function recordedPlan(
  config: RecordedTrafficConfig,
  loaded: LoadedTraffic,
  token: string,
  runTimeMs: number | null,
  nowMs: number,
): TrafficPlan {
  const schedule = planSchedule(loaded.sessions, {
    speed: config.speed,
    repeat: config.repeat,
    copies: config.copies,
  });
  const compare = config.compare ? new CompareTally() : null;
  const recordedAt = loaded.info.recordedAt === null ? Number.NaN : Date.parse(loaded.info.recordedAt);
  const shiftDays = Number.isNaN(recordedAt) ? 0 : daysBetween(recordedAt, nowMs);
  const sent = new Set(loaded.sessions.flatMap((session) => session.exchanges.map((e) => e.service)));
  return {
    scenario: recordedScenario({ schedule, token, compare, shiftDays }),
    model: { kind: "scripted", users: schedule.instances.length },
    think: () => 0,
    judged: SERVICES.filter((service) => sent.has(service)),
    meta: {
      model: "scripted",
      users: schedule.instances.length,
      spawnRate: null,
      rate: null,
      tags: null,
      thinkMs: { min: 0, max: 0 },
      seed: null,
    },
    traffic: {
      ...loaded.info,
      speed: config.speed,
      repeat: config.repeat,
      copies: config.copies,
      passMs: schedule.periodMs,
      shiftedDays: shiftDays,
    },
    compare,
    expectedMs: runTimeMs ?? (schedule.periodMs > 0 ? schedule.periodMs : null),
  };
}
