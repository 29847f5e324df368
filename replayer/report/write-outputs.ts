import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderStatsCsv } from "./csv-report.js";
import { renderHtmlReport } from "./html-report.js";
import { renderJunit } from "./junit-report.js";
import { renderLatestSummary } from "./latest-summary.js";
import type { Results } from "./results.js";

export interface OutputFiles {
  readonly report: string;
  readonly results: string;
  readonly latestSummary: string;
  readonly csv: string;
  readonly junit: string;
}

export function reportFileName(results: Results): string {
  return `report_${results.meta.timestamp}.html`;
}

/** Every output of a run, into `folder` (created if missing). Each file is rendered before any is written. */
export async function writeOutputs(results: Results, folder: string): Promise<OutputFiles> {
  const files: OutputFiles = {
    report: join(folder, reportFileName(results)),
    results: join(folder, "results.json"),
    latestSummary: join(folder, "latest_summary.json"),
    csv: join(folder, `stats_${results.meta.timestamp}.csv`),
    junit: join(folder, "junit.xml"),
  };
  const contents: [string, string][] = [
    [files.results, `${JSON.stringify(results, null, 2)}\n`],
    [files.latestSummary, renderLatestSummary(results)],
    [files.csv, renderStatsCsv(results)],
    [files.junit, renderJunit(results)],
    [files.report, renderHtmlReport(results)],
  ];
  await mkdir(folder, { recursive: true });
  for (const [path, text] of contents) await writeFile(path, text, "utf8");
  return files;
}
