/**
 * One table of the store: rows in id order inside lowdb's data (so writing the file writes them),
 * plus in-memory indexes — by id, unique keys and multi-value keys — so that lookups never scan.
 */
import type { Id } from "../dto/schema.js";

export interface Row {
  id: number;
}

type Key = string | number;

interface UniqueIndex<T> {
  key: (row: T) => Key | null;
  /** Usually one row per key; the real schema lets a few duplicates in (band names via PATCH). */
  map: Map<Key, T[]>;
}

interface MultiIndex<T> {
  key: (row: T) => readonly Key[] | Key | null;
  map: Map<Key, Set<T>>;
}

export class Table<T extends Row> {
  private rows: T[] = [];
  private readonly byId = new Map<number, T>();
  private readonly uniques = new Map<string, UniqueIndex<T>>();
  private readonly multis = new Map<string, MultiIndex<T>>();

  constructor(
    readonly name: string,
    readonly counter: string,
  ) {}

  /** Rows must stay findable by `name` → key; several rows may not share a key. */
  unique(name: string, key: (row: T) => Key | null): this {
    this.uniques.set(name, { key, map: new Map() });
    return this;
  }

  /** Rows findable by every key `key` returns (one row may be under several keys). */
  index(name: string, key: (row: T) => readonly Key[] | Key | null): this {
    this.multis.set(name, { key, map: new Map() });
    return this;
  }

  /** Adopt the array stored in lowdb's data and rebuild every index from it. */
  attach(rows: T[]): void {
    rows.sort((a, b) => a.id - b.id);
    this.rows = rows;
    this.byId.clear();
    for (const index of this.uniques.values()) index.map.clear();
    for (const index of this.multis.values()) index.map.clear();
    for (const row of rows) {
      this.byId.set(row.id, row);
      this.addToIndexes(row);
    }
  }

  get size(): number {
    return this.rows.length;
  }

  get(id: Id): T | undefined {
    return typeof id === "number" ? this.byId.get(id) : undefined;
  }

  all(): readonly T[] {
    return this.rows;
  }

  /** The oldest row with that key. */
  findUnique(index: string, key: Key): T | undefined {
    return this.uniqueIndex(index).map.get(key)?.[0];
  }

  /** How many rows share that key. */
  countUnique(index: string, key: Key): number {
    return this.uniqueIndex(index).map.get(key)?.length ?? 0;
  }

  /** Rows under `key`, in id order. */
  find(index: string, key: Key): T[] {
    const found = this.multiIndex(index).map.get(key);
    if (!found) return [];
    return [...found].sort((a, b) => a.id - b.id);
  }

  /** Append a row whose id the store just drew; ids only grow, so id order is kept. */
  insert(row: T): T {
    const last = this.rows[this.rows.length - 1];
    this.rows.push(row);
    if (last && last.id > row.id) this.rows.sort((a, b) => a.id - b.id);
    this.byId.set(row.id, row);
    this.addToIndexes(row);
    return row;
  }

  /** Change a row in place; indexes follow. */
  update(row: T, change: (row: T) => void): T {
    this.removeFromIndexes(row);
    change(row);
    this.addToIndexes(row);
    return row;
  }

  delete(row: T): void {
    const at = this.positionOf(row.id);
    if (at < 0) return;
    this.rows.splice(at, 1);
    this.byId.delete(row.id);
    this.removeFromIndexes(row);
  }

  private positionOf(id: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const midId = (this.rows[mid] as T).id;
      if (midId === id) return mid;
      if (midId < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private uniqueIndex(name: string): UniqueIndex<T> {
    const index = this.uniques.get(name);
    if (!index) throw new Error(`table ${this.name} has no unique index ${name}`);
    return index;
  }

  private multiIndex(name: string): MultiIndex<T> {
    const index = this.multis.get(name);
    if (!index) throw new Error(`table ${this.name} has no index ${name}`);
    return index;
  }

  private addToIndexes(row: T): void {
    for (const index of this.uniques.values()) {
      const key = index.key(row);
      if (key === null) continue;
      const holders = index.map.get(key);
      if (!holders) index.map.set(key, [row]);
      else {
        holders.push(row);
        holders.sort((a, b) => a.id - b.id);
      }
    }
    for (const index of this.multis.values()) {
      for (const key of keysOf(index.key(row))) {
        let set = index.map.get(key);
        if (!set) index.map.set(key, (set = new Set()));
        set.add(row);
      }
    }
  }

  private removeFromIndexes(row: T): void {
    for (const index of this.uniques.values()) {
      const key = index.key(row);
      if (key === null) continue;
      const holders = index.map.get(key)?.filter((holder) => holder !== row);
      if (holders && holders.length > 0) index.map.set(key, holders);
      else index.map.delete(key);
    }
    for (const index of this.multis.values()) {
      for (const key of keysOf(index.key(row))) {
        const set = index.map.get(key);
        set?.delete(row);
        if (set && set.size === 0) index.map.delete(key);
      }
    }
  }
}

function keysOf(keys: readonly Key[] | Key | null): readonly Key[] {
  if (keys === null) return [];
  return Array.isArray(keys) ? keys : [keys as Key];
}
