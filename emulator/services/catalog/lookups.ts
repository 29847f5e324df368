/**
 * Finding albums and songs the way the real services do (contract §5.2): a negative id is an
 * IllegalArgumentException (400 MC), id 0 is allowed and simply not found (404 MC).
 */
import type { Id } from "../../core/dto/schema.js";
import { IllegalArgumentError, ResourceNotFoundError } from "../../core/http/errors.js";
import type { AlbumRow, CatalogCollections, SongRow } from "./collections.js";

export function checkAlbumId(id: Id): void {
  if (id < 0) throw new IllegalArgumentError(`Invalid album ID: ${id}`);
}

export function checkSongId(id: Id): void {
  if (id < 0) throw new IllegalArgumentError(`Invalid song ID: ${id}`);
}

export function checkBandId(id: Id): void {
  if (id < 0) throw new IllegalArgumentError(`Invalid band ID: ${id}`);
}

export function findAlbum(c: CatalogCollections, id: Id): AlbumRow {
  checkAlbumId(id);
  const album = c.albums.get(id);
  if (!album) throw new ResourceNotFoundError(`Album not found with id: ${id}`);
  return album;
}

export function findSong(c: CatalogCollections, id: Id): SongRow {
  checkSongId(id);
  const song = c.songs.get(id);
  if (!song) throw new ResourceNotFoundError(`Song not found with id: ${id}`);
  return song;
}

/** Rows of a by-key index; an id beyond 2^53 can name no row. */
export function byKey<T extends { id: number }>(
  find: (index: string, key: number) => T[],
  index: string,
  id: Id,
): T[] {
  return typeof id === "number" ? find(index, id) : [];
}

/** A field `@Valid` already checked for null; the type system cannot know that. */
export function validated<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("validated field is null");
  return value;
}
