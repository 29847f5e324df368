#!/usr/bin/env node
/**
 * `npm run bench`: every row of the performance table in one run on 127.0.0.1, each figure
 * beside a reference measured in the same run. It prints the table, writes bench-results.json
 * and exits 0 whether or not the targets are met: it measures, it does not judge.
 *
 *   node dist/bench/main.js [--only 1,3,8] [--out FILE]
 */
import { writeFileSync } from "node:fs";
import { Lab } from "./lab.js";
import { loadAverage, machineFacts, machineLine } from "./machine.js";
import type { Row, RowResult } from "./row.js";
import { emulatorGetRow, emulatorPostRow } from "./rows/emulator-throughput.js";
import { festivalRow, soakRow } from "./rows/festival.js";
import { renderRow } from "./rows/render.js";
import { replayerThroughputRow } from "./rows/replayer-throughput.js";
import { openModelRow, timingRow } from "./rows/replayer-timing.js";
import { renderTable } from "./table.js";

const ROWS: readonly Row[] = [
  emulatorGetRow,
  emulatorPostRow,
  replayerThroughputRow,
  timingRow,
  openModelRow,
  festivalRow,
  soakRow,
  renderRow,
];

export const NOISE_NOTE =
  "The machine is shared and the figures are noisy: compare the ratios within one run " +
  "(reference and subject alternate in short rounds), not absolute figures across runs.";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function selectedRows(): readonly Row[] {
  const only = option("--only");
  if (!only) return ROWS;
  const ids = new Set(only.split(",").map(Number));
  return ROWS.filter((row) => ids.has(row.id));
}

async function runRow(row: Row, lab: Lab, log: (line: string) => void): Promise<RowResult> {
  const started = performance.now();
  log(`row ${row.id}: ${row.title} (about ${Math.round(row.plannedSeconds)} s)`);
  try {
    const result = await row.run({ lab, log });
    return { id: row.id, title: row.title, ...result, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`row ${row.id} failed: ${message}`);
    return {
      id: row.id,
      title: row.title,
      samples: null,
      summary: {},
      seconds: (performance.now() - started) / 1000,
      error: message,
      lines: [
        {
          id: String(row.id),
          what: row.title,
          figure: `error: ${message}`,
          reference: "—",
          ratio: "—",
          target: "—",
          met: false,
        },
      ],
    };
  }
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const rows = selectedRows();
  const machine = machineFacts();
  const planned = rows.reduce((sum, row) => sum + row.plannedSeconds, 0);
  log(`${rows.length} rows, about ${Math.round(planned)} s of measuring; ${machineLine(machine)}`);
  const started = performance.now();
  const lab = new Lab();
  const results: RowResult[] = [];
  try {
    for (const row of rows) results.push(await runRow(row, lab, log));
  } finally {
    await lab.close();
  }
  machine.loadAverageEnd = loadAverage();
  const seconds = (performance.now() - started) / 1000;
  const table = renderTable(results.flatMap((result) => result.lines));
  process.stdout.write(
    `\n${table}\n\n${machineLine(machine)}; ${seconds.toFixed(0)} s in all.\n${NOISE_NOTE}\n`,
  );
  const out = option("--out") ?? "bench-results.json";
  const file = {
    schema: "soundcheck-bench/1",
    startedAt: new Date(Date.now() - seconds * 1000).toISOString(),
    seconds,
    machine,
    note: NOISE_NOTE,
    table,
    rows: results,
  };
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, "utf8");
  log(`wrote ${out}`);
}

await main();
// Measuring never fails the command; a lingering socket must not keep it alive either.
process.exit(0);
