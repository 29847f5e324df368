/**
 * Rows 4 and 5: does the replayer measure and pace correctly? Row 4 compares the latency it
 * reports against a server that holds every request 50 ms with the hold times that server
 * measured itself; row 5 asks the open model for 2000 requests/s and compares what it reports.
 */
import { ratio, verdict, within } from "../figures.js";
import type { DelayJob, Listening, PlainJob, ReplayFigures, SingleJob, Timed } from "../jobs.js";
import { BenchChild } from "../rpc.js";
import { WARMUP_SECONDS, type Row, type RowContext } from "../row.js";
import { formatCount, formatFixed, formatSigned } from "../table.js";

const DELAY_MS = 50;
const TIMING_USERS = 50;
const TIMING_SECONDS = 2.5;
const OPEN_RATE = 2000;
const OPEN_SECONDS = 10;
/** Room for a 100 ms stall of the machine at 2000/s before an arrival finds no free user. */
const OPEN_MAX_USERS = 200;

const medianTarget = within(1, "within 1 ms");
const p99Target = within(0.05, "within 5 %");
const rateTarget = within(0.01, "within 1 %");

export const timingRow: Row = {
  id: 4,
  title: "replayer timing against a fixed 50 ms delay",
  plannedSeconds: WARMUP_SECONDS + 2 * TIMING_SECONDS + 1,
  async run({ lab }: RowContext) {
    const server = lab.own(BenchChild.start<DelayJob, Listening | Timed>("delay-server"));
    const plain = lab.own(BenchChild.start<PlainJob, Timed>("plain-client"));
    try {
      const { url } = (await server.run({ kind: "listen", delayMs: DELAY_MS })) as Listening;
      const job = (seconds: number): SingleJob => ({
        kind: "single",
        url,
        path: "/delayed",
        headers: { accept: "application/json" },
        model: { kind: "closed", users: TIMING_USERS },
        runTimeMs: seconds * 1000,
      });
      const held = () => server.run({ kind: "held" }) as Promise<Timed>;
      // A first short run warms both processes up; only the second one is compared.
      await lab.replay<ReplayFigures>(job(WARMUP_SECONDS));
      await held();
      const figures = await lab.replay<ReplayFigures>(job(TIMING_SECONDS));
      const heldForReplayer = await held();
      const client = await plain.run({
        url,
        path: "/delayed",
        users: TIMING_USERS,
        durationMs: TIMING_SECONDS * 1000,
      });
      const heldForClient = await held();
      const medianDiff = (figures.medianMs ?? Number.NaN) - heldForReplayer.medianMs;
      const p99Ratio = ratio(figures.p99Ms ?? Number.NaN, heldForReplayer.p99Ms);
      return {
        samples: {
          replayer: figures,
          server: heldForReplayer,
          plainClient: client,
          serverForPlainClient: heldForClient,
        },
        summary: {
          medianDiffMs: medianDiff,
          p99Ratio,
          nominalMs: DELAY_MS,
          plainClientMedianDiffMs: client.medianMs - heldForClient.medianMs,
          plainClientP99Ratio: ratio(client.p99Ms, heldForClient.p99Ms),
        },
        lines: [
          {
            id: "4",
            what: `replayer's median, ${DELAY_MS} ms server, ${TIMING_USERS} users`,
            figure: `${formatFixed(figures.medianMs ?? Number.NaN, 2)} ms`,
            reference: `${formatFixed(heldForReplayer.medianMs, 2)} ms held by the server`,
            ratio: formatSigned(medianDiff, 2, " ms"),
            target: medianTarget.text,
            met: verdict(medianTarget, medianDiff),
          },
          {
            id: "4",
            what: "… its p99",
            figure: `${formatFixed(figures.p99Ms ?? Number.NaN, 2)} ms`,
            reference: `${formatFixed(heldForReplayer.p99Ms, 2)} ms held`,
            ratio: formatFixed(p99Ratio, 3),
            target: p99Target.text,
            met: verdict(p99Target, p99Ratio - 1),
          },
          {
            id: "4",
            what: "… a plain node:http client instead (the machine's share)",
            figure: `${formatFixed(client.medianMs, 2)} / ${formatFixed(client.p99Ms, 2)} ms`,
            reference: `${formatFixed(heldForClient.medianMs, 2)} / ${formatFixed(heldForClient.p99Ms, 2)} ms held`,
            ratio: `${formatSigned(client.medianMs - heldForClient.medianMs, 2, " ms")} / ${formatFixed(ratio(client.p99Ms, heldForClient.p99Ms), 3)}`,
            target: "stated",
            met: null,
          },
        ],
      };
    } finally {
      await Promise.all([server.stop(), plain.stop()]);
    }
  },
};

export const openModelRow: Row = {
  id: 5,
  title: "open model at 2000 req/s for 10 s",
  plannedSeconds: OPEN_SECONDS + 1,
  async run({ lab }: RowContext) {
    const { headers } = await lab.emulator();
    const { url } = await lab.bare();
    const figures = await lab.replay<ReplayFigures>({
      kind: "single",
      url,
      path: "/api/bands",
      headers,
      model: { kind: "open", rate: OPEN_RATE, maxUsers: OPEN_MAX_USERS },
      runTimeMs: OPEN_SECONDS * 1000,
    });
    const rateRatio = ratio(figures.rps, OPEN_RATE);
    const missed = figures.missedStarts > 0 ? `, ${formatCount(figures.missedStarts)} missed starts` : "";
    return {
      samples: figures,
      summary: { rps: figures.rps, asked: OPEN_RATE, ratio: rateRatio },
      lines: [
        {
          id: "5",
          what: `open model, ${OPEN_RATE} req/s asked for ${OPEN_SECONDS} s, ≤ ${OPEN_MAX_USERS} users`,
          figure: `${formatFixed(figures.rps, 1)} req/s${missed}`,
          reference: `${formatCount(OPEN_RATE)} req/s asked`,
          ratio: formatFixed(rateRatio, 4),
          target: rateTarget.text,
          met: verdict(rateTarget, rateRatio - 1),
        },
      ],
    };
  },
};
