/**
 * The JSON the control plane answers with, built from the emulator's objects: times as ISO
 * strings, durations in milliseconds rounded to the microsecond, absent values as null.
 */
import type { Message } from "../core/messaging/bus.js";
import type { RequestRecord } from "../core/telemetry.js";
import { strainToJson } from "../strain/settings-to-json.js";
import type { AdminDeps } from "./deps.js";

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function serviceView(deps: AdminDeps, name: string) {
  const totals = deps.emulator.telemetry.serviceTotals().get(name) ?? { count: 0, errors: 0 };
  return {
    name,
    url: deps.services.url(name),
    up: deps.services.isUp(name),
    inFlight: deps.strain.inFlightOf(name),
    requests: totals.count,
    errors: totals.errors,
  };
}

export function servicesView(deps: AdminDeps) {
  return deps.services.names().map((name) => serviceView(deps, name));
}

export function strainView(deps: AdminDeps) {
  return { seed: deps.strain.seed, ...strainToJson(deps.strain.settings) };
}

export function messageView(message: Message) {
  return {
    id: message.id,
    queue: message.queue,
    type: message.type,
    correlationId: message.correlationId ?? null,
    payload: message.payload,
    sentAt: new Date(message.sentAt).toISOString(),
    deliveries: message.deliveries,
    lastError: message.lastError ?? null,
  };
}

export function requestView(record: RequestRecord) {
  return {
    time: new Date(record.time).toISOString(),
    service: record.service,
    method: record.method,
    path: record.path,
    route: record.route,
    status: record.status,
    durationMs: round3(record.durationMs),
    delayMs: round3(record.delayMs),
    fault: record.fault ?? null,
    bytes: record.bytes,
  };
}

export function storeSummary(deps: AdminDeps) {
  const data = deps.emulator.store.data;
  return {
    counters: { ...data.counters },
    rows: Object.fromEntries(Object.entries(data.tables).map(([name, rows]) => [name, rows.length])),
  };
}

export function stateView(deps: AdminDeps) {
  const { bus, telemetry } = deps.emulator;
  return {
    startedAt: new Date(telemetry.startedAt).toISOString(),
    services: servicesView(deps),
    store: storeSummary(deps),
    saga: { pending: bus.pending().length, deadLetters: bus.deadLetters().length },
    strain: strainView(deps),
  };
}
