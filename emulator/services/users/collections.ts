/**
 * user-service's store: one `users` table for artists and managers, as the real JOINED
 * inheritance keeps them in one `users` table with one identity column — so both kinds draw ids
 * from one counter (contract §1.3) and share the unique username and email columns (§3.3).
 */
import type { Store } from "../../core/store/store.js";
import type { Table } from "../../core/store/table.js";

export type Role = "ARTIST" | "MANAGER";

interface UserBase {
  id: number;
  username: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** A hash for users made through the API, plain text for seeded ones (§8). */
  password: string | null;
}

export interface ArtistRow extends UserBase {
  role: "ARTIST";
  stageName: string | null;
  bio: string | null;
  skills: string | null;
  /** Kept ascending: Java's HashSet order for small ids (§1.2). */
  bandIds: number[];
}

export interface ManagerRow extends UserBase {
  role: "MANAGER";
  companyName: string | null;
  managedBandIds: number[];
}

export type UserRow = ArtistRow | ManagerRow;

/** The index names of the users table. */
export const BY_USERNAME = "username";
export const BY_EMAIL = "email";
export const ARTISTS_BY_BAND = "artistBands";
export const MANAGERS_BY_BAND = "managerBands";

export const USERS_COUNTER = "users";

export interface UserCollections {
  users: Table<UserRow>;
}

export function declareUsers(store: Store): UserCollections {
  const users = store
    .table<UserRow>("users", USERS_COUNTER)
    .unique(BY_USERNAME, (row) => row.username)
    .unique(BY_EMAIL, (row) => row.email)
    .index(ARTISTS_BY_BAND, (row) => (row.role === "ARTIST" ? row.bandIds : null))
    .index(MANAGERS_BY_BAND, (row) => (row.role === "MANAGER" ? row.managedBandIds : null));
  return { users };
}

export function isArtist(row: UserRow | undefined): row is ArtistRow {
  return row?.role === "ARTIST";
}

export function isManager(row: UserRow | undefined): row is ManagerRow {
  return row?.role === "MANAGER";
}
