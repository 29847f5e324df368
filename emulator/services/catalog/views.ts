/**
 * Rows → the DTOs the service writes (contract §5.2), keys in the Java field order. An album's
 * `songs` is always looked up by album id, never taken from a request.
 */
import type { AlbumRow, CatalogCollections, SongRow } from "./collections.js";

export interface SongView {
  id: number;
  name: string;
  duration: number;
  bandId: number;
  albumId: number | null;
}

export interface AlbumView {
  id: number;
  title: string;
  releaseDate: string;
  bandId: number;
  songs: SongView[];
}

export function songView(song: SongRow): SongView {
  return {
    id: song.id,
    name: song.name,
    duration: song.duration,
    bandId: song.bandId,
    albumId: song.albumId,
  };
}

export function albumView(c: CatalogCollections, album: AlbumRow): AlbumView {
  return {
    id: album.id,
    title: album.title,
    releaseDate: album.releaseDate,
    bandId: album.bandId,
    songs: c.songs.find("album", album.id).map(songView),
  };
}
