/**
 * Album operations of music-catalog-service (contract §5.3). Each one checks everything first and
 * only then changes rows, synchronously, so a request applies all of its changes or none.
 */
import type { Id } from "../../core/dto/schema.js";
import { IllegalArgumentError } from "../../core/http/errors.js";
import { firstTooLong, staleMerge } from "../jpa-errors.js";
import { ALBUM_COUNTER, SONG_COUNTER, type AlbumRow, type CatalogCollections } from "./collections.js";
import { byKey, checkBandId, findAlbum, findSong, validated } from "./lookups.js";
import { INSERT_ALBUM, INSERT_SONG, UPDATE_ALBUM } from "./sql.js";
import { ALBUM_ENTITY, type AlbumInput, type SongInput } from "./validation.js";
import { albumView, songView, type AlbumView, type SongView } from "./views.js";

export class Albums {
  constructor(private readonly c: CatalogCollections) {}

  list(): AlbumView[] {
    return this.c.albums.all().map((album) => albumView(this.c, album));
  }

  get(id: Id): AlbumView {
    return albumView(this.c, findAlbum(this.c, id));
  }

  byBand(bandId: Id): AlbumView[] {
    checkBandId(bandId);
    return byKey((i, k) => this.c.albums.find(i, k), "band", bandId).map((album) => albumView(this.c, album));
  }

  create(input: AlbumInput): AlbumView {
    const fields = albumFields(input);
    if (input.id !== null) return this.merge(input.id, fields);
    // The column is VARCHAR(255): a longer title passes validation and fails at insert (§5.2).
    const tooLong = firstTooLong([["title", fields.title]], INSERT_ALBUM);
    if (tooLong) throw tooLong;
    const album = this.c.albums.insert({ id: this.c.store.nextId(ALBUM_COUNTER), ...fields });
    return albumView(this.c, album);
  }

  /**
   * A client-supplied id makes Hibernate merge instead of persist (contract §1.3): an existing row
   * is overwritten and, since the merged album carries an empty song list, loses its songs; a
   * missing row is an optimistic-lock failure.
   */
  private merge(id: number, fields: Omit<AlbumRow, "id">): AlbumView {
    const album = this.c.albums.get(id);
    if (!album) throw staleMerge(ALBUM_ENTITY, id);
    const tooLong = firstTooLong([["title", fields.title]], UPDATE_ALBUM);
    if (tooLong) throw tooLong;
    for (const song of this.c.songs.find("album", id)) this.c.songs.delete(song);
    this.c.albums.update(album, (row) => Object.assign(row, fields));
    return albumView(this.c, album);
  }

  /** Overwrites title, release date and band; the body's id and songs are ignored. */
  update(id: Id, input: AlbumInput): AlbumView {
    const album = findAlbum(this.c, id);
    const fields = albumFields(input);
    const tooLong = firstTooLong([["title", fields.title]], UPDATE_ALBUM);
    if (tooLong) throw tooLong;
    this.c.albums.update(album, (row) => Object.assign(row, fields));
    return albumView(this.c, album);
  }

  /** The album's songs go with it (cascade, contract §5.3). */
  delete(id: Id): void {
    const album = findAlbum(this.c, id);
    for (const song of this.c.songs.find("album", album.id)) this.c.songs.delete(song);
    this.c.albums.delete(album);
  }

  /**
   * `POST /api/albums/{albumId}/songs` (contract §5.3): a new song, or with an `id` an existing
   * one moved here untouched — either way it takes the album's band. The answer is the album's
   * first song (id order) with the same name and duration, which is not always the added one.
   */
  addSong(albumId: Id, input: SongInput): SongView {
    const album = findAlbum(this.c, albumId);
    let added: { name: string; duration: number };
    if (input.id === null) {
      const name = validated(input.name);
      const tooLong = firstTooLong([["name", name]], INSERT_SONG);
      if (tooLong) throw tooLong;
      added = this.c.songs.insert({
        id: this.c.store.nextId(SONG_COUNTER),
        name,
        duration: input.duration,
        bandId: album.bandId,
        albumId: album.id,
      });
    } else {
      const song = findSong(this.c, input.id);
      added = this.c.songs.update(song, (row) => {
        row.albumId = album.id;
        row.bandId = album.bandId;
      });
    }
    const first = this.c.songs
      .find("album", album.id)
      .find((song) => song.name === added.name && song.duration === added.duration);
    return songView(validated(first));
  }

  /**
   * Production deletes the removed song: the album's collection has orphan removal (contract
   * §10.1; the project's IT test only sees it survive inside a rolled-back transaction).
   */
  removeSong(albumId: Id, songId: Id): void {
    const album = findAlbum(this.c, albumId);
    const song = findSong(this.c, songId);
    if (song.albumId === null) throw new IllegalArgumentError("Song is not associated with any album");
    if (song.albumId !== album.id)
      throw new IllegalArgumentError("Song does not belong to the specified album");
    this.c.songs.delete(song);
  }
}

function albumFields(input: AlbumInput): Omit<AlbumRow, "id"> {
  return {
    title: validated(input.title),
    releaseDate: validated(input.releaseDate).text,
    bandId: validated(input.bandId),
  };
}
