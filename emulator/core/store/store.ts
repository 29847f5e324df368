/**
 * The emulator's store: one lowdb database (in memory by default, a JSON file with `--data`),
 * holding every service's tables and the id counters of contract §1.3. Services declare their
 * tables before the store opens; domain code changes rows synchronously (so two racing requests
 * can never both pass a uniqueness check) and then awaits `commit()`, which with a data file
 * returns only once the change is on disk (written to a temp file and renamed: never half-written).
 */
import { existsSync } from "node:fs";
import { Low, Memory } from "lowdb";
import { DataFile } from "lowdb/node";
import { Table, type Row } from "./table.js";

export const STORE_FORMAT = 1;

export interface StoreData {
  format: number;
  counters: Record<string, number>;
  tables: Record<string, Row[]>;
}

export class StoreError extends Error {}

export function emptyData(): StoreData {
  return { format: STORE_FORMAT, counters: {}, tables: {} };
}

export class Store {
  private readonly db: Low<StoreData>;
  private readonly tables = new Map<string, Table<Row>>();
  /** The last write begun (settled or not, never rejected), and the next one commits wait for. */
  private writing: Promise<unknown> = Promise.resolve();
  private queued: Promise<void> | undefined;
  readonly persistent: boolean;

  constructor(readonly file?: string) {
    this.persistent = file !== undefined;
    const adapter = file
      ? new DataFile<StoreData>(file, {
          parse: (text) => parseStore(text, file),
          stringify: (data) => JSON.stringify(data, null, 1),
        })
      : new Memory<StoreData>();
    this.db = new Low<StoreData>(adapter, emptyData());
  }

  table<T extends Row>(name: string, counter = name): Table<T> {
    if (this.tables.has(name)) throw new Error(`table ${name} declared twice`);
    const table = new Table<T>(name, counter);
    this.tables.set(name, table as unknown as Table<Row>);
    this.attachTable(table as unknown as Table<Row>);
    return table;
  }

  /**
   * Read the data file (if any) and rebuild every index. A file that does not exist yet is
   * written at once, so a location that cannot be written fails the start, not the first write.
   */
  async open(): Promise<void> {
    await this.db.read();
    if (this.file) {
      checkCounters(this.db.data, this.tables.values(), this.file);
      if (!existsSync(this.file)) await this.db.write();
    }
    this.attachAll();
  }

  get data(): StoreData {
    return this.db.data;
  }

  /** True when no table has rows and no id was ever drawn. */
  get isEmpty(): boolean {
    return (
      Object.keys(this.db.data.counters).length === 0 && [...this.tables.values()].every((t) => t.size === 0)
    );
  }

  /** The next id of a counter (artists and managers share `users`). Ids are never reused. */
  nextId(counter: string): number {
    const next = (this.db.data.counters[counter] ?? 0) + 1;
    this.db.data.counters[counter] = next;
    return next;
  }

  /** Make sure a counter is past an id a fixture or a client put in. */
  advanceCounter(counter: string, id: number): void {
    if ((this.db.data.counters[counter] ?? 0) < id) this.db.data.counters[counter] = id;
  }

  counters(): Record<string, number> {
    return { ...this.db.data.counters };
  }

  /**
   * Persist what has changed; a no-op in memory. The promise resolves once a write that began
   * after this call — so one holding this change — is on disk. Commits that arrive while a write
   * is in progress share the next one: the store is serialised once per write, not once per
   * commit, and no commit waits for more than the write in progress plus its own.
   */
  commit(): Promise<void> {
    if (!this.persistent) return Promise.resolve();
    // A write in progress serialised the data before this change: the next one will hold it.
    this.queued ??= this.writing.then(() => {
      this.queued = undefined;
      const write = this.db.write();
      // A failed write fails its own commits, never the next write.
      this.writing = write.catch(() => undefined);
      return write;
    });
    return this.queued;
  }

  /** Replace everything (admin reset, fixtures) and rebuild indexes. */
  async replace(data: StoreData): Promise<void> {
    this.db.data = data;
    this.attachAll();
    await this.commit();
  }

  /** A deep copy of the data, for dumps. */
  snapshot(): StoreData {
    return structuredClone(this.db.data);
  }

  private attachAll(): void {
    for (const table of this.tables.values()) this.attachTable(table);
  }

  private attachTable(table: Table<Row>): void {
    const data = this.db.data;
    const rows = (data.tables[table.name] ??= []);
    table.attach(rows);
  }
}

function parseStore(text: string, file: string): StoreData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StoreError(
      `data file ${file} is not valid JSON (${(error as Error).message}); it was left as it is`,
    );
  }
  const data = parsed as Partial<StoreData> | null;
  if (
    !data ||
    typeof data !== "object" ||
    data.format !== STORE_FORMAT ||
    typeof data.counters !== "object" ||
    typeof data.tables !== "object" ||
    data.counters === null ||
    data.tables === null
  ) {
    throw new StoreError(
      `data file ${file} is not a soundcheck store (format ${STORE_FORMAT}); it was left as it is`,
    );
  }
  for (const [name, value] of Object.entries(data.counters)) {
    if (!Number.isSafeInteger(value) || (value as number) < 0)
      throw new StoreError(
        `data file ${file}: counter ${name} is not a whole number ≥ 0; it was left as it is`,
      );
  }
  for (const [name, rows] of Object.entries(data.tables)) {
    if (
      !Array.isArray(rows) ||
      rows.some((row) => typeof row !== "object" || row === null || typeof (row as Row).id !== "number")
    ) {
      throw new StoreError(
        `data file ${file}: table ${name} is not a list of rows with numeric ids; it was left as it is`,
      );
    }
    const seen = new Set<number>();
    for (const { id } of rows as Row[]) {
      if (seen.has(id))
        throw new StoreError(
          `data file ${file}: table ${name} has two rows with id ${id}; it was left as it is`,
        );
      seen.add(id);
    }
  }
  return data as StoreData;
}

/** Ids are never reused (contract §1.3): a counter below an id of its table would hand it out again. */
function checkCounters(data: StoreData, tables: Iterable<Table<Row>>, file: string): void {
  for (const table of tables) {
    const top = (data.tables[table.name] ?? []).reduce((max, row) => Math.max(max, row.id), 0);
    const counter = data.counters[table.counter] ?? 0;
    if (counter < top) {
      throw new StoreError(
        `data file ${file}: counter ${table.counter} (${counter}) is below id ${top} of table ${table.name}; it was left as it is`,
      );
    }
  }
}
