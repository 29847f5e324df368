/**
 * What the strain parsers return: the value, or one problem text for the caller to collect with
 * the others (style.md: report every problem at once).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** Reads a file (recordings); passed in so the policy itself never touches the disk. */
export type ReadText = (path: string) => string;
