import type { ReplayConfig } from "./config/replay-config.js";
import type { Clock } from "./engine/clock.js";
import { HttpClient } from "./engine/http-client.js";
import { startRun, type RunController } from "./engine/run.js";
import type { StopReason } from "./engine/run-window.js";
import { UsageError } from "./errors.js";
import { RecordingSender } from "./record/recording-sender.js";
import { formatProgress } from "./report/progress-line.js";
import { buildResults, fileTimestamp, type Results, type RunMeta } from "./report/results.js";
import { makeOutputFolder, writeOutputs, type OutputFiles } from "./report/write-outputs.js";
import { loadRecordedTraffic, type LoadedTraffic } from "./scenario/recorded/load-recorded.js";
import { prepareTarget, type PreparedTarget } from "./target/prepare-target.js";
import { festivalPlan, recordedPlan, type TrafficPlan } from "./traffic-plan.js";

export { judgedServices } from "./traffic-plan.js";

/** Where the run's outside world comes from: the CLI passes the real one, tests their own. */
export interface ReplayIo {
  readonly clock: Clock;
  /** Wall-clock ms: the report's start time and the scenario's calendar. */
  readonly calendar: () => number;
  /** The live progress line, or undefined for none (not a terminal, or `--json`). */
  readonly progress?: (line: string) => void;
  /** Registers the stop signal handler; gets called at most once per signal. */
  readonly onStopSignal: (handler: (reason: StopReason) => void) => void;
  /** A warning for the user (a HAR entry skipped); one line, without a newline. */
  readonly warn?: (line: string) => void;
}

export interface ReplayOutcome {
  readonly results: Results;
  readonly files: OutputFiles;
  readonly exitCode: 0 | 1;
}

function metaOf(config: ReplayConfig, plan: TrafficPlan, startedAtMs: number): RunMeta {
  return {
    runId: config.runId,
    timestamp: fileTimestamp(startedAtMs),
    startedAt: new Date(startedAtMs).toISOString(),
    target: config.target.kind,
    ...plan.meta,
    runTimeMs: config.runTimeMs,
    timeoutMs: config.timeoutMs,
  };
}

/** How many virtual users the festival run may have at once: each gets its own token. */
function plannedUsers(config: ReplayConfig): number {
  return config.model.kind === "open" ? config.model.maxUsers : config.model.users;
}

function planOf(
  config: ReplayConfig,
  loaded: LoadedTraffic | null,
  target: PreparedTarget,
  io: ReplayIo,
): TrafficPlan {
  if (config.traffic.kind === "festival" || loaded === null)
    return festivalPlan(config, io.calendar, target.tokens);
  return recordedPlan(config.traffic, loaded, target.token, config.runTimeMs, io.calendar());
}

async function openRecorder(
  config: ReplayConfig,
  client: HttpClient,
  target: PreparedTarget,
  io: ReplayIo,
): Promise<RecordingSender | null> {
  if (config.record === null) return null;
  const what = config.traffic.kind === "festival" ? `festival, seed ${config.seed}` : config.traffic.file;
  try {
    return await RecordingSender.open(config.record, client, io, {
      services: target.urls,
      note: `replay of ${what} against --target ${config.target.kind}, run ${config.runId}`,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`--record: cannot write '${config.record}' (${code})`);
  }
}

/** The output folder is made before the run: a run whose outputs cannot be written is not started. */
async function openOutputFolder(folder: string): Promise<void> {
  try {
    await makeOutputFolder(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`--output: cannot write '${folder}' (${code})`);
  }
}

/** Config → traffic → target → run → results → every output file. The CLI only prints and exits. */
export async function replay(config: ReplayConfig, io: ReplayIo): Promise<ReplayOutcome> {
  let run: RunController | undefined;
  let stopBeforeStart: StopReason | undefined;
  io.onStopSignal((reason) => {
    if (run) run.stop(reason);
    else stopBeforeStart ??= reason;
  });

  // A recording that cannot be read stops the run before any target is started.
  const loaded = config.traffic.kind === "festival" ? null : await loadRecordedTraffic(config.traffic);
  for (const line of loaded?.warnings ?? []) io.warn?.(line);
  const users = config.traffic.kind === "festival" ? plannedUsers(config) : 1;
  const target = await prepareTarget(config.target, config.timeoutMs, users);
  let results: Results;
  let recorder: RecordingSender | null = null;
  try {
    const client = new HttpClient(target.urls, {
      timeoutMs: config.timeoutMs,
      headers: { authorization: `Bearer ${target.token}`, accept: "application/json" },
    });
    await openOutputFolder(config.outputDir);
    recorder = await openRecorder(config, client, target, io);
    const plan = planOf(config, loaded, target, io);
    const startedAtMs = io.calendar();
    run = startRun({
      model: plan.model,
      runTimeMs: config.runTimeMs,
      timeoutMs: config.timeoutMs,
      clock: io.clock,
      think: plan.think,
      http: recorder ?? client,
      scenario: plan.scenario,
      onTick: io.progress ? (tick) => io.progress?.(formatProgress(tick, plan.expectedMs)) : undefined,
      stoppedBefore: stopBeforeStart,
    });
    const outcome = await run.done;
    await recorder?.finish();
    results = buildResults(outcome, metaOf(config, plan, startedAtMs), config.thresholds, plan.judged, {
      traffic: plan.traffic,
      compare: plan.compare?.summary() ?? null,
      recordedTo: recorder && config.record ? { file: config.record, exchanges: recorder.count } : null,
    });
  } finally {
    await recorder?.finish().catch(() => undefined);
    await target.close();
  }
  const files = await writeOutputs(results, config.outputDir);
  return { results, files, exitCode: results.verdict.passed ? 0 : 1 };
}
