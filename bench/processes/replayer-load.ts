/**
 * The replayer's engine in a process of its own, driven the way `replay` drives it: one fixed
 * request (closed or open model) against a given server, or the festival scenario against the
 * embedded emulator with the CPU time of both processes and their memory taken over the window.
 */
import { monotonicClock } from "../../replayer/engine/clock.js";
import { HttpClient } from "../../replayer/engine/http-client.js";
import type { LoadModel } from "../../replayer/engine/models.js";
import { startRun, type RunOutcome } from "../../replayer/engine/run.js";
import { festivalScenario } from "../../replayer/scenario/festival/festival-scenario.js";
import { singleRequestScenario } from "../../replayer/scenario/single-request.js";
import { startEmbeddedEmulator } from "../../replayer/target/embedded-emulator.js";
import { fetchToken } from "../../replayer/target/http-get.js";
import { preflight } from "../../replayer/target/preflight.js";
import { summarize } from "../../replayer/stats/summarize.js";
import type {
  FestivalFigures,
  FestivalJob,
  MemorySample,
  ReplayerJob,
  ReplayFigures,
  SingleJob,
} from "../jobs.js";
import { cpuMsOf, rssMbOf } from "../machine.js";
import { serveJobs } from "../rpc.js";

const TIMEOUT_MS = 5000;

function figuresOf(outcome: RunOutcome): ReplayFigures {
  const overall = summarize(outcome.stats.overall(), outcome.durationMs);
  return {
    requests: overall.requests,
    failures: overall.failures,
    durationMs: outcome.durationMs,
    rps: overall.rps ?? 0,
    medianMs: overall.medianMs,
    p99Ms: overall.p99Ms,
    missedStarts: outcome.stats.missedStarts,
  };
}

async function single(job: SingleJob): Promise<ReplayFigures> {
  const urls = { users: job.url, bands: job.url, catalog: job.url, tours: job.url };
  const model: LoadModel =
    job.model.kind === "closed"
      ? // Every user at once: the spawn ramp is not what is measured here.
        { kind: "closed", users: job.model.users, spawnRate: job.model.users * 1000 }
      : { kind: "open", rate: job.model.rate, maxUsers: job.model.maxUsers };
  const run = startRun({
    model,
    runTimeMs: job.runTimeMs,
    timeoutMs: TIMEOUT_MS,
    scenario: singleRequestScenario({ service: "bands", method: "GET", path: job.path }),
    http: new HttpClient(urls, { timeoutMs: TIMEOUT_MS, headers: job.headers }),
    clock: monotonicClock,
    think: () => 0,
  });
  return figuresOf(await run.done);
}

async function festival(job: FestivalJob): Promise<FestivalFigures> {
  const emulator = await startEmbeddedEmulator({ fixtures: job.fixtures });
  try {
    const answer = await fetchToken(`${emulator.authUrl}/token`, TIMEOUT_MS);
    if ("problem" in answer) throw new Error(answer.problem);
    const problem = await preflight(emulator.urls, answer.token, TIMEOUT_MS);
    if (problem) throw new Error(problem);

    const memory: MemorySample[] = [];
    const openedAt = performance.now();
    const sample = () =>
      memory.push({
        atMs: Math.round(performance.now() - openedAt),
        replayerMb: process.memoryUsage.rss() / 2 ** 20,
        emulatorMb: rssMbOf(emulator.pid),
      });
    const replayerCpu = process.cpuUsage();
    const emulatorCpuMs = cpuMsOf(emulator.pid);
    sample();
    const sampler = setInterval(sample, 1000);
    const run = startRun({
      model: { kind: "closed", users: job.users, spawnRate: 10 },
      runTimeMs: job.runTimeMs,
      timeoutMs: TIMEOUT_MS,
      scenario: festivalScenario({ seed: 7, runId: "bench", tags: null, calendar: () => Date.now() }),
      http: new HttpClient(emulator.urls, {
        timeoutMs: TIMEOUT_MS,
        headers: { authorization: `Bearer ${answer.token}`, accept: "application/json" },
      }),
      clock: monotonicClock,
      think: () => 0,
    });
    const outcome = await run.done;
    clearInterval(sampler);
    const cpu = process.cpuUsage(replayerCpu);
    const emulatorCpu = cpuMsOf(emulator.pid) - emulatorCpuMs;
    sample();
    const reasons = [...outcome.stats.overall().failuresByReason].map(([reason, tally]) => ({
      reason,
      count: tally.count,
    }));
    return {
      ...figuresOf(outcome),
      replayerCpuMs: (cpu.user + cpu.system) / 1000,
      emulatorCpuMs: emulatorCpu,
      memory,
      failureReasons: reasons,
    };
  } finally {
    await emulator.stop();
  }
}

serveJobs<ReplayerJob>((job) => (job.kind === "single" ? single(job) : festival(job)));
