/**
 * Strain settings from JSON — the config file's `latency`, `faults`, `capacity` and `routes` keys,
 * and the body of the control plane's `PUT /admin/strain` — read with every problem collected.
 * The flags (flags.ts) go through the same reader, so they name problems the same way.
 */
import { parseCapacity } from "./capacity.js";
import { checkFaults, parseFault, type FaultRule } from "./faults.js";
import { parseLatency } from "./parse-latency.js";
import type { ReadText } from "./parsed.js";
import { readRouteEntry } from "./route-entry.js";
import type { RouteSettings, ScopeSettings, ServiceSettings, StrainSettings } from "./settings.js";

export interface StrainNames {
  /** Services latency and faults may name. */
  services: readonly string[];
  /** Services that report requests in flight, so a capacity means something there. */
  capacityServices: readonly string[];
  read?: ReadText;
}

export interface Draft {
  global: ScopeSettings;
  services: Record<string, ServiceSettings>;
  routes: RouteSettings[];
}

export const STRAIN_KEYS = ["latency", "faults", "capacity", "routes"] as const;
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** `{"*": x, "bands": y}` → entries; anything else is the global value. */
function perService(value: unknown, isValue: (v: unknown) => boolean): [string, unknown][] {
  return isObject(value) && !isValue(value) ? Object.entries(value) : [["*", value]];
}

export class StrainReader {
  readonly problems: string[] = [];
  constructor(
    readonly names: StrainNames,
    readonly draft: Draft = { global: {}, services: {}, routes: [] },
  ) {}

  scopeOf(service: string, source: string): ScopeSettings | undefined {
    if (service === "*") return this.draft.global;
    if (!this.names.services.includes(service)) {
      this.problems.push(
        `${source}: unknown service '${service}' (one of ${this.names.services.join(", ")})`,
      );
      return undefined;
    }
    return (this.draft.services[service] ??= {});
  }

  latency(source: string, value: unknown): ScopeSettings["latency"] {
    const parsed = parseLatency(value, this.names.read);
    if (parsed.ok) return parsed.value;
    this.problems.push(`${source}: ${parsed.problem}`);
    return undefined;
  }

  faults(source: string, value: unknown): FaultRule[] {
    const rules: FaultRule[] = [];
    (Array.isArray(value) ? value : [value]).forEach((entry, i) => {
      const parsed = parseFault(entry);
      if (parsed.ok) rules.push(parsed.value);
      else this.problems.push(`${source}${Array.isArray(value) ? `[${i}]` : ""}: ${parsed.problem}`);
    });
    const problem = checkFaults(rules);
    if (problem) this.problems.push(`${source}: ${problem}`);
    return rules;
  }

  capacity(source: string, service: string, value: unknown): void {
    if (!this.names.capacityServices.includes(service)) {
      this.problems.push(
        `${source}: a capacity applies to ${this.names.capacityServices.join(", ")} (the services that count requests in flight)`,
      );
      return;
    }
    const parsed = parseCapacity(value);
    if (!parsed.ok) this.problems.push(`${source}: ${parsed.problem}`);
    else if (this.scopeOf(service, source))
      (this.draft.services[service] as ServiceSettings).capacity = parsed.value;
  }

  readJson(json: Record<string, unknown>, prefix: string): void {
    const isDistribution = (v: unknown) => isObject(v) && ("percentiles" in v || "recording" in v);
    if (json.latency !== undefined) {
      for (const [service, raw] of perService(json.latency, isDistribution)) {
        const source = `${prefix}latency${service === "*" && !isObject(json.latency) ? "" : `.${service}`}`;
        const scope = this.scopeOf(service, source);
        const latency = this.latency(source, raw);
        if (scope && latency) scope.latency = latency;
      }
    }
    if (json.faults !== undefined) {
      const isFault = (v: unknown) => isObject(v) && ("kind" in v || "status" in v);
      for (const [service, raw] of perService(json.faults, isFault)) {
        const source = `${prefix}faults${service === "*" && !isObject(json.faults) ? "" : `.${service}`}`;
        const scope = this.scopeOf(service, source);
        const rules = this.faults(source, raw);
        if (scope) scope.faults = rules;
      }
    }
    if (json.capacity !== undefined) {
      if (!isObject(json.capacity))
        this.problems.push(`${prefix}capacity: must be an object of service → capacity (e.g. {"bands": 20})`);
      else
        for (const [service, raw] of Object.entries(json.capacity))
          this.capacity(`${prefix}capacity.${service}`, service, raw);
    }
    if (json.routes !== undefined) {
      if (!Array.isArray(json.routes)) this.problems.push(`${prefix}routes: must be a list of route entries`);
      else json.routes.forEach((entry, i) => readRouteEntry(this, `${prefix}routes[${i}]`, entry));
    }
  }

  settings(): StrainSettings {
    return this.draft;
  }
}

export function readStrainJson(
  json: Record<string, unknown>,
  names: StrainNames,
  prefix = "",
): { settings: StrainSettings; problems: string[] } {
  const reader = new StrainReader(names);
  reader.readJson(json, prefix);
  return { settings: reader.settings(), problems: reader.problems };
}
