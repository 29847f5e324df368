/**
 * When things are due, as pure functions of the time elapsed since the run started (ms). The
 * closed model asks how many users should be running; the open model asks how many arrivals
 * should have started. Nothing here reads a clock, so the schedule is tested with a table.
 */

/** Number of events due by `elapsedMs` when one is due every `intervalMs`, the first at 0. */
function dueBy(elapsedMs: number, perSecond: number): number {
  if (elapsedMs < 0) return 0;
  return Math.floor((elapsedMs * perSecond) / 1000 + 1e-9) + 1;
}

/** Closed model: users that should have been spawned by `elapsedMs` (one at once, then `spawnRate`/s). */
export function usersDue(elapsedMs: number, users: number, spawnRate: number): number {
  return Math.min(users, dueBy(elapsedMs, spawnRate));
}

/** Closed model: elapsed ms at which user `index` (0-based) is spawned. */
export function spawnAtMs(index: number, spawnRate: number): number {
  return (index * 1000) / spawnRate;
}

/** Open model: arrivals in a run window of `runTimeMs` (those intended strictly before its end). */
export function totalArrivals(ratePerSecond: number, runTimeMs: number): number {
  return Math.max(0, Math.ceil((runTimeMs * ratePerSecond) / 1000 - 1e-9));
}

/** Open model: arrivals that should have started by `elapsedMs`. */
export function arrivalsDue(elapsedMs: number, ratePerSecond: number, runTimeMs: number): number {
  return Math.min(totalArrivals(ratePerSecond, runTimeMs), dueBy(elapsedMs, ratePerSecond));
}

/** Open model: the intended start of arrival `index` (0-based), in elapsed ms. */
export function arrivalAtMs(index: number, ratePerSecond: number): number {
  return (index * 1000) / ratePerSecond;
}
