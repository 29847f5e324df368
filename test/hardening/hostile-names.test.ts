/**
 * Hostile names and bodies end to end. A target whose error answers carry ProblemDetail titles
 * and bodies full of markup, quotes, commas, newlines, control characters and lone surrogates
 * (they become failure reasons and example bodies), replayed by the CLI; and a run whose route
 * names are hostile, as names read from recorded traffic could be. Every output they write must
 * stay parseable by a strict reader and the report's structure untouched (check-outputs.ts).
 * test/replayer/ covers the writers one by one on seeded results.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { showUnprintable } from "../../replayer/report/format.js";
import { buildResults, type RunMeta } from "../../replayer/report/results.js";
import { writeOutputs } from "../../replayer/report/write-outputs.js";
import type { Scenario, Sender } from "../../replayer/engine/scenario.js";
import type { RouteName } from "../../replayer/stats/stats-collector.js";
import { DEFAULT_THRESHOLDS } from "../../replayer/verdict/thresholds.js";
import { launchChromium } from "../helpers/chromium.js";
import { spawnCli } from "../replayer/helpers/cli.js";
import { runAgainst } from "../replayer/helpers/run-engine.js";
import { answerEverything, startServer, type TestServer } from "../replayer/helpers/servers.js";
import { checkOutputs } from "./hostile-names/check-outputs.js";

const HOSTILE_TEXTS = [
  '</td></tr></table><script>alert("x")</script>',
  `"quoted", 'single', a,b;c`,
  "line\nbreak\r\nand\ttab",
  "\u0000nul \u0007bell \u001b[31mred\u001b[0m \u007fdel",
  "<![CDATA[ x ]]> & &amp; &#x41; ]]> <!-- -->",
  "emoji 🎸 and a lone \ud800 surrogate",
  "\u2028line and paragraph\u2029 separators, \ufeffBOM",
  '=HYPERLINK("http://evil.example","click")',
];

/** What the replayer makes of a ProblemDetail title (session.ts: status, phrase, title). */
const reasonFor = (title: string) => `HTTP 400 Bad Request: ${title.slice(0, 120)}`;

describe("hostile names and bodies in every output", function () {
  this.timeout(60_000);
  let browser: Browser;
  let folder: string;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => browser.close());
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-hostile-"));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  describe("from a target's error answers (replay CLI)", () => {
    let server: TestServer;
    before(async () => {
      const counter = { requests: 0 };
      const good = answerEverything(counter);
      server = await startServer((req, res) => {
        const n = counter.requests + 1;
        if (n <= 4 || n % 3 !== 0) return good(req, res);
        counter.requests = n;
        const title = HOSTILE_TEXTS[n % HOSTILE_TEXTS.length] as string;
        req.resume();
        res.writeHead(400, { "content-type": "application/problem+json" });
        res.end(
          JSON.stringify({
            type: "about:blank",
            title,
            status: 400,
            detail: `${title} ${"\u0001".repeat(3)}`,
            instance: req.url,
          }),
        );
      });
    });
    after(async () => server.close());

    it("keeps the report valid HTML and the CSV, JSON and XML parseable, with every reason shown as text", async () => {
      const url = server.url;
      const run = spawnCli(
        [
          "--target",
          "real",
          "--user-url",
          url,
          "--band-url",
          url,
          "--catalog-url",
          url,
          "--tour-url",
          url,
          "--token",
          "t",
        ].concat([
          "--users",
          "4",
          "--spawn-rate",
          "100",
          "--run-time",
          "1000ms",
          "--output",
          folder,
          "--json",
        ]),
      );
      const done = await run.done;
      assert.ok(done.code === 0 || done.code === 1, `exit ${done.code}: ${done.stderr}`);
      JSON.parse(done.stdout);
      const { results, cellTexts } = await checkOutputs(browser, folder);
      const reasons = new Set(results.endpoints.flatMap((e) => e.failuresByReason.map((r) => r.reason)));
      for (const title of HOSTILE_TEXTS) {
        assert.ok(
          reasons.has(reasonFor(title)),
          `reason for ${JSON.stringify(title)} round-trips through results.json`,
        );
        // HTML turns CR LF into LF and shows control characters as \\u escapes.
        assert.ok(
          cellTexts.includes(showUnprintable(reasonFor(title)).replace(/\r\n?/g, "\n")),
          `shown: ${JSON.stringify(title)}`,
        );
      }
    });
  });

  it("from hostile route names, as recorded traffic could name them (engine and writers)", async () => {
    const server = await startServer((req, res) => {
      req.resume();
      const title = HOSTILE_TEXTS[(req.url?.length ?? 0) % HOSTILE_TEXTS.length] as string;
      res.writeHead(req.url === "/ok" ? 200 : 400, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ title, body: title }));
    });
    try {
      const services = ["users", "bands", "catalog", "tours"] as const;
      const routes: RouteName[] = HOSTILE_TEXTS.map((text, i) => ({
        name: `${text} [GET]`,
        method: "GET",
        service: services[i % 4]!,
      }));
      const scenario: Scenario = {
        routes,
        createUser: () => ({
          async iterate(sender: Sender) {
            for (const [i, route] of routes.entries())
              await sender.send({ route, path: i % 2 === 0 ? "/ok" : `/fail/${"x".repeat(i)}` });
            return true;
          },
        }),
      };
      const outcome = await runAgainst(server.url, scenario, {
        model: { kind: "closed", users: 2, spawnRate: 1000 },
        runTimeMs: 400,
      }).done;
      const meta: RunMeta = {
        runId: "hostile",
        timestamp: "20250601_120000",
        startedAt: "2025-06-01T12:00:00.000Z",
        target: "real",
        model: "closed",
        users: 2,
        spawnRate: 1000,
        rate: null,
        runTimeMs: 400,
        tags: null,
        thinkMs: { min: 0, max: 0 },
        seed: 1,
        timeoutMs: 2000,
      };
      await writeOutputs(
        buildResults(outcome, meta, DEFAULT_THRESHOLDS, ["users", "bands", "catalog", "tours"]),
        folder,
      );
      const { results, cellTexts } = await checkOutputs(browser, folder);
      assert.deepEqual(results.endpoints.map((e) => e.name).sort(), routes.map((r) => r.name).sort());
      for (const route of routes)
        assert.ok(
          cellTexts.includes(showUnprintable(route.name).replace(/\r\n?/g, "\n")),
          `name shown: ${JSON.stringify(route.name)}`,
        );
      assert.ok(results.overall.failures > 0 && results.overall.failures < results.overall.requests);
    } finally {
      await server.close();
    }
  });
});
