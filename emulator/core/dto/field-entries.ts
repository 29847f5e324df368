/**
 * The fields of a DTO as `[name, spec]` pairs, in declaration order. Schemas are made once at
 * start-up and never change, so the pairs are listed once per schema instead of on every
 * request that binds or validates a body.
 */
import type { FieldMap, FieldSpec } from "./schema.js";

const listed = new WeakMap<FieldMap, readonly (readonly [string, FieldSpec])[]>();

export function fieldEntries(fields: FieldMap): readonly (readonly [string, FieldSpec])[] {
  let entries = listed.get(fields);
  if (!entries) {
    entries = Object.freeze(Object.entries(fields));
    listed.set(fields, entries);
  }
  return entries;
}
