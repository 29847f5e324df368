/**
 * `/api/songs` (contract §5.3): HTTP only — bound input in, the domain's answer out, then commit.
 */
import type { Store } from "../../core/store/store.js";
import { empty, json } from "../../core/http/reply.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { Songs } from "./songs.js";
import { controllerSignature, SongDto } from "./validation.js";

const tag = "Song";
const many = { description: "Successfully retrieved songs", schema: { arrayOf: SongDto } };

export function songRoutes(songs: Songs, store: Store): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/songs",
      operationId: "getAllSongs",
      summary: "Get all songs",
      tag,
      responses: { 200: many },
      handle: () => json(200, songs.list()),
    }),
    defineRoute({
      method: "GET",
      path: "/api/songs/{id}",
      operationId: "getSongById",
      summary: "Get song by ID",
      tag,
      params: { id: "long" },
      responses: {
        200: { description: "Successfully retrieved song", schema: { dto: SongDto } },
        404: { description: "Song not found" },
      },
      handle: ({ params }) => json(200, songs.get(params.id)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/songs/album/{albumId}",
      operationId: "getSongsByAlbum",
      summary: "Get songs by album",
      tag,
      params: { albumId: "long" },
      responses: { 200: many },
      handle: ({ params }) => json(200, songs.byAlbum(params.albumId)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/songs/band/{bandId}",
      operationId: "getSongsByBand",
      summary: "Get songs by band",
      tag,
      params: { bandId: "long" },
      responses: { 200: many },
      handle: ({ params }) => json(200, songs.byBand(params.bandId)),
    }),
    defineRoute({
      method: "POST",
      path: "/api/songs",
      operationId: "createSong",
      summary: "Create a new song",
      tag,
      body: {
        kind: "dto",
        dto: SongDto,
        validate: true,
        signature: controllerSignature("SongController", "createSong", "SongDto", ["SongDto"]),
      },
      responses: {
        201: { description: "Song created successfully", schema: { dto: SongDto } },
        400: { description: "Invalid input" },
      },
      handle: async ({ body }) => {
        const created = songs.create(body);
        await store.commit();
        return json(201, created);
      },
    }),
    defineRoute({
      method: "PUT",
      path: "/api/songs/{id}",
      operationId: "updateSong",
      summary: "Update a song",
      tag,
      params: { id: "long" },
      body: {
        kind: "dto",
        dto: SongDto,
        validate: true,
        signature: controllerSignature("SongController", "updateSong", "SongDto", ["Long", "SongDto"]),
      },
      responses: {
        200: { description: "Song updated successfully", schema: { dto: SongDto } },
        400: { description: "Invalid input" },
        404: { description: "Song not found" },
      },
      handle: async ({ params, body }) => {
        const updated = songs.update(params.id, body);
        await store.commit();
        return json(200, updated);
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/songs/{id}",
      operationId: "deleteSong",
      summary: "Delete a song",
      tag,
      params: { id: "long" },
      responses: {
        204: { description: "Song deleted successfully" },
        404: { description: "Song not found" },
      },
      handle: async ({ params }) => {
        songs.delete(params.id);
        await store.commit();
        return empty(204);
      },
    }),
  ];
}
