/**
 * Recorded id → the id the target gave the same entity, per id space. One map per replayed
 * session: ids never seen created pass through unchanged.
 */
import type { EntityKind } from "../route-table.js";

export class IdMap {
  private readonly kinds = new Map<EntityKind, Map<number, number>>();

  set(kind: EntityKind, recorded: number, actual: number): void {
    let map = this.kinds.get(kind);
    if (!map) this.kinds.set(kind, (map = new Map()));
    map.set(recorded, actual);
  }

  /** The target's id for a recorded one, or the recorded id itself if it was never learned. */
  map(kind: EntityKind, recorded: number): number {
    return this.kinds.get(kind)?.get(recorded) ?? recorded;
  }

  /** Everything learned, for reports and tests: `{ band: [[7, 12]], … }`. */
  toJSON(): Partial<Record<EntityKind, Array<[number, number]>>> {
    return Object.fromEntries([...this.kinds].map(([kind, map]) => [kind, [...map]]));
  }
}
