/**
 * The persistence failures of the real services (Hibernate 6.6 on H2 2.3, translated by Spring),
 * with the messages their catch-all handlers print after "An unexpected error occurred: ". The
 * exact texts are framework internals (contract §10.4); these follow the real formats.
 */
import { UnhandledError } from "../core/http/errors.js";

/** Hibernate's default column length for a String attribute. */
export const VARCHAR_LIMIT = 255;

function couldNotExecute(sqlMessage: string, sql: string, code: string, constraint?: string): UnhandledError {
  const suffix = constraint ? `; constraint [${constraint}]` : "";
  return new UnhandledError(
    `could not execute statement [${sqlMessage}; SQL statement:\n${sql} [${code}-232]] [${sql}]; SQL [${sql}]${suffix}`,
  );
}

/** A String longer than its VARCHAR(255) column, refused by H2 at insert or update. */
export function valueTooLong(column: string, value: string, sql: string): UnhandledError {
  let trace = `'${value.replaceAll("'", "''")}'`;
  // H2 cuts the value it quotes in the message after 128 characters.
  if (trace.length > 127) trace = `${trace.slice(0, 128)}...`;
  const message = `Value too long for column "${column.toUpperCase()} CHARACTER VARYING(${VARCHAR_LIMIT})": "${trace} (${value.length})"`;
  return couldNotExecute(message, sql, "22001");
}

/** The first String field over the column limit, as H2 would refuse it (null when all fit). */
export function firstTooLong(
  values: ReadonlyArray<readonly [column: string, value: string | null]>,
  sql: string,
): UnhandledError | null {
  for (const [column, value] of values) {
    if (value !== null && value.length > VARCHAR_LIMIT) return valueTooLong(column, value, sql);
  }
  return null;
}

/** `merge` of an entity whose id has no row (contract §1.3): Hibernate 6.6 calls it stale. */
export function staleMerge(entity: string, id: number): UnhandledError {
  return new UnhandledError(
    `Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [${entity}#${id}]`,
  );
}

/** `persist` cascading to a child that already carries an id (contract §1.3). */
export function detachedEntity(entity: string): UnhandledError {
  return new UnhandledError(`detached entity passed to persist: ${entity}`);
}

/** Deleting a row another table still references. */
export function foreignKeyViolation(
  constraint: string,
  reference: string,
  id: number,
  sql: string,
): UnhandledError {
  const message = `Referential integrity constraint violation: "${constraint}: ${reference} (CAST(${id} AS BIGINT))"`;
  return couldNotExecute(message, sql, "23503", constraint);
}

/** A second row for a unique column (a one-to-many join table's element column). */
export function uniqueViolation(
  constraint: string,
  indexed: string,
  id: number,
  sql: string,
): UnhandledError {
  const message = `Unique index or primary key violation: "PUBLIC.${constraint}_INDEX_1 ON ${indexed} VALUES ( /* 1 */ CAST(${id} AS BIGINT) )"`;
  return couldNotExecute(message, sql, "23505", constraint);
}

/** Replacing an orphan-removal collection object, which Hibernate refuses at flush (§10.2). */
export function orphanCollectionReplaced(role: string): UnhandledError {
  return new UnhandledError(
    `A collection with cascade="all-delete-orphan" was no longer referenced by the owning entity instance: ${role}`,
  );
}
