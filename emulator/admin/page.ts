/**
 * The page at the admin port's root, for people who would rather look than read JSON: services
 * up/down, traffic per route, latency and fault settings, live. Self-contained (no CDN, works
 * offline); the Content-Security-Policy allows exactly its own inline script and style.
 */
import { createHash } from "node:crypto";
import { PAGE_SCRIPT } from "./page-script.js";

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{padding:.25em .8em;border-bottom:1px solid #ddd;text-align:left}
th{background:#f4f4f4}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}#status{color:#666}code{background:#f4f4f4;padding:0 .3em}`;

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

export const PAGE_CSP = `default-src 'none'; script-src ${hash(PAGE_SCRIPT)}; style-src ${hash(STYLE)}; connect-src 'self'; base-uri 'none'; form-action 'none'`;

function table(id: string, headings: string[]): string {
  return `<table><thead><tr>${headings.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody id="${id}"></tbody></table>`;
}

export const ADMIN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>soundcheck emulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>soundcheck emulator</h1>
<p id="status">loading…</p>
<h2>Services</h2>
${table("services", ["service", "state", "url", "in flight", "requests", "errors", ""])}
<h2>Traffic per route</h2>
${table("routes", ["service", "method", "route", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"])}
<h2>Latency and faults</h2>
<p>seed <code id="seed"></code></p>
${table("strain", ["scope", "latency", "faults", "capacity"])}
<h2>Saga</h2>
<p id="saga"></p>
<p>The same as JSON: <code>GET /admin/state</code>, <code>/admin/stats</code>, <code>/admin/requests</code>,
<code>/admin/strain</code>, <code>/admin/saga</code>, <code>/admin/store</code>.</p>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
