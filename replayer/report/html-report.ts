import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { SERVICE_LABELS, SERVICES } from "../services.js";
import { lineChart, type Chart } from "./charts.js";
import { formatCount, formatFixed, formatNumber, showUnprintable, withUnit } from "./format.js";
import { notJudgedReason } from "./recorded-text.js";
import { compareView, recordedView, type CompareView, type RecordedView } from "./recorded-view.js";
import type { EndpointResult, Results } from "./results.js";

/** `views/` at the package root (this file runs from `dist/replayer/report/`). */
const VIEWS_DIR = fileURLToPath(new URL("../../../views/", import.meta.url));

let environment: nunjucks.Environment | undefined;

/** The one Nunjucks environment: autoescape on, so every name, reason and body is escaped. */
function views(): nunjucks.Environment {
  if (!environment) {
    environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(VIEWS_DIR), {
      autoescape: true,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    environment.addFilter("num", (value: number | null, decimals?: number) => formatNumber(value, decimals));
    environment.addFilter("fixed", (value: number | null, decimals?: number) => formatFixed(value, decimals));
    environment.addFilter("unit", (formatted: string, unit: string) => withUnit(formatted, unit));
    environment.addFilter("count", (value: number) => formatCount(value));
  }
  return environment;
}

export interface FailureRow {
  name: string;
  reason: string;
  status: number | null;
  count: number;
  example: string;
}

export interface ReportView {
  results: Results;
  services: { key: string; label: string; stats: Results["overall"] }[];
  slowest: EndpointResult[];
  failures: FailureRow[];
  charts: Chart[];
  /** Why a throughput check is not judged, in this run's words. */
  notJudged: string;
  /** The recorded traffic that was played; null for the generated festival traffic. */
  recorded: RecordedView | null;
  /** `--compare`'s findings; null without. */
  compare: CompareView | null;
}

/** The 10 slowest names that saw requests, by p95, then average. */
export function slowestEndpoints(endpoints: readonly EndpointResult[], count = 10): EndpointResult[] {
  return endpoints
    .filter((endpoint) => endpoint.requests > 0)
    .sort(
      (a, b) =>
        (b.p95Ms ?? 0) - (a.p95Ms ?? 0) || (b.avgMs ?? 0) - (a.avgMs ?? 0) || (a.name < b.name ? -1 : 1),
    )
    .slice(0, count);
}

export function reportView(results: Results): ReportView {
  const failures = results.endpoints
    .flatMap((endpoint) => endpoint.failuresByReason.map((reason) => ({ name: endpoint.name, ...reason })))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seconds = results.series.map((point) => point.second);
  const charts = [
    lineChart("Requests and failures per second", "per second", seconds, [
      { label: "requests/s", color: "#2563eb", values: results.series.map((point) => point.requests) },
      {
        label: "failures/s",
        color: "#dc2626",
        dashed: true,
        values: results.series.map((point) => point.failures),
      },
    ]),
    lineChart("Response time", "ms", seconds, [
      { label: "median", color: "#16a34a", values: results.series.map((point) => point.medianMs) },
      { label: "p95", color: "#ea580c", values: results.series.map((point) => point.p95Ms) },
    ]),
    lineChart("Active users", "users", seconds, [
      { label: "users", color: "#7c3aed", values: results.series.map((point) => point.users) },
    ]),
  ];
  return {
    results,
    services: SERVICES.map((service) => ({
      key: service,
      label: SERVICE_LABELS[service],
      stats: results.services[service],
    })),
    slowest: slowestEndpoints(results.endpoints),
    failures,
    charts,
    notJudged: notJudgedReason(results),
    recorded: recordedView(results),
    compare: compareView(results),
  };
}

/**
 * The HTML report: a pure render of the results, openable offline. The templates hold no control
 * characters, so any in the output came from a name, reason or body: they are made visible, as
 * valid HTML may not carry them raw.
 */
export function renderHtmlReport(results: Results): string {
  return showUnprintable(views().render("report.njk", reportView(results)));
}
