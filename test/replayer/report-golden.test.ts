import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { renderStatsCsv } from "../../replayer/report/csv-report.js";
import { renderHtmlReport } from "../../replayer/report/html-report.js";
import { seededRecordedResults, seededResults } from "./helpers/seeded-results.js";

/**
 * The report of fixed, seeded results against files a reviewer can read in a diff. After an
 * intended change to the report, regenerate them with `UPDATE_GOLDEN=1 npm test` and review the
 * diff of test/golden/ before committing it.
 */
const GOLDEN_DIR = fileURLToPath(new URL("../../../test/golden/", import.meta.url));

async function compareWithGolden(file: string, actual: string): Promise<void> {
  const path = `${GOLDEN_DIR}${file}`;
  if (process.env.UPDATE_GOLDEN === "1") await writeFile(path, actual, "utf8");
  const expected = await readFile(path, "utf8");
  assert.ok(
    actual === expected,
    `${file} differs from the golden file; if intended, run UPDATE_GOLDEN=1 npm test`,
  );
}

describe("report against golden files", () => {
  it("renders the HTML report of the seeded results exactly as test/golden/report.html", async () => {
    await compareWithGolden("report.html", renderHtmlReport(seededResults()));
  });

  it("renders a recorded replay with --compare exactly as test/golden/report-recorded.html", async () => {
    await compareWithGolden("report-recorded.html", renderHtmlReport(seededRecordedResults()));
  });

  it("writes the stats CSV of the seeded results exactly as test/golden/stats.csv", async () => {
    await compareWithGolden("stats.csv", renderStatsCsv(seededResults()));
  });
});
