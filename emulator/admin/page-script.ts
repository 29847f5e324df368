/**
 * The admin page's script: fetch the JSON every two seconds and render it. Text goes into the
 * page only through textContent — never as HTML — so a route or fixture name cannot inject markup.
 */
export const PAGE_SCRIPT = `"use strict";
const $ = (id) => document.getElementById(id);
function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
function row(cells) {
  const tr = el("tr");
  for (const cell of cells) tr.appendChild(typeof cell === "object" && cell !== null ? cell : el("td", cell));
  return tr;
}
function td(child) {
  const cell = el("td");
  cell.appendChild(child);
  return cell;
}
function faultText(rules) {
  if (!rules) return "";
  if (rules.length === 0) return "none";
  return rules
    .map((f) => (f.kind === "status" ? f.status : f.kind) + ("every" in f ? " every " + f.every : " " + Math.round(f.probability * 1e6) / 1e4 + "%"))
    .join(", ");
}
function capacityText(c) {
  return c ? c.concurrent + " at full speed" + (c.stepMs ? ", +" + c.stepMs + "ms each beyond" : "") : "";
}
function strainRows(strain) {
  const rows = [];
  const scopes = new Set([...Object.keys(strain.latency), ...Object.keys(strain.faults), ...Object.keys(strain.capacity)]);
  for (const s of scopes)
    rows.push(row([s === "*" ? "every service" : s, strain.latency[s] || "", faultText(strain.faults[s]), capacityText(strain.capacity[s])]));
  for (const r of strain.routes)
    rows.push(row([r.service + " " + (r.method || "*") + " " + r.route, r.latency || "", faultText(r.faults), ""]));
  if (rows.length === 0) rows.push(row(["no latency or faults set", "", "", ""]));
  return rows;
}
async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  return response.json();
}
async function switchService(name, action) {
  await fetch("/admin/services/" + encodeURIComponent(name) + "/" + action, { method: "POST" });
  await refresh();
}
async function refresh() {
  try {
    const [state, stats] = await Promise.all([getJson("/admin/state"), getJson("/admin/stats")]);
    $("services").replaceChildren(
      ...state.services.map((s) => {
        const button = el("button", s.up ? "take down" : "bring up");
        button.onclick = () => switchService(s.name, s.up ? "down" : "up");
        return row([s.name, s.up ? "up" : "DOWN", s.url, s.inFlight, s.requests, s.errors, td(button)]);
      }),
    );
    const routes = stats.routes.map((r) => row([r.service, r.method, r.route, r.count, r.errors, r.p50Ms, r.p95Ms, r.p99Ms, r.maxMs]));
    $("routes").replaceChildren(...(routes.length ? routes : [row(["no traffic yet", "", "", "", "", "", "", "", ""])]));
    $("strain").replaceChildren(...strainRows(state.strain));
    $("seed").textContent = String(state.strain.seed);
    $("saga").textContent = state.saga.pending + " pending, " + state.saga.deadLetters + " dead letters";
    $("status").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (error) {
    $("status").textContent = "cannot reach the emulator (" + error.message + ")";
  }
}
refresh();
setInterval(refresh, 2000);
`;
