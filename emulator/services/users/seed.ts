/**
 * Loading the `users` section of a fixture (`{ "artists": [...], "managers": [...] }`, contract
 * §8). Seeded rows keep their ids and their passwords as given — the real seeder bypasses the
 * encoder, so its users answer their plain-text password — and the shared counter continues
 * after the highest id. Everything is checked before anything is inserted.
 */
import type { Store } from "../../core/store/store.js";
import { checkUniqueIds, readEntries, type FixtureEntry } from "../../fixtures/entries.js";
import { VARCHAR_LIMIT } from "../jpa-errors.js";
import {
  BY_EMAIL,
  BY_USERNAME,
  USERS_COUNTER,
  type ArtistRow,
  type ManagerRow,
  type Role,
  type UserCollections,
  type UserRow,
} from "./collections.js";

type Text = string | null | undefined;

/** A VARCHAR(255) column's value: longer text would not fit the real table. */
function text(entry: FixtureEntry, field: string, rule: "notBlank" | "nullable"): Text {
  const value = entry.string(field, rule);
  if (typeof value === "string" && value.length > VARCHAR_LIMIT) {
    entry.problem(`${field} is longer than ${VARCHAR_LIMIT} characters`);
    return undefined;
  }
  return value;
}

function role(entry: FixtureEntry, expected: Role): void {
  if (entry.raw.role !== undefined && entry.raw.role !== expected)
    entry.problem(`role must be "${expected}"`);
}

function common(id: number, entry: FixtureEntry) {
  return {
    id,
    username: text(entry, "username", "notBlank"),
    email: text(entry, "email", "notBlank"),
    firstName: text(entry, "firstName", "nullable"),
    lastName: text(entry, "lastName", "nullable"),
    password: text(entry, "password", "nullable"),
  };
}

type Complete<R> = { [K in keyof R]: Exclude<R[K], undefined> };

/** The row, when every field was readable (each problem is already reported). */
function complete<R extends object>(row: R): Complete<R> | undefined {
  return Object.values(row).every((value) => value !== undefined) ? (row as Complete<R>) : undefined;
}

function artistOf(id: number, entry: FixtureEntry): ArtistRow | undefined {
  role(entry, "ARTIST");
  return complete({
    ...common(id, entry),
    role: "ARTIST" as const,
    stageName: text(entry, "stageName", "nullable"),
    bio: text(entry, "bio", "nullable"),
    skills: text(entry, "skills", "nullable"),
    bandIds: setOf(entry, "bandIds"),
  });
}

function managerOf(id: number, entry: FixtureEntry): ManagerRow | undefined {
  role(entry, "MANAGER");
  return complete({
    ...common(id, entry),
    role: "MANAGER" as const,
    companyName: text(entry, "companyName", "nullable"),
    managedBandIds: setOf(entry, "managedBandIds"),
  });
}

function setOf(entry: FixtureEntry, field: string): number[] | undefined {
  const ids = entry.integers(field);
  return ids && [...new Set(ids)].sort((a, b) => a - b);
}

export function seedUsers(section: unknown, { users }: UserCollections, store: Store): string[] {
  const problems: string[] = [];
  const artists = readEntries(section, "artists", problems);
  const managers = readEntries(section, "managers", problems);
  const kinds = new Map<FixtureEntry, typeof artistOf | typeof managerOf>([
    ...artists.map((entry) => [entry, artistOf] as const),
    ...managers.map((entry) => [entry, managerOf] as const),
  ]);
  // One id space for both lists: they share the users table's counter (§1.3).
  const byId = checkUniqueIds([...artists, ...managers], (id) => users.get(id) !== undefined);
  const rows: UserRow[] = [];
  const seen = { username: new Set<string>(), email: new Set<string>() };
  for (const [id, entry] of byId) {
    const row = kinds.get(entry)?.(id, entry);
    for (const [field, index] of [
      ["username", BY_USERNAME],
      ["email", BY_EMAIL],
    ] as const) {
      const value = entry.raw[field];
      if (typeof value !== "string") continue;
      if (seen[field].has(value)) entry.problem(`${field} "${value}" is used twice`);
      else if (users.countUnique(index, value) > 0)
        entry.problem(`${field} "${value}" is already in the store`);
      seen[field].add(value);
    }
    if (row) rows.push(row);
  }
  if (problems.length > 0) return problems;
  for (const row of rows.sort((a, b) => a.id - b.id)) {
    users.insert(row);
    store.advanceCounter(USERS_COUNTER, row.id);
  }
  return [];
}
