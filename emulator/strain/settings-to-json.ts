/**
 * Strain settings written back as JSON, in the shape they are read from (always the per-service
 * forms), so what the control plane shows can be PUT back or pasted into a config file.
 */
import { faultToJson } from "./faults.js";
import { formatLatency } from "./parse-latency.js";
import type { ServiceSettings, StrainSettings } from "./settings.js";

export function strainToJson(settings: StrainSettings) {
  const latency: Record<string, string> = {};
  const faults: Record<string, Record<string, unknown>[]> = {};
  const capacity: Record<string, { concurrent: number; stepMs: number }> = {};
  const scopes: [string, ServiceSettings][] = [["*", settings.global], ...Object.entries(settings.services)];
  for (const [name, scope] of scopes) {
    if (scope.latency) latency[name] = formatLatency(scope.latency);
    if (scope.faults) faults[name] = scope.faults.map(faultToJson);
    if (scope.capacity) capacity[name] = { ...scope.capacity };
  }
  const routes = settings.routes.map((r) => ({
    service: r.service,
    ...(r.method ? { method: r.method } : {}),
    route: r.route,
    ...(r.latency ? { latency: formatLatency(r.latency) } : {}),
    ...(r.faults ? { faults: r.faults.map(faultToJson) } : {}),
  }));
  return { latency, faults, capacity, routes };
}
