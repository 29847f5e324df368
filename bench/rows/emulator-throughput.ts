/**
 * Rows 1 and 2: the emulator against a bare node:http server answering its captured bytes, both
 * loaded by autocannon with 50 connections, alternating in short rounds. Each round also takes
 * the server's CPU time per request from /proc, which a busy machine disturbs less than req/s.
 */
import { alternate } from "../alternate.js";
import { atLeast, below, median, pairedRatios, verdict } from "../figures.js";
import type { LoadJob, LoadResult } from "../jobs.js";
import type { Lab, Server } from "../lab.js";
import { cpuMsOf } from "../machine.js";
import { CONNECTIONS, ROUND_SECONDS, ROUNDS, WARMUP_SECONDS, type Row, type RowContext } from "../row.js";
import { formatCount, formatFixed } from "../table.js";

interface Measured extends LoadResult {
  /** CPU time the server spent per request answered, µs. */
  readonly serverCpuUs: number;
}

interface Comparison {
  warmup: { emulator: Measured; bare: Measured };
  emulator: Measured[];
  bare: Measured[];
  order: ("a" | "b")[];
  ratios: number[];
}

async function measure(lab: Lab, job: LoadJob, server: Server): Promise<Measured> {
  const before = cpuMsOf(server.pid);
  const result = await lab.load(job);
  const cpuMs = cpuMsOf(server.pid) - before;
  return { ...result, serverCpuUs: result.requests > 0 ? (cpuMs * 1000) / result.requests : Number.NaN };
}

async function compare(lab: Lab, job: (url: string) => LoadJob, emulator: Server): Promise<Comparison> {
  const bare = await lab.bare();
  const warm = (server: Server) => measure(lab, { ...job(server.url), durationS: WARMUP_SECONDS }, server);
  const warmup = { emulator: await warm(emulator), bare: await warm(bare) };
  const rounds = await alternate(
    ROUNDS,
    () => measure(lab, job(bare.url), bare),
    () => measure(lab, job(emulator.url), emulator),
  );
  const ratios = pairedRatios(
    rounds.b.map((r) => r.rps),
    rounds.a.map((r) => r.rps),
  );
  return { warmup, bare: rounds.a, emulator: rounds.b, order: rounds.order, ratios };
}

function summarise(measured: Comparison) {
  const of = (results: readonly Measured[], pick: (r: Measured) => number) => median(results.map(pick));
  return {
    emulatorRps: of(measured.emulator, (r) => r.rps),
    bareRps: of(measured.bare, (r) => r.rps),
    ratio: median(measured.ratios),
    emulatorP99Ms: of(measured.emulator, (r) => r.p99Ms),
    bareP99Ms: of(measured.bare, (r) => r.p99Ms),
    emulatorCpuUsPerRequest: of(measured.emulator, (r) => r.serverCpuUs),
    bareCpuUsPerRequest: of(measured.bare, (r) => r.serverCpuUs),
  };
}

/** "9,070 req/s, 41 µs CPU/req": throughput and what each request cost the server. */
function throughput(rps: number, cpuUs: number): string {
  return `${formatCount(rps)} req/s, ${formatFixed(cpuUs, 0)} µs CPU/req`;
}

function non2xxNote(results: readonly LoadResult[]): string {
  const bad = results.reduce((sum, result) => sum + result.non2xx + result.errors, 0);
  return bad > 0 ? ` (${formatCount(bad)} non-2xx/errors)` : "";
}

/** The row's first line: the emulator's throughput against the bare server's, and their ratio. */
function ratioLine(
  id: string,
  what: string,
  measured: Comparison,
  summary: ReturnType<typeof summarise>,
  target: ReturnType<typeof atLeast>,
) {
  return {
    id,
    what,
    figure: `${throughput(summary.emulatorRps, summary.emulatorCpuUsPerRequest)}${non2xxNote(measured.emulator)}`,
    reference: `${throughput(summary.bareRps, summary.bareCpuUsPerRequest)}, bare node:http`,
    ratio: formatFixed(summary.ratio, 2),
    target: target.text,
    met: verdict(target, summary.ratio),
  };
}

const bandsTarget = atLeast(0.5);
const p99Target = below(10, "p99 < 10 ms");
const managersTarget = atLeast(0.35);

export const emulatorGetRow: Row = {
  id: 1,
  title: "emulator GET /api/bands vs bare node:http",
  plannedSeconds: 2 * (WARMUP_SECONDS + ROUNDS * ROUND_SECONDS) + 2,
  async run({ lab }: RowContext) {
    const { emulator, headers } = await lab.emulator();
    const job = (url: string): LoadJob => ({
      url: `${url}/api/bands`,
      method: "GET",
      headers,
      connections: CONNECTIONS,
      durationS: ROUND_SECONDS,
    });
    const measured = await compare(lab, job, { url: emulator.urls.bands, pid: emulator.pid });
    const summary = summarise(measured);
    return {
      samples: measured,
      summary,
      lines: [
        ratioLine("1", "emulator `GET /api/bands`, 50 conn., auth on", measured, summary, bandsTarget),
        {
          id: "1",
          what: "… its p99 latency",
          figure: `${formatFixed(summary.emulatorP99Ms, 0)} ms`,
          reference: `${formatFixed(summary.bareP99Ms, 0)} ms bare`,
          ratio: "—",
          target: p99Target.text,
          met: verdict(p99Target, summary.emulatorP99Ms),
        },
      ],
    };
  },
};

export const emulatorPostRow: Row = {
  id: 2,
  title: "emulator POST /api/managers (unique bodies) vs bare node:http",
  plannedSeconds: 2 * (WARMUP_SECONDS + ROUNDS * ROUND_SECONDS),
  async run({ lab }: RowContext) {
    const { emulator, headers } = await lab.emulator();
    const job = (url: string): LoadJob => ({
      url: `${url}/api/managers`,
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      connections: CONNECTIONS,
      durationS: ROUND_SECONDS,
      uniqueManagers: true,
    });
    const measured = await compare(lab, job, { url: emulator.urls.users, pid: emulator.pid });
    const summary = summarise(measured);
    return {
      samples: measured,
      summary,
      lines: [
        ratioLine("2", "emulator `POST /api/managers`, unique bodies", measured, summary, managersTarget),
      ],
    };
  },
};
