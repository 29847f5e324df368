/**
 * Rows 1 and 2: the emulator against a bare node:http server answering its captured bytes, both
 * loaded by autocannon with 50 connections, alternating in short rounds.
 */
import { alternate } from "../alternate.js";
import { atLeast, below, median, ratio, verdict } from "../figures.js";
import type { LoadJob, LoadResult } from "../jobs.js";
import type { Lab } from "../lab.js";
import { CONNECTIONS, ROUND_SECONDS, ROUNDS, WARMUP_SECONDS, type Row, type RowContext } from "../row.js";
import { formatCount, formatFixed } from "../table.js";

interface Comparison {
  warmup: { emulator: LoadResult; bare: LoadResult };
  emulator: LoadResult[];
  bare: LoadResult[];
  order: ("a" | "b")[];
}

async function compare(lab: Lab, job: (url: string) => LoadJob, emulatorUrl: string): Promise<Comparison> {
  const bareUrl = await lab.bare();
  const warm = (url: string) => lab.load({ ...job(url), durationS: WARMUP_SECONDS });
  const warmup = { emulator: await warm(emulatorUrl), bare: await warm(bareUrl) };
  const rounds = await alternate(
    ROUNDS,
    () => lab.load(job(bareUrl)),
    () => lab.load(job(emulatorUrl)),
  );
  return { warmup, bare: rounds.a, emulator: rounds.b, order: rounds.order };
}

function rpsOf(results: readonly LoadResult[]): number {
  return median(results.map((result) => result.rps));
}

function non2xxNote(results: readonly LoadResult[]): string {
  const bad = results.reduce((sum, result) => sum + result.non2xx + result.errors, 0);
  return bad > 0 ? ` (${formatCount(bad)} non-2xx/errors)` : "";
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
    const measured = await compare(lab, job, emulator.urls.bands);
    const emuRps = rpsOf(measured.emulator);
    const bareRps = rpsOf(measured.bare);
    const emuP99 = median(measured.emulator.map((result) => result.p99Ms));
    const bareP99 = median(measured.bare.map((result) => result.p99Ms));
    const rpsRatio = ratio(emuRps, bareRps);
    return {
      samples: measured,
      summary: { emulatorRps: emuRps, bareRps, ratio: rpsRatio, emulatorP99Ms: emuP99, bareP99Ms: bareP99 },
      lines: [
        {
          id: "1",
          what: "emulator `GET /api/bands`, 50 conn., auth on",
          figure: `${formatCount(emuRps)} req/s${non2xxNote(measured.emulator)}`,
          reference: `${formatCount(bareRps)} req/s bare node:http`,
          ratio: formatFixed(rpsRatio, 2),
          target: bandsTarget.text,
          met: verdict(bandsTarget, rpsRatio),
        },
        {
          id: "1",
          what: "… its p99 latency",
          figure: `${formatFixed(emuP99, 0)} ms`,
          reference: `${formatFixed(bareP99, 0)} ms bare`,
          ratio: "—",
          target: p99Target.text,
          met: verdict(p99Target, emuP99),
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
    const measured = await compare(lab, job, emulator.urls.users);
    const emuRps = rpsOf(measured.emulator);
    const bareRps = rpsOf(measured.bare);
    const rpsRatio = ratio(emuRps, bareRps);
    return {
      samples: measured,
      summary: { emulatorRps: emuRps, bareRps, ratio: rpsRatio },
      lines: [
        {
          id: "2",
          what: "emulator `POST /api/managers`, unique bodies",
          figure: `${formatCount(emuRps)} req/s${non2xxNote(measured.emulator)}`,
          reference: `${formatCount(bareRps)} req/s bare node:http`,
          ratio: formatFixed(rpsRatio, 2),
          target: managersTarget.text,
          met: verdict(managersTarget, rpsRatio),
        },
      ],
    };
  },
};
