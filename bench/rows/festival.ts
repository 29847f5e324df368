/**
 * Rows 6 and 7: the Festival Season Rush, 50 users without think time, against the embedded
 * emulator — each in a fresh replayer process, so its memory starts from nothing. Row 6 states
 * the throughput and the CPU each process spent per 1000 requests; row 7 runs a minute and
 * watches both processes' resident memory.
 */
import { below, verdict } from "../figures.js";
import type { FestivalFigures, FestivalJob, MemorySample, ReplayerJob } from "../jobs.js";
import { BenchChild } from "../rpc.js";
import type { Row, RowContext } from "../row.js";
import { formatCount, formatFixed, formatSigned } from "../table.js";

const USERS = 50;
const FESTIVAL_SECONDS = 20;
const SOAK_SECONDS = 60;
/** Memory is compared from this far into the run: start-up, JIT and pools have settled by then. */
const WARMUP_MS = 10_000;

async function runFestival(context: RowContext, job: FestivalJob): Promise<FestivalFigures> {
  const replayer = context.lab.own(BenchChild.start<ReplayerJob, FestivalFigures>("replayer-load"));
  try {
    return await replayer.run(job);
  } finally {
    await replayer.stop();
  }
}

function failuresNote(figures: FestivalFigures): string {
  return figures.failures > 0 ? `, ${formatCount(figures.failures)} failed` : "";
}

export const festivalRow: Row = {
  id: 6,
  title: "festival run, 50 users, 20 s, embedded emulator",
  plannedSeconds: FESTIVAL_SECONDS + 3,
  async run(context: RowContext) {
    const figures = await runFestival(context, {
      kind: "festival",
      fixtures: null,
      users: USERS,
      runTimeMs: FESTIVAL_SECONDS * 1000,
    });
    const perThousand = (cpuMs: number) => (cpuMs / figures.requests) * 1000;
    const replayerCpu = perThousand(figures.replayerCpuMs);
    const emulatorCpu = perThousand(figures.emulatorCpuMs);
    return {
      samples: figures,
      summary: { rps: figures.rps, replayerCpuMsPer1000: replayerCpu, emulatorCpuMsPer1000: emulatorCpu },
      lines: [
        {
          id: "6",
          what: `festival run, ${USERS} users, ${FESTIVAL_SECONDS} s, embedded emulator`,
          figure: `${formatCount(figures.rps)} req/s${failuresNote(figures)}`,
          reference: "—",
          ratio: "—",
          target: "stated",
          met: null,
        },
        {
          id: "6",
          what: "… CPU per 1000 requests: replayer",
          figure: `${formatFixed(replayerCpu, 0)} ms`,
          reference: `${formatCount(figures.replayerCpuMs)} ms for ${formatCount(figures.requests)} req.`,
          ratio: "—",
          target: "stated",
          met: null,
        },
        {
          id: "6",
          what: "… CPU per 1000 requests: emulator",
          figure: `${formatFixed(emulatorCpu, 0)} ms`,
          reference: `${formatCount(figures.emulatorCpuMs)} ms for ${formatCount(figures.requests)} req.`,
          ratio: "—",
          target: "stated",
          met: null,
        },
      ],
    };
  },
};

/** The first sample at or after the warm-up, and the last one. */
export function memoryGrowth(samples: readonly MemorySample[], warmupMs: number) {
  const warm = samples.find((sample) => sample.atMs >= warmupMs) ?? samples[samples.length - 1];
  const last = samples[samples.length - 1];
  if (!warm || !last) return undefined;
  const peak = (pick: (s: MemorySample) => number) =>
    Math.max(...samples.filter((s) => s.atMs >= warm.atMs).map(pick));
  return {
    start: samples[0] as MemorySample,
    warm,
    last,
    replayerGrowthMb: last.replayerMb - warm.replayerMb,
    replayerPeakGrowthMb: peak((s) => s.replayerMb) - warm.replayerMb,
  };
}

const growthTarget = below(50, "grows < 50 MB");

export const soakRow: Row = {
  id: 7,
  title: "60 s at full speed: memory",
  plannedSeconds: SOAK_SECONDS + 3,
  async run(context: RowContext) {
    const figures = await runFestival(context, {
      kind: "festival",
      fixtures: "festival",
      users: USERS,
      runTimeMs: SOAK_SECONDS * 1000,
    });
    const growth = memoryGrowth(figures.memory, WARMUP_MS);
    if (!growth) throw new Error("no memory samples");
    const mb = (value: number) => formatFixed(value, 0, " MB");
    const warmS = Math.round(growth.warm.atMs / 1000);
    const lastS = Math.round(growth.last.atMs / 1000);
    return {
      samples: figures,
      summary: { ...growth, rps: figures.rps },
      lines: [
        {
          id: "7",
          what: `replayer RSS, festival ${SOAK_SECONDS} s at full speed`,
          figure: `${formatSigned(growth.replayerGrowthMb, 0, " MB")} (${mb(growth.last.replayerMb)} at ${lastS} s)`,
          reference: `${mb(growth.warm.replayerMb)} at ${warmS} s`,
          ratio: "—",
          target: growthTarget.text,
          met: verdict(growthTarget, growth.replayerGrowthMb),
        },
        {
          id: "7",
          what: "… emulator RSS, `--fixtures festival`",
          figure: `${mb(growth.start.emulatorMb)} → ${mb(growth.warm.emulatorMb)} → ${mb(growth.last.emulatorMb)}`,
          reference: `at 0 s → ${warmS} s → ${lastS} s`,
          ratio: "—",
          target: "stated",
          met: null,
        },
      ],
    };
  },
};
