import { constants } from "node:fs";
import { access, mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
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
  await makeOutputFolder(folder);
  for (const [path, text] of contents) await writeFile(path, text, "utf8");
  return files;
}

/**
 * Makes `folder` (and its missing parents) and checks it can be written, so that a run whose
 * outputs could not be kept is refused before it starts. Each missing level is made on its own:
 * mkdir's recursive mode never returns for a path under /proc (it retries ENOENT forever).
 */
export async function makeOutputFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let path = resolve(folder); !(await exists(path)); path = dirname(path)) {
    missing.unshift(path);
    if (dirname(path) === path) break;
  }
  for (const level of missing) await mkdir(level);
  if (!(await stat(folder)).isDirectory()) {
    throw Object.assign(new Error(`not a directory: '${folder}'`), { code: "ENOTDIR" });
  }
  await access(folder, constants.W_OK);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
