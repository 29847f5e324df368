/**
 * Row 8: `replay report` on a results file of 500 names and 10 minutes of series, each time in
 * a fresh process (as a user runs it), timed from reading the file to writing the HTML.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { below, median, verdict } from "../figures.js";
import { processScript } from "../rpc.js";
import type { Row } from "../row.js";
import { syntheticResults } from "../synthetic-results.js";
import { formatFixed } from "../table.js";

const NAMES = 500;
const SECONDS = 600;
const RENDERS = 3;
const target = below(1000, "< 1 s");

async function renderOnce(resultsPath: string, outPath: string): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    processScript("render-report"),
    resultsPath,
    outPath,
  ]);
  return (JSON.parse(stdout) as { ms: number }).ms;
}

export const renderRow: Row = {
  id: 8,
  title: "render a results file: 500 names, 10 minutes of series",
  plannedSeconds: 3,
  async run() {
    const folder = await mkdtemp(join(tmpdir(), "soundcheck-bench-"));
    try {
      const resultsPath = join(folder, "results.json");
      const outPath = join(folder, "report.html");
      const results = syntheticResults(NAMES, SECONDS);
      await writeFile(resultsPath, JSON.stringify(results), "utf8");
      const renders: number[] = [];
      for (let i = 0; i < RENDERS; i++) renders.push(await renderOnce(resultsPath, outPath));
      const ms = median(renders);
      const sizes = { resultsBytes: (await stat(resultsPath)).size, reportBytes: (await stat(outPath)).size };
      return {
        samples: { renderMs: renders, ...sizes },
        summary: { medianMs: ms, ...sizes },
        lines: [
          {
            id: "8",
            what: `render a results file: ${NAMES} names, ${SECONDS / 60} min of series`,
            figure: `${formatFixed(ms, 0)} ms`,
            reference: `${formatFixed(sizes.reportBytes / 2 ** 20, 1)} MB of HTML`,
            ratio: "—",
            target: target.text,
            met: verdict(target, ms),
          },
        ],
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  },
};
