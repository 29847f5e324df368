/**
 * Loading the `catalog` section of a fixture file (format: `fixtures/seed.json`): albums
 * `{id, title, releaseDate, bandId}` with `releaseDate` `"now"`, `"D±n"` or an ISO local date-time,
 * and songs `{id, name, duration, bandId, albumId}`. Everything is checked before anything is
 * inserted; the counters continue after the highest id.
 */
import { localDateTimeOf, parseLocalDateTime } from "../../core/dto/dates.js";
import type { Store } from "../../core/store/store.js";
import { checkUniqueIds, readEntries, type FixtureEntry } from "../../fixtures/entries.js";
import { fixtureInstant } from "../../fixtures/fixture-dates.js";
import { VARCHAR_LIMIT } from "../jpa-errors.js";
import {
  ALBUM_COUNTER,
  SONG_COUNTER,
  type AlbumRow,
  type CatalogCollections,
  type SongRow,
} from "./collections.js";

export function seedCatalog(section: unknown, c: CatalogCollections, store: Store, nowMs: number): string[] {
  const problems: string[] = [];
  const albumEntries = checkUniqueIds(readEntries(section, "albums", problems), (id) => !!c.albums.get(id));
  const songEntries = checkUniqueIds(readEntries(section, "songs", problems), (id) => !!c.songs.get(id));
  const albums: AlbumRow[] = [];
  for (const [id, entry] of albumEntries) {
    const title = limited(entry, "title");
    const releaseDate = releaseDateOf(entry, nowMs);
    const bandId = entry.integer("bandId");
    if (title && releaseDate && typeof bandId === "number") albums.push({ id, title, releaseDate, bandId });
  }
  const songs: SongRow[] = [];
  for (const [id, entry] of songEntries) {
    const name = limited(entry, "name");
    const duration = entry.integer("duration", { min: 1 });
    const bandId = entry.integer("bandId");
    const albumId = entry.integer("albumId", { nullable: true });
    if (typeof albumId === "number" && !albumEntries.has(albumId) && !c.albums.get(albumId))
      entry.problem(`albumId ${albumId} is not an album`);
    else if (name && typeof duration === "number" && typeof bandId === "number" && albumId !== undefined)
      songs.push({ id, name, duration, bandId, albumId });
  }
  if (problems.length > 0) return problems;
  for (const album of albums) {
    c.albums.insert(album);
    store.advanceCounter(ALBUM_COUNTER, album.id);
  }
  for (const song of songs) {
    c.songs.insert(song);
    store.advanceCounter(SONG_COUNTER, song.id);
  }
  return [];
}

function limited(entry: FixtureEntry, field: string): string | undefined {
  const value = entry.string(field) ?? undefined;
  if (value !== undefined && value.length > VARCHAR_LIMIT) {
    entry.problem(`${field} is longer than ${VARCHAR_LIMIT} characters`);
    return undefined;
  }
  return value;
}

function releaseDateOf(entry: FixtureEntry, nowMs: number): string | undefined {
  const raw = entry.raw.releaseDate;
  const exact = typeof raw === "string" ? parseLocalDateTime(raw) : undefined;
  if (exact) return exact.text;
  const instant = fixtureInstant(raw, nowMs);
  if (instant !== undefined) return localDateTimeOf(instant).text;
  entry.problem('releaseDate must be "now", "D+n" or an ISO local date-time');
  return undefined;
}
