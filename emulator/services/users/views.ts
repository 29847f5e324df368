/**
 * Rows as the real DTOs serialise them: superclass fields first, declaration order, nulls written,
 * `password` always included (contract §3.2).
 */
import type { ArtistRow, ManagerRow } from "./collections.js";

export function artistView(row: ArtistRow) {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    role: row.role,
    password: row.password,
    stageName: row.stageName,
    bio: row.bio,
    skills: row.skills,
    bandIds: row.bandIds,
  };
}

export function managerView(row: ManagerRow) {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    role: row.role,
    password: row.password,
    companyName: row.companyName,
    managedBandIds: row.managedBandIds,
  };
}
