/**
 * What differs between the two kinds of user: their own fields, their set of band ids and its
 * index, and how a DTO becomes a row. Everything else (ids, uniqueness, passwords) is shared and
 * lives in domain.ts.
 */
import {
  ARTISTS_BY_BAND,
  MANAGERS_BY_BAND,
  isArtist,
  isManager,
  type ArtistRow,
  type ManagerRow,
  type UserRow,
} from "./collections.js";
import type { ArtistInput, ArtistUpdate, ManagerInput, ManagerUpdate } from "./validation.js";

/** The fields both create DTOs and both update DTOs share. */
export interface CommonFields {
  username: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  password: string | null;
}

export interface UserKind<R extends UserRow, In extends CommonFields, Up extends CommonFields> {
  role: R["role"];
  is(row: UserRow | undefined): row is R;
  bandIndex: string;
  bandsOf(input: In | Up): (number | null)[] | null;
  /** A new row from a create DTO; the password is already hashed, the bands already a clean set. */
  build(id: number, input: In, password: string, bands: number[]): R;
  /** A partial update: every non-null field of the DTO overwrites, the others stay (§3.2). */
  patch(row: R, update: Up): void;
  bands(row: R): number[];
  setBands(row: R, bands: number[]): void;
}

function patchCommon(row: UserRow, update: CommonFields): void {
  // `role` is not among them: PUT ignores it (§3.2). The password is re-hashed by the caller.
  if (update.username !== null) row.username = update.username;
  if (update.email !== null) row.email = update.email;
  if (update.firstName !== null) row.firstName = update.firstName;
  if (update.lastName !== null) row.lastName = update.lastName;
}

export const ARTIST: UserKind<ArtistRow, ArtistInput, ArtistUpdate> = {
  role: "ARTIST",
  is: isArtist,
  bandIndex: ARTISTS_BY_BAND,
  bandsOf: (input) => input.bandIds,
  // Every field written out (no spread of the common ones): this runs once per created user.
  build: (id, input, password, bands) => ({
    id,
    username: input.username,
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    password,
    role: "ARTIST",
    stageName: input.stageName,
    bio: input.bio,
    skills: input.skills,
    bandIds: bands,
  }),
  patch(row, update) {
    patchCommon(row, update);
    if (update.stageName !== null) row.stageName = update.stageName;
    if (update.bio !== null) row.bio = update.bio;
    if (update.skills !== null) row.skills = update.skills;
  },
  bands: (row) => row.bandIds,
  setBands(row, bands) {
    row.bandIds = bands;
  },
};

export const MANAGER: UserKind<ManagerRow, ManagerInput, ManagerUpdate> = {
  role: "MANAGER",
  is: isManager,
  bandIndex: MANAGERS_BY_BAND,
  bandsOf: (input) => input.managedBandIds,
  build: (id, input, password, bands) => ({
    id,
    username: input.username,
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    password,
    role: "MANAGER",
    companyName: input.companyName,
    managedBandIds: bands,
  }),
  patch(row, update) {
    patchCommon(row, update);
    if (update.companyName !== null) row.companyName = update.companyName;
  },
  bands: (row) => row.managedBandIds,
  setBands(row, bands) {
    row.managedBandIds = bands;
  },
};
