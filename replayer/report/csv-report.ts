import { CSV_PERCENTILES, type StatsSummary } from "../stats/summarize.js";
import { formatNumber } from "./format.js";
import type { Results } from "./results.js";

/** Locust's stats CSV header, which the original team's analysis script reads. */
export const CSV_HEADER = [
  "Type",
  "Name",
  "# requests",
  "# failures",
  "Median response time",
  "Average response time",
  "Min response time",
  "Max response time",
  "Average Content Size",
  "Requests/s",
  "Failures/s",
  ...CSV_PERCENTILES.map((p) => `${p}%`),
] as const;

/** RFC 4180: a field with a comma, quote, CR/LF (or any control character) is quoted, quotes doubled. */
export function csvField(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /[",\r\n\u0000-\u001f\u007f]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(type: string, name: string, stats: StatsSummary): string {
  const figures = [
    String(stats.requests),
    String(stats.failures),
    formatNumber(stats.medianMs),
    formatNumber(stats.avgMs),
    formatNumber(stats.minMs),
    formatNumber(stats.maxMs),
    formatNumber(stats.avgBytes),
    formatNumber(stats.rps),
    formatNumber(stats.failuresPerSecond),
    ...CSV_PERCENTILES.map((p) => formatNumber(stats.percentilesMs[p])),
  ];
  return [type, name, ...figures].map(csvField).join(",");
}

/** One row per name with its method as Type, then Locust's `None,Aggregated` row; CRLF as Locust. */
export function renderStatsCsv(results: Results): string {
  const lines = [CSV_HEADER.map(csvField).join(",")];
  for (const endpoint of results.endpoints) lines.push(row(endpoint.method, endpoint.name, endpoint));
  lines.push(row("None", "Aggregated", results.overall));
  return `${lines.join("\r\n")}\r\n`;
}
