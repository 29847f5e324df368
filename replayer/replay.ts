import type { ReplayConfig } from "./config/replay-config.js";
import type { Clock } from "./engine/clock.js";
import { HttpClient } from "./engine/http-client.js";
import { startRun, type RunController } from "./engine/run.js";
import type { StopReason } from "./engine/run-window.js";
import { festivalScenario } from "./scenario/festival/festival-scenario.js";
import type { Tag } from "./scenario/festival/task.js";
import { intBetween, createRng } from "./scenario/rng.js";
import { SERVICES, type ServiceName } from "./services.js";
import { formatProgress } from "./report/progress-line.js";
import { buildResults, fileTimestamp, type Results, type RunMeta } from "./report/results.js";
import { writeOutputs, type OutputFiles } from "./report/write-outputs.js";
import { prepareTarget } from "./target/prepare-target.js";

/** Where the run's outside world comes from: the CLI passes the real one, tests their own. */
export interface ReplayIo {
  readonly clock: Clock;
  /** Wall-clock ms: the report's start time and the scenario's calendar. */
  readonly calendar: () => number;
  /** The live progress line, or undefined for none (not a terminal, or `--json`). */
  readonly progress?: (line: string) => void;
  /** Registers the stop signal handler; gets called at most once per signal. */
  readonly onStopSignal: (handler: (reason: StopReason) => void) => void;
}

export interface ReplayOutcome {
  readonly results: Results;
  readonly files: OutputFiles;
  readonly exitCode: 0 | 1;
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

function metaOf(config: ReplayConfig, startedAtMs: number): RunMeta {
  const { model } = config;
  return {
    runId: config.runId,
    timestamp: fileTimestamp(startedAtMs),
    startedAt: new Date(startedAtMs).toISOString(),
    target: config.target.kind,
    model: model.kind,
    users: model.kind === "open" ? model.maxUsers : model.users,
    spawnRate: model.kind === "closed" ? model.spawnRate : null,
    rate: model.kind === "open" ? model.rate : null,
    runTimeMs: config.runTimeMs,
    tags: config.tags,
    thinkMs: config.thinkMs,
    seed: config.seed,
    timeoutMs: config.timeoutMs,
  };
}

/** Config → target → run → results → every output file. The CLI only prints and exits. */
export async function replay(config: ReplayConfig, io: ReplayIo): Promise<ReplayOutcome> {
  let run: RunController | undefined;
  let stopBeforeStart: StopReason | undefined;
  io.onStopSignal((reason) => {
    if (run) run.stop(reason);
    else stopBeforeStart ??= reason;
  });

  const target = await prepareTarget(config.target, config.timeoutMs);
  let results: Results;
  try {
    const thinkRng = createRng(config.seed, 0xffff);
    const { min, max } = config.thinkMs;
    const startedAtMs = io.calendar();
    run = startRun({
      model: config.model,
      runTimeMs: config.runTimeMs,
      timeoutMs: config.timeoutMs,
      clock: io.clock,
      think: max === 0 ? () => 0 : () => intBetween(thinkRng, min, max),
      http: new HttpClient(target.urls, {
        timeoutMs: config.timeoutMs,
        headers: { authorization: `Bearer ${target.token}`, accept: "application/json" },
      }),
      scenario: festivalScenario({
        seed: config.seed,
        runId: config.runId,
        tags: config.tags,
        calendar: io.calendar,
      }),
      onTick: io.progress ? (tick) => io.progress?.(formatProgress(tick, config.runTimeMs)) : undefined,
    });
    if (stopBeforeStart) run.stop(stopBeforeStart);
    const outcome = await run.done;
    results = buildResults(
      outcome,
      metaOf(config, startedAtMs),
      config.thresholds,
      judgedServices(config.tags),
    );
  } finally {
    await target.close();
  }
  const files = await writeOutputs(results, config.outputDir);
  return { results, files, exitCode: results.verdict.passed ? 0 : 1 };
}
