import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { UsageError } from "../errors.js";
import { renderHtmlReport } from "./html-report.js";
import { RESULTS_SCHEMA, type Results } from "./results.js";
import { reportFileName } from "./write-outputs.js";

/** `replay report results.json`: the HTML again from a results file, without a run. */
export async function rerenderReport(resultsPath: string, outPath: string | undefined): Promise<string> {
  let results: Results;
  try {
    results = JSON.parse(await readFile(resultsPath, "utf8")) as Results;
  } catch (error) {
    throw new UsageError(`cannot read '${resultsPath}' as JSON: ${(error as Error).message}`);
  }
  if (!results || results.schema !== RESULTS_SCHEMA) {
    throw new UsageError(`'${resultsPath}' is not a soundcheck results file (schema ${RESULTS_SCHEMA})`);
  }
  // Results written before recorded traffic could be replayed have none of its fields: festival runs.
  results = {
    ...results,
    traffic: results.traffic ?? { kind: "festival" },
    compare: results.compare ?? null,
    recordedTo: results.recordedTo ?? null,
  };
  let html: string;
  let target: string;
  try {
    target = outPath ?? join(dirname(resultsPath), reportFileName(results));
    html = renderHtmlReport(results);
  } catch (error) {
    // A results file cut short or edited by hand lacks what the template reads.
    const why = ((error as Error).message.split("\n").pop() ?? "").trim();
    throw new UsageError(`'${resultsPath}' is not a complete soundcheck results file (${why})`);
  }
  try {
    await writeFile(target, html, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`${outPath === undefined ? "" : "--out: "}cannot write '${target}' (${code})`);
  }
  return target;
}
