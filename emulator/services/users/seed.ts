/**
 * Loading the `users` section of a fixture (`{ "artists": [...], "managers": [...] }`, contract
 * §8). Seeded rows keep their ids and their passwords in plain text — the real seeder bypasses the
 * encoder — and the shared counter continues after the highest id. Nothing is loaded unless the
 * whole section is sound.
 */
import { EntryReader, listsOf } from "../../fixtures/entries.js";
import type { Store } from "../../core/store/store.js";
import {
  BY_EMAIL,
  BY_USERNAME,
  USERS_COUNTER,
  type ArtistRow,
  type ManagerRow,
  type UserCollections,
  type UserRow,
} from "./collections.js";

function common(reader: EntryReader) {
  return {
    id: reader.id(),
    username: reader.string("username", true),
    email: reader.string("email", true),
    firstName: reader.string("firstName", false),
    lastName: reader.string("lastName", false),
    password: reader.string("password", false),
  };
}

function artistOf(reader: EntryReader): ArtistRow {
  return {
    ...common(reader),
    role: reader.oneOf("role", ["ARTIST"], "ARTIST"),
    stageName: reader.string("stageName", false),
    bio: reader.string("bio", false),
    skills: reader.string("skills", false),
    bandIds: reader.integers("bandIds"),
  };
}

function managerOf(reader: EntryReader): ManagerRow {
  return {
    ...common(reader),
    role: reader.oneOf("role", ["MANAGER"], "MANAGER"),
    companyName: reader.string("companyName", false),
    managedBandIds: reader.integers("managedBandIds"),
  };
}

export function seedUsers(section: unknown, { users }: UserCollections, store: Store): string[] {
  const problems: string[] = [];
  const lists = listsOf(section, ["artists", "managers"] as const, problems);
  const read = <R>(list: "artists" | "managers", build: (reader: EntryReader) => R) =>
    lists[list].map((entry, index) => ({
      row: build(new EntryReader(list, index, entry, problems)),
      list,
      index,
    }));
  const entries = [...read("artists", artistOf), ...read("managers", managerOf)];

  const seen = {
    id: new Map<unknown, string>(),
    username: new Map<unknown, string>(),
    email: new Map<unknown, string>(),
  };
  for (const { row, list, index } of entries) {
    const label = `${list}[${index}] (id ${row.id})`;
    const clash = (field: "id" | "username" | "email", taken: boolean) => {
      const earlier = seen[field].get(row[field]);
      if (earlier || taken)
        problems.push(
          `${label}: ${field} ${JSON.stringify(row[field])} already used by ${earlier ?? "a stored user"}`,
        );
      seen[field].set(row[field], label);
    };
    clash("id", users.get(row.id) !== undefined);
    clash("username", row.username !== null && users.countUnique(BY_USERNAME, row.username) > 0);
    clash("email", row.email !== null && users.countUnique(BY_EMAIL, row.email) > 0);
  }
  if (problems.length > 0) return problems;

  const rows: UserRow[] = entries.map(({ row }) => row).sort((a, b) => a.id - b.id);
  for (const row of rows) {
    users.insert(row);
    store.advanceCounter(USERS_COUNTER, row.id);
  }
  return [];
}
