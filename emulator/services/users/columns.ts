/**
 * How the real `users` table's columns refuse values: what Hibernate or H2 would throw there is
 * unhandled in user-service and reaches the client as a 500 BOOT (contract §3.2, §3.3).
 */
import { UnhandledError } from "../../core/http/errors.js";
import { firstTooLong, VARCHAR_LIMIT } from "../jpa-errors.js";
import type { UserRow } from "./collections.js";
import { MAX_PASSWORD_BYTES, passwordBytes, type PasswordHasher } from "./password-hash.js";

/** A value for a `Set<Long>` column: de-duplicated, ascending (§1.2); a null element fails the insert. */
export function bandIdSet(values: readonly (number | null)[] | null): number[] {
  if (values === null) return [];
  if (values.some((value) => value === null)) {
    throw new UnhandledError('NULL not allowed for column "BAND_IDS"');
  }
  return [...new Set(values as number[])].sort((a, b) => a - b);
}

/** BCryptPasswordEncoder refuses null and, since Spring Security 6.4.4, more than 72 bytes (Q9). */
export function hashedPassword(hash: PasswordHasher, password: string | null): string {
  if (password === null) throw new UnhandledError("rawPassword cannot be null");
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) {
    throw new UnhandledError("password cannot be more than 72 bytes");
  }
  return hash(password);
}

/** The unique username and email columns of the shared table. */
export function uniqueViolation(column: "username" | "email", value: string): UnhandledError {
  return new UnhandledError(
    `could not execute statement [Unique index or primary key violation: "PUBLIC.UK_USERS_${column.toUpperCase()} ON PUBLIC.USERS(${column.toUpperCase()} NULLS FIRST) VALUES ( '${value}' )"]`,
  );
}

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A String field over its VARCHAR(255) column, as H2 refuses it at insert or update (null when all fit). */
export function tooLong(row: UserRow): UnhandledError | null {
  let fits = true;
  for (const key in row) {
    const value = row[key as keyof UserRow];
    if (typeof value === "string" && value.length > VARCHAR_LIMIT) fits = false;
  }
  if (fits) return null;
  const columns = Object.entries(row)
    .filter(([field, value]) => typeof value === "string" && field !== "role")
    .map(([field, value]): [string, string] => [snakeCase(field), value as string]);
  return firstTooLong(
    columns,
    `update users set ${columns.map(([column]) => `${column}=?`).join(",")} where id=?`,
  );
}
