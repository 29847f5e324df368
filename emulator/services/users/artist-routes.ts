/**
 * `/api/artists/**` (contract §3.3): HTTP only — binding is declared here, logic is in domain.ts.
 */
import { json, empty } from "../../core/http/reply.js";
import { committed } from "../committed.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { Store } from "../../core/store/store.js";
import type { UserDomain } from "./domain.js";
import { ARTIST } from "./kinds.js";
import { ArtistDto, ArtistUpdateDto } from "./validation.js";
import { artistView } from "./views.js";

const CONTROLLER = "cz.muni.fi.userservice.rest.ArtistController";
const RESPONSE = "org.springframework.http.ResponseEntity<cz.muni.fi.userservice.dto.ArtistDto>";
const tag = "Artist API";
const one = { description: "Artist", schema: { dto: ArtistDto } } as const;
const notFound = { description: "Artist not found", contentType: "application/problem+json" } as const;

function signature(method: string, parameters: string): string {
  return `public ${RESPONSE} ${CONTROLLER}.${method}(${parameters})`;
}

export function artistRoutes(domain: UserDomain, store: Store): Route[] {
  return [
    defineRoute({
      method: "POST",
      path: "/api/artists",
      operationId: "register",
      summary: "Register artist",
      tag,
      body: {
        kind: "dto",
        dto: ArtistDto,
        validate: true,
        signature: signature("register", "cz.muni.fi.userservice.dto.ArtistDto"),
      },
      responses: { 200: { ...one, description: "Artist registered successfully" } },
      handle({ body }) {
        const artist = domain.create(ARTIST, body);
        // ResponseEntity.ok: an artist is "registered" with 200, a manager with 201 (§3.3, Q7).
        return committed(store, json(200, artistView(artist)));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/artists",
      operationId: "getAllArtists",
      summary: "Get all artists",
      tag,
      responses: { 200: { description: "List of artists", schema: { arrayOf: ArtistDto } } },
      handle: () => json(200, domain.list(ARTIST).map(artistView)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/artists/{id}",
      operationId: "getArtistById",
      summary: "Get artist by ID",
      tag,
      params: { id: "long" },
      responses: { 200: one, 404: notFound },
      handle: ({ params }) => json(200, artistView(domain.find(ARTIST, params.id))),
    }),
    defineRoute({
      method: "PUT",
      path: "/api/artists/{id}",
      operationId: "update",
      summary: "Update artist by id",
      tag,
      params: { id: "long" },
      // No @Valid on this parameter: PUT stores whatever it is given (§3.2, Q8).
      body: {
        kind: "dto",
        dto: ArtistUpdateDto,
        validate: false,
        signature: signature("update", "java.lang.Long,cz.muni.fi.userservice.dto.ArtistUpdateDto"),
      },
      responses: { 200: one, 404: notFound },
      handle({ params, body }) {
        const artist = domain.update(ARTIST, params.id, body);
        return committed(store, json(200, artistView(artist)));
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/artists/{id}",
      operationId: "deleteArtist",
      summary: "Delete artist by ID",
      tag,
      params: { id: "long" },
      responses: { 204: { description: "Artist deleted successfully" }, 404: notFound },
      handle({ params }) {
        domain.remove(ARTIST, params.id);
        return committed(store, empty(204));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/artists/username/{username}",
      operationId: "getArtistByUsername",
      summary: "Get artist by username",
      tag,
      params: { username: "string" },
      responses: { 200: one, 404: notFound },
      handle: ({ params }) => json(200, artistView(domain.findArtistByUsername(params.username))),
    }),
    defineRoute({
      method: "GET",
      path: "/api/artists/bands",
      operationId: "getArtistsByBandIds",
      summary: "Get artists by band IDs",
      tag,
      query: { bandIds: { type: "longs" } },
      responses: { 200: { description: "List of artists", schema: { arrayOf: ArtistDto } } },
      handle: ({ query }) => json(200, domain.withAnyBand(ARTIST, query.bandIds ?? []).map(artistView)),
    }),
    defineRoute({
      method: "PATCH",
      path: "/api/artists/bands/{artistId}",
      operationId: "updateBands",
      summary: "Update artist's band IDs",
      tag,
      params: { artistId: "long" },
      body: {
        kind: "longs",
        javaType: "java.util.Set<java.lang.Long>",
        signature: signature("updateBands", "java.lang.Long,java.util.Set<java.lang.Long>"),
      },
      responses: { 200: one, 404: notFound },
      handle({ params, body }) {
        const artist = domain.replaceBands(ARTIST, params.artistId, body);
        return committed(store, json(200, artistView(artist)));
      },
    }),
    ...linkRoutes(domain, store),
  ];
}

function linkRoutes(domain: UserDomain, store: Store): Route[] {
  return (["link", "unlink"] as const).map((action) =>
    defineRoute({
      method: "PATCH",
      path: `/api/artists/${action}/{artistId}/{bandId}`,
      operationId: `${action}ArtistToBand`.replace("unlinkArtistTo", "unlinkArtistFrom"),
      summary: action === "link" ? "Link artist to band" : "Unlink artist from band",
      tag,
      params: { artistId: "long", bandId: "long" },
      responses: { 200: one, 404: notFound },
      handle({ params }) {
        const artist =
          action === "link"
            ? domain.link(params.artistId, params.bandId)
            : domain.unlink(params.artistId, params.bandId);
        return committed(store, json(200, artistView(artist)));
      },
    }),
  );
}
