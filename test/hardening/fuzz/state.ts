/**
 * What one fuzz stream knows and draws from: its seeded generator, the ids the store holds (read
 * at the start, then learned from every answer), a counter for names that must be new, and the
 * token. One stream per service, so a service's sequence does not depend on how the event loop
 * interleaves the services.
 */
import { createRng, type Rng } from "../../../emulator/strain/rng.js";
import { HOSTILE_STRINGS } from "./hostile-values.js";

export class FuzzState {
  private readonly rng: Rng;
  private counter = 0;
  private readonly ids = new Set<number>();
  readonly names: string[] = [];

  constructor(
    readonly seed: number,
    readonly stream: string,
    readonly token: string,
    /** A token for each single scope and for none, to meet every scope rule. */
    readonly scopedTokens: readonly string[],
    readonly nowMs: number,
  ) {
    this.rng = createRng(seed, stream);
  }

  next(): number {
    return this.rng.next();
  }

  chance(p: number): boolean {
    return this.rng.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rng.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.rng.next() * items.length)];
    if (item === undefined) throw new RangeError("pick from an empty list");
    return item;
  }

  /** A name nobody used yet, or now and then one that was (to meet the duplicate checks). */
  unique(prefix: string): string {
    if (this.names.length > 0 && this.chance(0.1)) return this.pick(this.names);
    const name = `${prefix}-${this.stream}-${this.seed}-${++this.counter}`;
    this.names.push(name);
    return name;
  }

  /** Free text for a field: usually plain, sometimes hostile. */
  text(): string {
    return this.chance(0.3) ? this.pick(HOSTILE_STRINGS) : `text ${this.int(1, 999)}`;
  }

  learn(id: unknown): void {
    if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) this.ids.add(id);
  }

  /** An id that exists (most of the time), a small one, or an odd one (2^53 - 1, 2^63: past a Long). */
  id(): number {
    const roll = this.rng.next();
    if (roll < 0.7 && this.ids.size > 0) return this.pick([...this.ids]);
    if (roll < 0.9) return this.int(0, 20);
    return this.pick([Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 63, -5, 0]);
  }

  ids2(): number[] {
    return Array.from({ length: this.int(0, 3) }, () => this.id());
  }

  /** A calendar date `days` from now, `YYYY-MM-DD`. */
  date(days: number): string {
    return new Date(this.nowMs + days * 86_400_000).toISOString().slice(0, 10);
  }
}

/** Percent-encoding that copes with lone surrogates (encodeURIComponent throws on them). */
export function encodeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"));
  }
}
