/**
 * What the strain is set to: latency and faults globally, per service and per route (method +
 * route pattern), plus an optional capacity per service. The most specific setting wins, latency
 * and faults each on their own: a route entry with only a latency keeps its service's faults.
 */
import type { RouteKey } from "../core/strain.js";
import type { Distribution } from "./distribution.js";
import type { FaultRule } from "./faults.js";

export interface ScopeSettings {
  latency?: Distribution;
  /** An empty list is a setting too: no faults here, whatever the wider scope says. */
  faults?: readonly FaultRule[];
}

/** Load-dependent latency: `concurrent` requests at full speed, slower beyond. */
export interface Capacity {
  concurrent: number;
  /** Added for each request in flight beyond capacity (on top of the proportional slowdown). */
  stepMs: number;
}

export interface ServiceSettings extends ScopeSettings {
  capacity?: Capacity;
}

export interface RouteSettings extends ScopeSettings {
  service: string;
  /** Undefined: any method. */
  method: string | undefined;
  /** The route pattern as the service declares it, e.g. `/api/bands/{id}`. */
  route: string;
}

export interface StrainSettings {
  global: ScopeSettings;
  services: Readonly<Record<string, ServiceSettings>>;
  routes: readonly RouteSettings[];
}

export const NO_STRAIN_SETTINGS: StrainSettings = Object.freeze({ global: {}, services: {}, routes: [] });

export interface ResolvedStrain {
  latency: Distribution | undefined;
  faults: readonly FaultRule[];
  /** Names the scope the faults came from, so every-Nth counts per scope. */
  faultScope: string;
  capacity: Capacity | undefined;
}

function routeEntries(settings: StrainSettings, key: RouteKey): RouteSettings[] {
  if (key.route === undefined) return [];
  // HEAD is served by the GET mapping (Spring), so a GET entry covers it.
  const method = key.method === "HEAD" ? "GET" : key.method;
  const matching = settings.routes.filter((r) => r.service === key.service && r.route === key.route);
  return [...matching.filter((r) => r.method === method), ...matching.filter((r) => r.method === undefined)];
}

export function routeScopeName(entry: Pick<RouteSettings, "service" | "method" | "route">): string {
  return `${entry.service} ${entry.method ?? "*"} ${entry.route}`;
}

/** The settings that apply to one request: most specific first. */
export function resolveStrain(settings: StrainSettings, key: RouteKey): ResolvedStrain {
  const service = settings.services[key.service];
  const scopes: [string, ScopeSettings | undefined][] = [
    ...routeEntries(settings, key).map((r): [string, ScopeSettings] => [routeScopeName(r), r]),
    [key.service, service],
    ["*", settings.global],
  ];
  const withLatency = scopes.find(([, scope]) => scope?.latency !== undefined);
  const withFaults = scopes.find(([, scope]) => scope?.faults !== undefined);
  return {
    latency: withLatency?.[1]?.latency,
    faults: withFaults?.[1]?.faults ?? [],
    faultScope: withFaults?.[0] ?? "*",
    capacity: service?.capacity,
  };
}

/** Whether nothing anywhere can delay or fault a request, so every request's plan is "none". */
export function strainsNothing(settings: StrainSettings): boolean {
  const quiet = (scope: ScopeSettings) => scope.latency === undefined && (scope.faults ?? []).length === 0;
  return (
    quiet(settings.global) &&
    Object.values(settings.services).every((service) => quiet(service) && service.capacity === undefined) &&
    settings.routes.every(quiet)
  );
}
