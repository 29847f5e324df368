/**
 * The strain flags of `emu start`, applied after the config file (flags win, scope by scope):
 *   --latency 100ms                  every service and route
 *   --latency bands=normal:50ms,10ms one service (repeatable)
 *   --fault bands=503:0.2            one service; --fault 503:0.01 every service (repeatable)
 *   --capacity bands=20[:5ms]        load-dependent latency for one service (repeatable)
 */
import type { FaultRule } from "./faults.js";
import { checkFaults, parseFaultText } from "./faults.js";
import type { StrainReader } from "./settings-json.js";

export interface StrainFlags {
  latency?: readonly string[];
  fault?: readonly string[];
  capacity?: readonly string[];
}

/** `bands=VALUE` → ["bands", VALUE]; a spec without a service name is global. */
function scoped(spec: string, head: string): [string, string] {
  const match = /^\s*([a-z*][a-z0-9_-]*)\s*=(.*)$/i.exec(head);
  if (!match) return ["*", spec.trim()];
  return [match[1] as string, spec.slice(spec.indexOf("=") + 1).trim()];
}

export function readStrainFlags(reader: StrainReader, flags: StrainFlags): void {
  for (const spec of flags.latency ?? []) {
    const [service, value] = scoped(spec, spec);
    const scope = reader.scopeOf(service, "--latency");
    const latency = reader.latency("--latency", value);
    if (scope && latency) scope.latency = latency;
  }
  const faults = new Map<string, FaultRule[]>();
  for (const spec of flags.fault ?? []) {
    // The service name ends at the first "=" before the first ":" (every=N comes after it).
    const colon = spec.indexOf(":");
    const [service, value] = scoped(spec, colon < 0 ? spec : spec.slice(0, colon));
    const parsed = parseFaultText(value);
    if (!parsed.ok) reader.problems.push(`--fault: ${parsed.problem}`);
    else if (reader.scopeOf(service, "--fault"))
      faults.set(service, [...(faults.get(service) ?? []), parsed.value]);
  }
  for (const [service, rules] of faults) {
    const problem = checkFaults(rules);
    if (problem) reader.problems.push(`--fault: ${service === "*" ? "every service" : service}: ${problem}`);
    (reader.scopeOf(service, "--fault") ?? {}).faults = rules;
  }
  for (const spec of flags.capacity ?? []) {
    const [service, value] = scoped(spec, spec);
    if (service === "*") reader.problems.push(`--capacity: '${spec}' needs a service (e.g. bands=20)`);
    else reader.capacity("--capacity", service, value);
  }
}
