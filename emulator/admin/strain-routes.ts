/**
 * Latency, faults and the services' listeners at runtime. `PUT /admin/strain` takes the config
 * file's shape (`latency`, `faults`, `capacity`, `routes`, and `seed`) and replaces everything:
 * what it leaves out is cleared. The random streams and counters start over with it.
 */
import type express from "express";
import { strainNames } from "../config/strain-config.js";
import type { ServiceApp } from "../core/service-app.js";
import { unknownRoutes } from "../strain/route-entry.js";
import { readStrainJson, STRAIN_KEYS } from "../strain/settings-json.js";
import type { AdminDeps } from "./deps.js";
import { AdminError, badRequest, endpoint, objectBody } from "./http.js";
import { serviceView, servicesView, strainView } from "./views.js";

function patternsIn(deps: AdminDeps): (service: string) => readonly string[] | undefined {
  const apps = deps.emulator.apps as Partial<Record<string, ServiceApp>>;
  return (service) => apps[service]?.routePatterns;
}

function seedOf(value: unknown, current: number, problems: string[]): number {
  if (value === undefined) return current;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  problems.push(`seed: ${JSON.stringify(value)} must be an integer ≥ 0`);
  return current;
}

export function strainRoutes(router: express.Router, deps: AdminDeps): void {
  endpoint(router, "/admin/strain", {
    GET: (_req, res) => res.json(strainView(deps)),
    PUT: (req, res) => {
      const body = objectBody(req, "the strain settings (latency, faults, capacity, routes, seed)");
      const problems = Object.keys(body)
        .filter((key) => key !== "seed" && !(STRAIN_KEYS as readonly string[]).includes(key))
        .map((key) => `unknown key "${key}" (one of seed, ${STRAIN_KEYS.join(", ")})`);
      const read = readStrainJson(body, strainNames(deps.readText));
      problems.push(...read.problems, ...unknownRoutes(read.settings.routes, patternsIn(deps)));
      const seed = seedOf(body.seed, deps.strain.seed, problems);
      if (problems.length > 0) throw badRequest("the strain settings were not changed", problems);
      deps.strain.replace(read.settings, seed);
      res.json(strainView(deps));
    },
  });
  endpoint(router, "/admin/services", { GET: (_req, res) => res.json({ services: servicesView(deps) }) });
  endpoint(router, "/admin/services/:name/:action", {
    POST: async (req, res) => {
      const name = String(req.params.name);
      const action = String(req.params.action);
      if (!deps.services.names().includes(name))
        throw new AdminError(404, `no service '${name}' (one of ${deps.services.names().join(", ")})`);
      if (action !== "down" && action !== "up")
        throw new AdminError(404, `no action '${action}' (POST /admin/services/${name}/down or /up)`);
      try {
        await (action === "down" ? deps.services.down(name) : deps.services.up(name));
      } catch (error) {
        // Typically the port was taken while the service was down.
        throw new AdminError(409, error instanceof Error ? error.message : String(error));
      }
      res.json(serviceView(deps, name));
    },
  });
}
