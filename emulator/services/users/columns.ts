/**
 * How the real `users` table's columns refuse values: what Hibernate or H2 would throw there is
 * unhandled in user-service and reaches the client as a 500 BOOT (contract §3.2, §3.3).
 */
import { UnhandledError } from "../../core/http/errors.js";
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
export function uniqueViolation(): UnhandledError {
  return new UnhandledError("could not execute statement; Unique index or primary key violation");
}

/** Hibernate 6.6 merging a detached entity whose id has no row (§1.3). */
export function staleMerge(): UnhandledError {
  return new UnhandledError(
    "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect)",
  );
}
