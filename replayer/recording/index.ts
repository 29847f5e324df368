/**
 * Recorded traffic for the replayer, as pure building blocks (no engine, no CLI):
 *
 * - `readRecordingSessions(file)` / `readHarSessions(file, { services })` → sessions;
 * - `planSchedule(sessions, { speed, repeat, copies })` → when each request starts;
 * - per replayed session instance a `SessionCorrelator`: `prepare(exchange)` before sending,
 *   `learn(exchange, answer)` after;
 * - `compareExchange(recorded, answer)` into a `CompareTally` for `--compare`;
 * - `shiftBodyDates(body, days)`: request-body dates moved with the replay;
 * - `nameFor(service, method, path)` for the statistics.
 *
 * recordings/README.md documents the rules.
 */
export {
  CompareTally,
  type ComparisonSummary,
  type ExchangeMismatch,
  type NameComparison,
} from "./compare/compare-tally.js";
export { compareExchange, type ActualAnswer, type ExchangeComparison } from "./compare/compare-exchange.js";
export { IdMap } from "./correlation/id-map.js";
export { daysBetween, shiftBodyDates, shiftDate } from "./dates/shift-dates.js";
export type { ReplayedAnswer } from "./correlation/learn.js";
export type { RewrittenRequest } from "./correlation/rewrite.js";
export { SessionCorrelator } from "./correlation/session-correlator.js";
export {
  HarError,
  importHar,
  readHarSessions,
  type HarImport,
  type HarImportOptions,
} from "./har/har-import.js";
export type { ServiceBaseUrls } from "./har/service-map.js";
export { matchRoute, nameFor } from "./route-names.js";
export { ROUTE_TABLE, type EntityKind, type RouteEntry } from "./route-table.js";
export {
  parseSpeed,
  planSchedule,
  plannedRequests,
  plannedStartMs,
  type PlannedRequest,
  type ReplaySchedule,
  type ScheduleOptions,
  type SessionInstance,
  type Speed,
} from "./schedule.js";
export {
  groupSessions,
  isTokenFetch,
  readRecordingSessions,
  type RecordedSession,
  type RecordedSessions,
} from "./sessions.js";
