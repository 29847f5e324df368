/**
 * Song operations of music-catalog-service (contract §5.3): checks first, then synchronous changes.
 */
import type { Id } from "../../core/dto/schema.js";
import { firstTooLong, staleMerge } from "../jpa-errors.js";
import { SONG_COUNTER, type CatalogCollections, type SongRow } from "./collections.js";
import { byKey, checkAlbumId, checkBandId, findAlbum, findSong, validated } from "./lookups.js";
import { INSERT_SONG, UPDATE_SONG } from "./sql.js";
import { SONG_ENTITY, type SongInput } from "./validation.js";
import { songView, type SongView } from "./views.js";

export class Songs {
  constructor(private readonly c: CatalogCollections) {}

  list(): SongView[] {
    return this.c.songs.all().map(songView);
  }

  get(id: Id): SongView {
    return songView(findSong(this.c, id));
  }

  /** Album existence is not checked: an unknown album simply has no songs. */
  byAlbum(albumId: Id): SongView[] {
    checkAlbumId(albumId);
    return byKey((i, k) => this.c.songs.find(i, k), "album", albumId).map(songView);
  }

  byBand(bandId: Id): SongView[] {
    checkBandId(bandId);
    return byKey((i, k) => this.c.songs.find(i, k), "band", bandId).map(songView);
  }

  /**
   * With an `albumId` the song joins that album but keeps its own `bandId` (contract §5.3, §9 L18;
   * only `POST /api/albums/{id}/songs` re-assigns the band).
   */
  create(input: SongInput): SongView {
    const fields = this.songFields(input);
    if (input.id !== null) return this.merge(input.id, fields);
    const tooLong = firstTooLong([["name", fields.name]], INSERT_SONG);
    if (tooLong) throw tooLong;
    return songView(this.c.songs.insert({ id: this.c.store.nextId(SONG_COUNTER), ...fields }));
  }

  /** A client-supplied id (contract §1.3): overwrite the existing row, or fail as a stale merge. */
  private merge(id: number, fields: Omit<SongRow, "id">): SongView {
    const song = this.c.songs.get(id);
    if (!song) throw staleMerge(SONG_ENTITY, id);
    return this.overwrite(song, fields);
  }

  /** Overwrites name, duration and band; a missing `albumId` takes the song out of its album (§5.3, Q16). */
  update(id: Id, input: SongInput): SongView {
    const song = findSong(this.c, id);
    return this.overwrite(song, this.songFields(input));
  }

  delete(id: Id): void {
    this.c.songs.delete(findSong(this.c, id));
  }

  private overwrite(song: SongRow, fields: Omit<SongRow, "id">): SongView {
    const tooLong = firstTooLong([["name", fields.name]], UPDATE_SONG);
    if (tooLong) throw tooLong;
    return songView(this.c.songs.update(song, (row) => Object.assign(row, fields)));
  }

  /** The body as entity fields; a given album must exist (400/404 MC otherwise). */
  private songFields(input: SongInput): Omit<SongRow, "id"> {
    const albumId = input.albumId === null ? null : findAlbum(this.c, input.albumId).id;
    return {
      name: validated(input.name),
      duration: input.duration,
      bandId: validated(input.bandId),
      albumId,
    };
  }
}
