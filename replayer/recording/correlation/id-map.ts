/**
 * Recorded id → the id the target gave the same entity, per id space. One map per replayed
 * session, backed by one its copy and pass shares with the other sessions: in the recorded store
 * an id names one entity whichever session created it, so a session that uses an id another
 * session created (a second login, a token refresh, a second browser tab) gets the target's id
 * too. The session's own ids win; ids never seen created pass through unchanged.
 */
import type { EntityKind } from "../route-table.js";

export class IdMap {
  private readonly kinds = new Map<EntityKind, Map<number, number>>();

  /** `shared`: where every id learned here is also kept, and looked up when this map lacks one. */
  constructor(private readonly shared?: IdMap) {}

  set(kind: EntityKind, recorded: number, actual: number): void {
    let map = this.kinds.get(kind);
    if (!map) this.kinds.set(kind, (map = new Map()));
    map.set(recorded, actual);
    this.shared?.set(kind, recorded, actual);
  }

  /** The target's id for a recorded one, or the recorded id itself if it was never learned. */
  map(kind: EntityKind, recorded: number): number {
    return this.kinds.get(kind)?.get(recorded) ?? this.shared?.map(kind, recorded) ?? recorded;
  }

  /** What this map learned itself, for reports and tests: `{ band: [[7, 12]], … }`. */
  toJSON(): Partial<Record<EntityKind, Array<[number, number]>>> {
    return Object.fromEntries([...this.kinds].map(([kind, map]) => [kind, [...map]]));
  }
}
