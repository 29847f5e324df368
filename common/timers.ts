/** The longest a Node timer waits (2^31 − 1 ms, a little over 596 hours); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
