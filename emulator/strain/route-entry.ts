/**
 * One per-route entry of the strain settings: `{ "service": "bands", "method": "GET", "route":
 * "/api/bands/{id}", "latency": "uniform:10-80ms", "faults": ["503:0.1"] }`. The method is
 * optional (any method); the route is the pattern as the service declares it.
 */
import { routeScopeName, type RouteSettings } from "./settings.js";
import type { StrainReader } from "./settings-json.js";

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

const ROUTE_KEYS = ["service", "method", "route", "latency", "faults"];
// HEAD is answered by the GET route, so a GET entry covers it (settings.ts).
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * Route entries that name a pattern their service does not declare — `/api/bands/:id`, a typo —
 * and so would silently never apply. `patternsOf` gives a service's patterns.
 */
export function unknownRoutes(
  routes: readonly RouteSettings[],
  patternsOf: (service: string) => readonly string[] | undefined,
  prefix = "",
): string[] {
  return routes.flatMap((entry) => {
    const patterns = patternsOf(entry.service);
    if (!patterns || patterns.includes(entry.route)) return [];
    return [
      `${prefix}routes: ${entry.service} has no route ${entry.route} (its routes: ${[...patterns].sort().join(", ")})`,
    ];
  });
}

export function readRouteEntry(reader: StrainReader, source: string, entry: unknown): void {
  if (!isObject(entry)) {
    reader.problems.push(`${source}: must be an object with service, method, route and latency or faults`);
    return;
  }
  const before = reader.problems.length;
  for (const key of Object.keys(entry))
    if (!ROUTE_KEYS.includes(key)) reader.problems.push(`${source}: unknown key "${key}"`);
  const service = typeof entry.service === "string" ? entry.service : "";
  if (!reader.names.services.includes(service))
    reader.problems.push(
      `${source}.service: ${JSON.stringify(entry.service)} is not one of ${reader.names.services.join(", ")}`,
    );
  const method = typeof entry.method === "string" ? entry.method.toUpperCase() : undefined;
  if (entry.method !== undefined && (method === undefined || !METHODS.includes(method)))
    reader.problems.push(
      `${source}.method: ${JSON.stringify(entry.method)} is not one of ${METHODS.join(", ")} (HEAD follows GET)`,
    );
  const route = typeof entry.route === "string" ? entry.route : "";
  if (!route.startsWith("/"))
    reader.problems.push(
      `${source}.route: ${JSON.stringify(entry.route)} is not a route pattern (e.g. /api/bands/{id})`,
    );
  if (entry.latency === undefined && entry.faults === undefined)
    reader.problems.push(`${source}: sets neither latency nor faults`);
  const settings: RouteSettings = { service, method, route };
  if (entry.latency !== undefined) settings.latency = reader.latency(`${source}.latency`, entry.latency);
  if (entry.faults !== undefined) settings.faults = reader.faults(`${source}.faults`, entry.faults);
  const twin = reader.draft.routes.find((r) => routeScopeName(r) === routeScopeName(settings));
  if (twin) reader.problems.push(`${source}: a second entry for ${routeScopeName(settings)}`);
  if (reader.problems.length === before) reader.draft.routes.push(settings);
}
