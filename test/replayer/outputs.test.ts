import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../../replayer/errors.js";
import { CSV_HEADER, csvField, renderStatsCsv } from "../../replayer/report/csv-report.js";
import { renderHtmlReport } from "../../replayer/report/html-report.js";
import { renderJunit, xmlEscape } from "../../replayer/report/junit-report.js";
import { renderLatestSummary } from "../../replayer/report/latest-summary.js";
import { rerenderReport } from "../../replayer/report/rerender.js";
import { renderVerdictText } from "../../replayer/report/text-summary.js";
import { writeOutputs } from "../../replayer/report/write-outputs.js";
import { parseCsv } from "./helpers/csv-parse.js";
import {
  HOSTILE_BODY,
  HOSTILE_NAME,
  HOSTILE_REASON,
  seededResults,
  UNUSED_NAME,
} from "./helpers/seeded-results.js";

describe("outputs", () => {
  const results = seededResults();

  describe("CSV", () => {
    const cases: [string, string][] = [
      ["plain", "plain"],
      ["a,b", '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ["two\nlines", '"two\nlines"'],
      ["cr\r", '"cr\r"'],
      ["bell\u0007", '"bell\u0007"'],
    ];
    for (const [input, expected] of cases)
      it(`quotes ${JSON.stringify(input)}`, () => assert.equal(csvField(input), expected));

    it("has Locust's header, one row per name with its method as Type, then None,Aggregated", () => {
      const rows = parseCsv(renderStatsCsv(results));
      assert.equal(
        rows[0]?.join(","),
        "Type,Name,# requests,# failures,Median response time,Average response time,Min response time,Max response time," +
          "Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%",
      );
      assert.deepEqual(rows[0], [...CSV_HEADER]);
      assert.equal(rows.length, results.endpoints.length + 2);
      assert.ok(rows.every((row) => row.length === 22));
      assert.deepEqual(
        rows.slice(1, -1).map((row) => `${row[0]} ${row[1]}`),
        results.endpoints.map((e) => `${e.method} ${e.name}`),
      );
      const last = rows[rows.length - 1] as string[];
      assert.deepEqual(last.slice(0, 4), [
        "None",
        "Aggregated",
        String(results.overall.requests),
        String(results.overall.failures),
      ]);
      assert.ok(
        rows.some((row) => row[1] === HOSTILE_NAME),
        "the hostile name round-trips exactly",
      );
    });

    it("writes n/a for a name without samples", () => {
      const rows = parseCsv(renderStatsCsv(results));
      const empty = rows.find((row) => row[1] === UNUSED_NAME);
      assert.deepEqual(empty?.slice(2, 8), ["0", "0", "n/a", "n/a", "n/a", "n/a"]);
      assert.equal(empty?.[21], "n/a");
    });
  });

  describe("XML", () => {
    const cases: [string, string][] = [
      ["a & b", "a &amp; b"],
      ["<tag attr=\"v\" x='y'>", "&lt;tag attr=&quot;v&quot; x=&apos;y&apos;&gt;"],
      ["bell\u0007 nul\u0000 esc\u001b", "bell\\u0007 nul\\u0000 esc\\u001b"],
      ["tab\tcr\rlf\n", "tab\tcr\rlf\n"],
      ["lone \ud800 surrogate, pair 🎸", "lone \\ud800 surrogate, pair 🎸"],
      ["\ufffe\uffff", "\\ufffe\\uffff"],
    ];
    for (const [input, expected] of cases)
      it(`escapes ${JSON.stringify(input)}`, () => assert.equal(xmlEscape(input), expected));

    it("has a test case per threshold and no character XML cannot carry", () => {
      const xml = renderJunit(results);
      assert.equal(xml.match(/<testcase /g)?.length, 7);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      assert.ok(xml.includes(xmlEscape(HOSTILE_REASON)));
      assert.ok(!xml.includes("<img"));
      assert.match(xml, /<testsuites name="soundcheck" tests="7" failures="4" skipped="0" time="20">/);
      assert.equal(xml.match(/<failure type="threshold" /g)?.length, 4);
    });
  });

  describe("JSON", () => {
    it("latest_summary.json has the original's keys and round-trips names", () => {
      const summary = JSON.parse(renderLatestSummary(results)) as Record<string, unknown>;
      assert.deepEqual(Object.keys(summary), [
        "total_requests",
        "failed_requests",
        "avg_response_time",
        "median_response_time",
        "95th_percentile",
        "endpoints",
        "services",
      ]);
      const services = summary.services as Record<string, Record<string, unknown>>;
      assert.deepEqual(Object.keys(services), [
        "band_management",
        "tour_management",
        "music_catalog",
        "user_service",
      ]);
      assert.deepEqual(Object.keys(services.band_management ?? {}), [
        "requests",
        "failures",
        "avg_time",
        "rps",
      ]);
      const endpoints = summary.endpoints as Record<string, Record<string, unknown>>;
      assert.deepEqual(Object.keys(endpoints[HOSTILE_NAME] ?? {}), [
        "requests",
        "failures",
        "median_response_time",
        "avg_response_time",
        "95th_percentile",
      ]);
      assert.equal(endpoints[UNUSED_NAME]?.median_response_time, null);
    });
  });

  describe("HTML", () => {
    it("escapes every name, reason and body (autoescape), and loads nothing from outside", () => {
      const html = renderHtmlReport(results);
      assert.ok(!html.includes("<script"), "no script at all, and none injected");
      assert.ok(!html.includes("<img"));
      assert.ok(html.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
      assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
      assert.ok(html.includes("&lt;/pre&gt;&lt;script&gt;document.title=1&lt;/script&gt;"));
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
      assert.ok(!html.includes("NaN") && !html.includes("Infinity") && !html.includes("undefined"));
      const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/; // eslint-disable-line no-control-regex
      assert.doesNotMatch(html, controls, "control characters are shown, not embedded");
      assert.ok(html.includes("next line\\u0001\\u001b[31m [GET]"));
    });

    it("renders 500 names and 10 minutes of series in well under a second", () => {
      const big = seededResults(7, 5);
      const endpoints = Array.from({ length: 500 }, (_, i) => ({
        ...big.endpoints[i % 6]!,
        name: `/api/name/${i} [GET]`,
      }));
      const series = Array.from({ length: 600 }, (_, second) => ({ ...big.series[second % 20]!, second }));
      const started = performance.now();
      const html = renderHtmlReport({ ...big, endpoints, series });
      const elapsed = performance.now() - started;
      assert.ok(html.includes("/api/name/499 [GET]"));
      assert.ok(elapsed < 1000, `${elapsed} ms`);
    });
  });

  it("prints each check with measured value, target and mark, then the headline", () => {
    const text = renderVerdictText(results);
    assert.match(text, /\n {2}✘ failure rate, all requests +1\.46 % +target ≤ 1 %\n/);
    assert.match(text, /\n {2}✔ average response time +4\.37 ms +target ≤ 500 ms\n/);
    assert.match(text, /\n {2}✔ music catalog throughput +40\.65 req\/s +target ≥ 30 req\/s\n/);
    assert.ok(text.trimEnd().endsWith("SHOWCASE NEEDS IMPROVEMENT"));
  });

  it("a check without a measured value shows n/a alone, no unit, in the text, junit and HTML", () => {
    const checks = results.verdict.checks.map((check) =>
      check.id === "p95-response" ? { ...check, measured: null, passed: false } : check,
    );
    const unmeasured = { ...results, verdict: { ...results.verdict, checks } };
    assert.match(
      renderVerdictText(unmeasured),
      /\n {2}✘ 95th percentile response time +n\/a +target ≤ 1000 ms\n/,
    );
    assert.ok(renderJunit(unmeasured).includes("measured n/a, target ≤ 1000 ms"));
    const html = renderHtmlReport(unmeasured);
    assert.ok(html.includes('<td class="n">n/a</td>'));
    assert.ok(!html.includes("n/a ms"));
  });

  it("writes every file of the output folder, and `replay report` renders the same HTML from results.json", async () => {
    const folder = await mkdtemp(join(tmpdir(), "soundcheck-out-"));
    try {
      const files = await writeOutputs(results, join(folder, "nested"));
      assert.deepEqual((await readdir(join(folder, "nested"))).sort(), [
        "junit.xml",
        "latest_summary.json",
        "report_20250601_120000.html",
        "results.json",
        "stats_20250601_120000.csv",
      ]);
      const original = await readFile(files.report, "utf8");
      const parsed = JSON.parse(await readFile(files.results, "utf8")) as typeof results;
      assert.ok(parsed.endpoints.some((endpoint) => endpoint.name === HOSTILE_NAME));
      assert.ok(parsed.endpoints.some((e) => e.failuresByReason.some((r) => r.example === HOSTILE_BODY)));
      const again = await rerenderReport(files.results, join(folder, "again.html"));
      assert.equal(await readFile(again, "utf8"), original);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("re-rendering: a results file missing a part, or an --out that cannot be written, is a usage error", async () => {
    const folder = await mkdtemp(join(tmpdir(), "soundcheck-bad-"));
    try {
      const cut = join(folder, "cut.json");
      const { meta: _meta, ...withoutMeta } = results;
      await writeFile(cut, JSON.stringify(withoutMeta));
      await assert.rejects(rerenderReport(cut, join(folder, "x.html")), (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.equal(
          error.message,
          `'${cut}' is not a complete soundcheck results file (attempted to output null or undefined value)`,
        );
        return true;
      });
      const whole = join(folder, "results.json");
      await writeFile(whole, JSON.stringify(results));
      const out = join(whole, "report.html");
      await assert.rejects(rerenderReport(whole, out), (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.equal(error.message, `--out: cannot write '${out}' (ENOTDIR)`);
        return true;
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("refuses to re-render a file that is not a results file", async () => {
    const folder = await mkdtemp(join(tmpdir(), "soundcheck-bad-"));
    try {
      const path = join(folder, "x.json");
      await import("node:fs/promises").then((fs) => fs.writeFile(path, '{"hello": 1}'));
      await assert.rejects(rerenderReport(path, undefined), /is not a soundcheck results file/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
