/**
 * A Java `Long` from a path or query (`Id`, a bigint beyond 2^53) as the JSON store can hold it.
 * Such ids never name a row, but a client may still link or invite one; it is kept as the nearest
 * number, while error messages keep printing the id exactly as it was sent.
 */
import type { Id } from "../core/dto/schema.js";

export function storedId(id: Id): number {
  return Number(id);
}
