/**
 * Loading the `users` section of a fixture (`{ "artists": [...], "managers": [...] }`, contract
 * §8). Seeded rows keep their ids and their passwords in plain text — the real seeder bypasses the
 * encoder — and the shared counter continues after the highest id. Nothing is loaded unless the
 * whole section is sound.
 */
import { EntryReader, listsOf, UniqueValues } from "../../fixtures/entries.js";
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
    lists[list].map((entry, index) => {
      const reader = new EntryReader(list, index, entry, problems);
      return { reader, row: build(reader) };
    });
  const entries = [...read("artists", artistOf), ...read("managers", managerOf)];

  const unique = new UniqueValues();
  for (const { reader, row } of entries) {
    unique.claim(reader, "id", row.id || null, users.get(row.id) !== undefined);
    const taken = (index: string, key: string | null) => key !== null && users.countUnique(index, key) > 0;
    unique.claim(reader, "username", row.username, taken(BY_USERNAME, row.username));
    unique.claim(reader, "email", row.email, taken(BY_EMAIL, row.email));
  }
  if (problems.length > 0) return problems;

  const rows: UserRow[] = entries.map(({ row }) => row).sort((a, b) => a.id - b.id);
  for (const row of rows) {
    users.insert(row);
    store.advanceCounter(USERS_COUNTER, row.id);
  }
  return [];
}
