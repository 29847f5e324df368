/**
 * Every output of a run read back with a strict reader: results.json and latest_summary.json
 * with JSON.parse, the CSV with an RFC 4180 parser, junit.xml with Chromium's XML parser (which
 * reports any error as a parsererror document), and the HTML report loaded in Chromium — its
 * element structure must be exactly that of the same report with every hostile string replaced
 * by a tame one, so no name, reason or body can have added, closed or removed an element.
 */
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { renderHtmlReport } from "../../../replayer/report/html-report.js";
import type { Results } from "../../../replayer/report/results.js";
import { parseCsv } from "../../replayer/helpers/csv-parse.js";

/** Characters that break a writer that does not escape: markup, quotes, separators, controls. */
// eslint-disable-next-line no-control-regex
const HOSTILE = /[<>&"',;\n\r\t\u0000-\u001f\u007f\u2028\u2029\ud800-\udfff]|[^\u0000-\u007f]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The same results with every string that holds a hostile character replaced by a tame one. */
function tame(value: unknown): unknown {
  if (typeof value === "string") return HOSTILE.test(value) ? "tame" : value;
  if (Array.isArray(value)) return value.map(tame);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tame(v)]));
  return value;
}

async function structureOf(
  browser: Browser,
  path: string,
): Promise<{ tags: Record<string, number>; errors: string[]; texts: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(pathToFileURL(path).href);
  const tags = (await page.evaluate(
    "(() => { const n = {}; for (const el of document.querySelectorAll('*')) n[el.tagName] = (n[el.tagName] ?? 0) + 1; return n; })()",
  )) as Record<string, number>;
  const texts = await page.$$eval("td, pre", (cells) => cells.map((cell) => cell.textContent ?? ""));
  await page.close();
  return { tags, errors, texts };
}

async function parseXml(browser: Browser, xml: string): Promise<{ errors: number; cases: number }> {
  const page = await browser.newPage();
  const parsed = (await page.evaluate(`(() => {
    const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, "application/xml");
    return { errors: doc.getElementsByTagName("parsererror").length, cases: doc.getElementsByTagName("testcase").length };
  })()`)) as { errors: number; cases: number };
  await page.close();
  return parsed;
}

/** Reads every output in `folder` strictly; returns what the report shows as cell texts. */
export async function checkOutputs(
  browser: Browser,
  folder: string,
): Promise<{ results: Results; cellTexts: string[] }> {
  const files = await readdir(folder);
  const named = (prefix: string) => join(folder, files.find((file) => file.startsWith(prefix)) as string);
  const results = JSON.parse(await readFile(named("results.json"), "utf8")) as Results;
  const summary = JSON.parse(await readFile(named("latest_summary.json"), "utf8")) as {
    endpoints: Record<string, unknown>;
  };
  assert.deepEqual(Object.keys(summary.endpoints).sort(), results.endpoints.map((e) => e.name).sort());

  const rows = parseCsv(await readFile(named("stats_"), "utf8"));
  assert.equal(rows.length, results.endpoints.length + 2);
  assert.ok(rows.every((row) => row.length === 22));
  // UTF-8 cannot carry a lone surrogate: the CSV holds U+FFFD in its place (JSON escapes it).
  const encodable = (name: string) => name.replace(LONE_SURROGATE, "\ufffd");
  assert.deepEqual(
    rows.slice(1, -1).map((row) => row[1]),
    results.endpoints.map((e) => encodable(e.name)),
  );

  const xml = await parseXml(browser, await readFile(named("junit.xml"), "utf8"));
  assert.deepEqual(xml, { errors: 0, cases: results.verdict.checks.length });

  const report = await structureOf(browser, named("report_"));
  const twinPath = join(folder, "tame-twin.html");
  await writeFile(twinPath, renderHtmlReport(tame(results) as Results), "utf8");
  const twin = await structureOf(browser, twinPath);
  assert.deepEqual(report.tags, twin.tags, "the hostile strings changed the report's element structure");
  assert.equal(report.tags.SCRIPT ?? 0, 0);
  assert.deepEqual(report.errors, []);
  return { results, cellTexts: report.texts };
}
