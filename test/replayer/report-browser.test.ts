import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { renderHtmlReport } from "../../replayer/report/html-report.js";
import { showUnprintable } from "../../replayer/report/format.js";
import { renderJunit } from "../../replayer/report/junit-report.js";
import { launchChromium } from "../helpers/chromium.js";
import {
  HOSTILE_BODY,
  HOSTILE_MISMATCH,
  HOSTILE_NAME,
  HOSTILE_REASON,
  seededRecordedResults,
  seededResults,
} from "./helpers/seeded-results.js";

describe("report in a real headless Chromium", function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let folder = "";

  before(async () => {
    browser = await launchChromium();
    folder = await mkdtemp(join(tmpdir(), "soundcheck-browser-"));
  });
  after(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("opens offline with its charts drawn, the hostile names shown as text, and no console error", async () => {
    const path = join(folder, "report.html");
    await writeFile(path, renderHtmlReport(seededResults()), "utf8");
    const page = await browser!.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path).href);

    const paths = await page.$$eval("figure.chart svg path", (elements) =>
      elements.map((el) => el.getAttribute("d") ?? ""),
    );
    assert.equal(paths.length, 5, "requests, failures, median, p95, users");
    assert.ok(
      paths.every((d) => /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/.test(d)),
      paths.join("\n"),
    );
    const drawn = (await page.evaluate(
      "[...document.querySelectorAll('figure.chart svg path')].map((path) => path.getTotalLength())",
    )) as number[];
    assert.ok(
      drawn.every((length) => length > 100),
      drawn.join(", "),
    );

    const names = await page.$$eval("td.name", (cells) => cells.map((cell) => cell.textContent ?? ""));
    // Shown as text, not markup; control characters made visible (HTML turns CR LF into LF).
    assert.ok(names.includes(showUnprintable(HOSTILE_NAME).replace(/\r\n/g, "\n")), names.join("\n"));
    const cellTexts = await page.$$eval("td, pre", (cells) => cells.map((cell) => cell.textContent ?? ""));
    assert.ok(cellTexts.includes(showUnprintable(HOSTILE_REASON)));
    assert.ok(cellTexts.includes(showUnprintable(HOSTILE_BODY)));
    assert.equal(await page.$$eval("script, img", (elements) => elements.length), 0);
    assert.equal(await page.title(), "soundcheck — SHOWCASE NEEDS IMPROVEMENT — 20250601_120000");
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [pathToFileURL(path).href], "nothing but the file itself is loaded");
    await page.close();
  });

  it("a recorded replay's report: the compare tables with hostile mismatches as text, no console error", async () => {
    const path = join(folder, "recorded.html");
    await writeFile(path, renderHtmlReport(seededRecordedResults()), "utf8");
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(path).href);
    assert.equal(await page.$$eval("figure.chart svg path", (elements) => elements.length), 5);
    const headings = await page.$$eval("h2, h3", (elements) => elements.map((el) => el.textContent ?? ""));
    assert.ok(headings.includes("Recorded traffic") && headings.includes("Compare with the recording"));
    assert.ok(headings.includes("First mismatching exchanges"));
    const texts = await page.$$eval("td, pre", (cells) => cells.map((cell) => cell.textContent ?? ""));
    assert.ok(texts.includes(showUnprintable(HOSTILE_MISMATCH)), texts.join("\n"));
    assert.ok(texts.includes("$.members: expected array, got null"));
    assert.equal(await page.$$eval("script, img, b", (elements) => elements.length), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("printed on A4 portrait, its tables and charts stay within the page's width", async () => {
    const path = join(folder, "print.html");
    await writeFile(path, renderHtmlReport(seededResults()), "utf8");
    // A4 less Chromium's default print margins, in CSS pixels.
    const page = await browser!.newPage({ viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    await page.goto(pathToFileURL(path).href);
    const widths = await page.$$eval("table, figure.chart svg", (elements) =>
      elements.map((el) => Math.ceil(el.getBoundingClientRect().right)),
    );
    assert.ok(widths.length > 0 && widths.every((right) => right <= 718), widths.join(", "));
    assert.equal(await page.evaluate("document.documentElement.scrollWidth"), 718);
    await page.close();
  });

  it("parses junit.xml with hostile reasons as well-formed XML", async () => {
    const page = await browser!.newPage();
    const xml = renderJunit(seededResults());
    const parsed = (await page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, "application/xml");
      return {
        error: doc.getElementsByTagName("parsererror").length,
        cases: doc.getElementsByTagName("testcase").length,
        out: doc.querySelector("testsuite > system-out")?.textContent ?? "",
      };
    })()`)) as { error: number; cases: number; out: string };
    assert.equal(parsed.error, 0);
    assert.equal(parsed.cases, 7);
    assert.ok(parsed.out.includes("<img src=x onerror=alert(1)> & \\u0007bell"), parsed.out);
    await page.close();
  });
});
