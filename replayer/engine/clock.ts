/** Monotonic milliseconds (fractional). Passed in, so tests can move time themselves. */
export interface Clock {
  now(): number;
}

export const monotonicClock: Clock = { now: () => performance.now() };
