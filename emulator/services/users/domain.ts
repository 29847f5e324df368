/**
 * user-service's business logic, shared by artists and managers. Every operation checks all it
 * needs first and only then changes rows, synchronously, so two racing requests can never both
 * pass a uniqueness check and a failing request changes nothing (except an id drawn by a refused
 * insert, as H2's identity column does).
 */
import type { Id } from "../../core/dto/schema.js";
import type { Store } from "../../core/store/store.js";
import {
  BY_EMAIL,
  BY_USERNAME,
  USERS_COUNTER,
  isArtist,
  type ArtistRow,
  type UserCollections,
  type UserRow,
} from "./collections.js";
import type { CommonFields, UserKind } from "./kinds.js";
import {
  artistAlreadyLinked,
  artistNotLinked,
  userAlreadyExists,
  userNotFound,
  userNotFoundByUsername,
} from "./errors.js";
import { ARTIST } from "./kinds.js";
import type { PasswordHasher } from "./password-hash.js";
import { storedId } from "../stored-id.js";
import { staleMerge } from "../jpa-errors.js";
import { bandIdSet, hashedPassword, tooLong, uniqueViolation } from "./columns.js";

export class UserDomain {
  constructor(
    private readonly collections: UserCollections,
    private readonly store: Store,
    private readonly hash: PasswordHasher,
  ) {}

  find<R extends UserRow>(kind: UserKind<R, never, never>, id: Id): R {
    const row = this.collections.users.get(id);
    if (!kind.is(row)) throw userNotFound(id);
    return row;
  }

  /** Exact, case-sensitive; a manager's username does not count (§3.3). */
  findArtistByUsername(username: string): ArtistRow {
    const row = this.collections.users.findUnique(BY_USERNAME, username);
    if (!isArtist(row)) throw userNotFoundByUsername(username);
    return row;
  }

  list<R extends UserRow>(kind: UserKind<R, never, never>): R[] {
    return this.collections.users.all().filter(kind.is);
  }

  /** Users whose band set holds any of `bandIds`, each once, in id order. */
  withAnyBand<R extends UserRow>(kind: UserKind<R, never, never>, bandIds: readonly Id[]): R[] {
    const found = new Set<R>();
    for (const bandId of bandIds) {
      if (typeof bandId !== "number") continue;
      for (const row of this.collections.users.find(kind.bandIndex, bandId)) found.add(row as R);
    }
    return [...found].sort((a, b) => a.id - b.id);
  }

  create<R extends UserRow, In extends CommonFields & { id: number | null }>(
    kind: UserKind<R, In, never>,
    input: In,
  ): R {
    const { users } = this.collections;
    // Only the username of the same kind is checked in code (409); the rest is the database's.
    if (kind.is(users.findUnique(BY_USERNAME, input.username as string))) {
      throw userAlreadyExists(input.username);
    }
    const password = hashedPassword(this.hash, input.password);
    const bands = bandIdSet(kind.bandsOf(input));
    if (input.id !== null) {
      // A client-supplied id makes Hibernate merge instead of insert (§1.3).
      const target = users.get(input.id);
      if (!kind.is(target)) throw staleMerge(ENTITY[kind.role], input.id);
      const merged = kind.build(target.id, input, password, bands);
      this.requireStorable(merged, target);
      return this.change(target, (row) => Object.assign(row, merged));
    }
    const row = kind.build(0, input, password, bands);
    // H2 draws the identity value before a column refuses the row, so a refused insert spends an id.
    const id = this.store.nextId(USERS_COUNTER);
    this.requireStorable(row, undefined);
    row.id = id;
    users.insert(row);
    return row;
  }

  /** PUT: no validation, a partial update, and the password hashed again every time (§3.2). */
  update<R extends UserRow, Up extends CommonFields>(kind: UserKind<R, never, Up>, id: Id, update: Up): R {
    const row = this.find(kind, id);
    const candidate = { ...row };
    kind.patch(candidate, update);
    candidate.password = hashedPassword(this.hash, update.password ?? row.password);
    const bands = kind.bandsOf(update);
    if (bands !== null) kind.setBands(candidate, bandIdSet(bands));
    this.requireStorable(candidate, row);
    return this.change(row, (target) => Object.assign(target, candidate));
  }

  remove(kind: UserKind<UserRow, never, never>, id: Id): void {
    this.collections.users.delete(this.find(kind, id));
  }

  replaceBands<R extends UserRow>(
    kind: UserKind<R, never, never>,
    id: Id,
    bandIds: readonly (number | null)[],
  ): R {
    const row = this.find(kind, id);
    const bands = bandIdSet(bandIds);
    return this.change(row, (target) => kind.setBands(target, bands));
  }

  /** Direct link and unlink: no band check, no message to band-service (§3.3, §7.1). */
  link(artistId: Id, bandId: Id): ArtistRow {
    const artist = this.find(ARTIST, artistId);
    const band = storedId(bandId);
    if (artist.bandIds.includes(band)) throw artistAlreadyLinked(artistId, bandId);
    return this.setArtistBands(artist, [...artist.bandIds, band]);
  }

  unlink(artistId: Id, bandId: Id): ArtistRow {
    const artist = this.find(ARTIST, artistId);
    const band = storedId(bandId);
    if (!artist.bandIds.includes(band)) throw artistNotLinked(artistId, bandId);
    return this.setArtistBands(
      artist,
      artist.bandIds.filter((id) => id !== band),
    );
  }

  private setArtistBands(artist: ArtistRow, bands: number[]): ArtistRow {
    const sorted = bandIdSet(bands);
    return this.change(artist, (row) => ARTIST.setBands(row, sorted));
  }

  /** Change a row in place, keeping the table's indexes in step. */
  private change<R extends UserRow>(row: R, mutate: (row: R) => void): R {
    this.collections.users.update(row, mutate as (row: UserRow) => void);
    return row;
  }

  /** What the table's columns would refuse: a value over 255 characters, a username or email in use. */
  private requireStorable(row: UserRow, self: UserRow | undefined): void {
    const refused = tooLong(row);
    if (refused) throw refused;
    const { users } = this.collections;
    for (const [column, index] of [
      ["username", BY_USERNAME],
      ["email", BY_EMAIL],
    ] as const) {
      const value = row[column];
      const holder = value === null ? undefined : users.findUnique(index, value);
      if (holder !== undefined && holder !== self) throw uniqueViolation(column, value as string);
    }
  }
}

/** The entity Hibernate names when a merge finds no row (§1.3). */
const ENTITY = {
  ARTIST: "cz.muni.fi.userservice.model.Artist",
  MANAGER: "cz.muni.fi.userservice.model.Manager",
} as const;
