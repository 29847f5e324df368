/**
 * What the emulator is doing: an overview, the saga queue, the last requests and per-route
 * statistics (from the same telemetry as the actuator's Prometheus endpoint).
 */
import type express from "express";
import type { Request } from "express";
import type { AdminDeps } from "./deps.js";
import { badRequest, endpoint, queryParam } from "./http.js";
import { messageView, requestView, stateView } from "./views.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;

function serviceFilter(req: Request, deps: AdminDeps): string | undefined {
  const service = queryParam(req, "service");
  if (service !== undefined && !deps.services.names().includes(service))
    throw badRequest(`?service=${service}: unknown service (one of ${deps.services.names().join(", ")})`);
  return service;
}

function limitOf(req: Request): number {
  const text = queryParam(req, "limit");
  if (text === undefined) return DEFAULT_LIMIT;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT))
    throw badRequest(`?limit=${text}: must be an integer from 1 to ${MAX_LIMIT}`);
  return n;
}

export function observeRoutes(router: express.Router, deps: AdminDeps): void {
  const { bus, telemetry } = deps.emulator;
  endpoint(router, "/admin/state", { GET: (_req, res) => res.json(stateView(deps)) });
  endpoint(router, "/admin/saga", {
    GET: (_req, res) =>
      res.json({ pending: bus.pending().map(messageView), deadLetters: bus.deadLetters().map(messageView) }),
  });
  endpoint(router, "/admin/requests", {
    GET: (req, res) => {
      const limit = limitOf(req);
      const service = serviceFilter(req, deps);
      const records = telemetry.recent().filter((r) => service === undefined || r.service === service);
      res.json({ requests: records.slice(0, limit).map(requestView) });
    },
  });
  endpoint(router, "/admin/stats", {
    GET: (req, res) => res.json({ routes: telemetry.routeStats(serviceFilter(req, deps)) }),
    DELETE: (_req, res) => {
      telemetry.reset();
      res.json({ routes: telemetry.routeStats() });
    },
  });
}
