/**
 * The request DTOs of music-catalog-service with their Bean Validation messages (contract §5.2).
 * A violation answers 400 MC-VAL, keyed by field, in declaration order.
 */
import {
  dto,
  int,
  localDateTime,
  long,
  min,
  notBlank,
  notNull,
  objects,
  pastOrPresent,
  string,
  type BoundDto,
} from "../../core/dto/schema.js";

const PACKAGE = "cz.muni.fi.musiccatalogservice";

export const SongDto = dto("SongDto", `${PACKAGE}.dto.SongDto`, {
  id: long(),
  name: string(notBlank("Song name cannot be blank")),
  // A primitive int: missing or null binds as 0 and then fails @Min(1).
  duration: int(min(1, "Song duration must be at least 1 second")),
  bandId: long(notNull("Band ID cannot be null")),
  albumId: long(),
});

export const AlbumDto = dto("AlbumDto", `${PACKAGE}.dto.AlbumDto`, {
  id: long(),
  title: string(notBlank("Album title cannot be blank")),
  releaseDate: localDateTime(
    notNull("Release date cannot be null"),
    pastOrPresent("Release date must be in the past or present"),
  ),
  bandId: long(notNull("Band ID cannot be null")),
  // Bound like any list (a wrong type is a JSON parse error) but never @Valid and never used.
  songs: objects(SongDto),
});

export type SongInput = BoundDto<typeof SongDto>;
export type AlbumInput = BoundDto<typeof AlbumDto>;

/** The entity classes, as Hibernate names them in its messages. */
export const ALBUM_ENTITY = `${PACKAGE}.model.Album`;
export const SONG_ENTITY = `${PACKAGE}.model.Song`;

/** `Method.toGenericString()` of a controller method, as "Required request body is missing" prints it. */
export function controllerSignature(
  controller: "AlbumController" | "SongController",
  method: string,
  returns: "AlbumDto" | "SongDto",
  params: readonly string[],
): string {
  const java = (type: string) => (type === "Long" ? "java.lang.Long" : `${PACKAGE}.dto.${type}`);
  return (
    `public org.springframework.http.ResponseEntity<${java(returns)}> ` +
    `${PACKAGE}.rest.${controller}.${method}(${params.map(java).join(",")})`
  );
}
