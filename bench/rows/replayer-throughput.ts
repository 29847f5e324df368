/**
 * Row 3: the replayer's engine (one name, 50 users without think time) against autocannon with
 * 50 connections, both loading the same bare server, alternating in short rounds. The replayer's
 * figure is the requests/s it reports itself.
 */
import { alternate } from "../alternate.js";
import { atLeast, median, pairedRatios, verdict } from "../figures.js";
import type { LoadResult, ReplayFigures, SingleJob } from "../jobs.js";
import { CONNECTIONS, ROUND_SECONDS, ROUNDS, WARMUP_SECONDS, type Row, type RowContext } from "../row.js";
import { formatCount, formatFixed } from "../table.js";

const target = atLeast(0.8);

export const replayerThroughputRow: Row = {
  id: 3,
  title: "replayer vs autocannon against the bare server",
  plannedSeconds: 2 * (WARMUP_SECONDS + ROUNDS * ROUND_SECONDS),
  async run({ lab }: RowContext) {
    const { headers } = await lab.emulator();
    const { url } = await lab.bare();
    const replayerJob = (seconds: number): SingleJob => ({
      kind: "single",
      url,
      path: "/api/bands",
      headers,
      model: { kind: "closed", users: CONNECTIONS },
      runTimeMs: seconds * 1000,
    });
    const autocannonJob = (seconds: number) =>
      lab.load({
        url: `${url}/api/bands`,
        method: "GET",
        headers,
        connections: CONNECTIONS,
        durationS: seconds,
      });
    const warmup = {
      replayer: await lab.replay<ReplayFigures>(replayerJob(WARMUP_SECONDS)),
      autocannon: await autocannonJob(WARMUP_SECONDS),
    };
    const rounds = await alternate<LoadResult, ReplayFigures>(
      ROUNDS,
      () => autocannonJob(ROUND_SECONDS),
      () => lab.replay<ReplayFigures>(replayerJob(ROUND_SECONDS)),
    );
    const replayerRps = median(rounds.b.map((figures) => figures.rps));
    const autocannonRps = median(rounds.a.map((result) => result.rps));
    const ratios = pairedRatios(
      rounds.b.map((figures) => figures.rps),
      rounds.a.map((result) => result.rps),
    );
    const rpsRatio = median(ratios);
    const failures = rounds.b.reduce((sum, figures) => sum + figures.failures, 0);
    return {
      samples: { warmup, replayer: rounds.b, autocannon: rounds.a, order: rounds.order, ratios },
      summary: { replayerRps, autocannonRps, ratio: rpsRatio, failures },
      lines: [
        {
          id: "3",
          what: "replayer against the bare server, one name, 50 users",
          figure: `${formatCount(replayerRps)} req/s${failures > 0 ? ` (${formatCount(failures)} failed)` : ""}`,
          reference: `${formatCount(autocannonRps)} req/s autocannon`,
          ratio: formatFixed(rpsRatio, 2),
          target: target.text,
          met: verdict(target, rpsRatio),
        },
      ],
    };
  },
};
