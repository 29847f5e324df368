/**
 * `/api/albums` (contract §5.3): HTTP only — bound input in, the domain's answer out, then commit.
 */
import type { Store } from "../../core/store/store.js";
import { empty, json } from "../../core/http/reply.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { Albums } from "./albums.js";
import { AlbumDto, controllerSignature, SongDto } from "./validation.js";

const tag = "Album";
const one = { description: "Successfully retrieved album", schema: { dto: AlbumDto } };
const many = { description: "Successfully retrieved albums", schema: { arrayOf: AlbumDto } };
const albumBody = (method: string, params: readonly string[]) =>
  ({
    kind: "dto",
    dto: AlbumDto,
    validate: true,
    signature: controllerSignature("AlbumController", method, "AlbumDto", params),
  }) as const;

export function albumRoutes(albums: Albums, store: Store): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/albums",
      operationId: "getAllAlbums",
      summary: "Get all albums",
      tag,
      responses: { 200: many },
      handle: () => json(200, albums.list()),
    }),
    defineRoute({
      method: "GET",
      path: "/api/albums/{id}",
      operationId: "getAlbumById",
      summary: "Get album by ID",
      tag,
      params: { id: "long" },
      responses: { 200: one, 404: { description: "Album not found" } },
      handle: ({ params }) => json(200, albums.get(params.id)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/albums/band/{bandId}",
      operationId: "getAlbumsByBand",
      summary: "Get albums by band",
      tag,
      params: { bandId: "long" },
      responses: { 200: many },
      handle: ({ params }) => json(200, albums.byBand(params.bandId)),
    }),
    defineRoute({
      method: "POST",
      path: "/api/albums",
      operationId: "createAlbum",
      summary: "Create a new album",
      tag,
      body: albumBody("createAlbum", ["AlbumDto"]),
      responses: {
        201: { description: "Album created successfully", schema: { dto: AlbumDto } },
        400: { description: "Invalid input" },
      },
      handle: async ({ body }) => {
        const created = albums.create(body);
        await store.commit();
        return json(201, created);
      },
    }),
    defineRoute({
      method: "PUT",
      path: "/api/albums/{id}",
      operationId: "updateAlbum",
      summary: "Update an album",
      tag,
      params: { id: "long" },
      body: albumBody("updateAlbum", ["Long", "AlbumDto"]),
      responses: {
        200: { description: "Album updated successfully", schema: { dto: AlbumDto } },
        400: { description: "Invalid input" },
        404: { description: "Album not found" },
      },
      handle: async ({ params, body }) => {
        const updated = albums.update(params.id, body);
        await store.commit();
        return json(200, updated);
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/albums/{id}",
      operationId: "deleteAlbum",
      summary: "Delete an album",
      tag,
      params: { id: "long" },
      responses: {
        204: { description: "Album deleted successfully" },
        404: { description: "Album not found" },
      },
      handle: async ({ params }) => {
        albums.delete(params.id);
        await store.commit();
        return empty(204);
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/albums/{albumId}/songs",
      operationId: "addSongToAlbum",
      // Annotated test_2, but no security rule matches this path: it needs no scope (§5.1, Q5).
      summary: "Add a song to an album",
      tag,
      params: { albumId: "long" },
      body: {
        kind: "dto",
        dto: SongDto,
        validate: true,
        signature: controllerSignature("AlbumController", "addSongToAlbum", "SongDto", ["Long", "SongDto"]),
      },
      responses: {
        201: { description: "Song added to album", schema: { dto: SongDto } },
        404: { description: "Album or song not found" },
      },
      handle: async ({ params, body }) => {
        const song = albums.addSong(params.albumId, body);
        await store.commit();
        return json(201, song);
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/albums/{albumId}/songs/{songId}",
      operationId: "removeSongFromAlbum",
      summary: "Remove a song from an album",
      tag,
      params: { albumId: "long", songId: "long" },
      responses: {
        204: { description: "Song removed from album" },
        400: { description: "Song not in this album" },
        404: { description: "Album or song not found" },
      },
      handle: async ({ params }) => {
        albums.removeSong(params.albumId, params.songId);
        await store.commit();
        return empty(204);
      },
    }),
  ];
}
