/**
 * music-catalog-service's tables: albums and songs, each with its own id counter (contract §1.3:
 * `album`, `song`). Songs are indexed by band and by album and albums by band, so the by-band and
 * by-album endpoints and an album's song list never scan the whole table.
 */
import type { Store } from "../../core/store/store.js";
import type { Table } from "../../core/store/table.js";

export interface AlbumRow {
  id: number;
  title: string;
  /** `LocalDateTime` in Jackson's output form: `2024-03-01T10:00:00`, fraction only if non-zero. */
  releaseDate: string;
  bandId: number;
}

export interface SongRow {
  id: number;
  name: string;
  duration: number;
  bandId: number;
  albumId: number | null;
}

export interface CatalogCollections {
  store: Store;
  albums: Table<AlbumRow>;
  songs: Table<SongRow>;
}

export const ALBUM_COUNTER = "album";
export const SONG_COUNTER = "song";

export function declareCatalog(store: Store): CatalogCollections {
  return {
    store,
    albums: store.table<AlbumRow>("albums", ALBUM_COUNTER).index("band", (album) => album.bandId),
    songs: store
      .table<SongRow>("songs", SONG_COUNTER)
      .index("band", (song) => song.bandId)
      .index("album", (song) => song.albumId),
  };
}
