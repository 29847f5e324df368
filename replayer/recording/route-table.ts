/**
 * Every route of the five services (api-contract.md §2–§6) in one table: what a concrete path is
 * called in the statistics, which entity each id in it refers to, and which answers create an
 * entity. The names use the replayer's festival names where it has them (`/api/bands/{id}`,
 * `/api/tours/{id}/city-visit`), so recorded and generated traffic land under the same names.
 */
import type { RecordingService } from "../../common/recording/index.js";

/** Id spaces (api-contract.md §1.3): managers and artists share one, `user`. */
export type EntityKind = "user" | "band" | "offer" | "album" | "song" | "tour" | "cityVisit";

export interface RouteEntry {
  service: RecordingService;
  method: string;
  pattern: string;
  /** The entity each id path variable refers to. */
  ids: Readonly<Record<string, EntityKind>>;
  /** The entity a top-level `id` in this route's request or response body refers to. */
  entity?: EntityKind;
  /** A 2xx answer created an entity: the `id` of its body (and nested ids) are new. */
  creates?: boolean;
  /** The request body is a bare JSON array of ids of this kind (`PATCH …/bands/{id}`). */
  arrayBody?: EntityKind;
}

type Extra = Partial<Omit<RouteEntry, "service" | "method" | "pattern">>;

const route =
  (service: RecordingService) =>
  (method: string, pattern: string, extra: Extra = {}): RouteEntry => ({
    service,
    method,
    pattern,
    ids: {},
    ...extra,
  });

const users = route("users");
const bands = route("bands");
const catalog = route("catalog");
const tours = route("tours");
const auth = route("auth");

const user = { ids: { id: "user" }, entity: "user" } as const;
const band = { ids: { id: "band" }, entity: "band" } as const;
const offer = { ids: { id: "offer" }, entity: "offer" } as const;
const album = { ids: { id: "album" }, entity: "album" } as const;
const song = { ids: { id: "song" }, entity: "song" } as const;
const tour = { ids: { id: "tour" }, entity: "tour" } as const;
const cityVisit = { ids: { id: "cityVisit" }, entity: "cityVisit" } as const;

const ACTUATOR = (["users", "bands", "catalog", "tours"] as const).flatMap((service) =>
  [
    "/actuator",
    "/actuator/health",
    "/actuator/health/{component}",
    "/actuator/info",
    "/actuator/metrics",
    "/actuator/metrics/{name}",
    "/actuator/prometheus",
    "/v3/api-docs",
  ].map((pattern) => route(service)("GET", pattern)),
);

export const ROUTE_TABLE: readonly RouteEntry[] = [
  auth("GET", "/token"),
  auth("POST", "/token"),
  auth("POST", "/introspect"),
  auth("GET", "/.well-known/openid-configuration"),
  auth("GET", "/.well-known/jwks.json"),

  users("POST", "/api/artists", { entity: "user", creates: true }),
  users("GET", "/api/artists"),
  users("GET", "/api/artists/{id}", user),
  users("PUT", "/api/artists/{id}", user),
  users("DELETE", "/api/artists/{id}", user),
  users("GET", "/api/artists/username/{username}"),
  users("GET", "/api/artists/bands"),
  users("PATCH", "/api/artists/bands/{artistId}", { ids: { artistId: "user" }, arrayBody: "band" }),
  users("PATCH", "/api/artists/link/{artistId}/{bandId}", { ids: { artistId: "user", bandId: "band" } }),
  users("PATCH", "/api/artists/unlink/{artistId}/{bandId}", { ids: { artistId: "user", bandId: "band" } }),
  users("POST", "/api/managers", { entity: "user", creates: true }),
  users("GET", "/api/managers"),
  users("GET", "/api/managers/{id}", user),
  users("PUT", "/api/managers/{id}", user),
  users("DELETE", "/api/managers/{id}", user),
  users("GET", "/api/managers/bands"),
  users("PATCH", "/api/managers/bands/{managerId}", { ids: { managerId: "user" }, arrayBody: "band" }),

  bands("POST", "/api/bands", { entity: "band", creates: true }),
  bands("GET", "/api/bands"),
  bands("GET", "/api/bands/{id}", band),
  bands("PATCH", "/api/bands/{id}", band),
  bands("PATCH", "/api/bands/{bandId}/members/{memberId}", { ids: { bandId: "band", memberId: "user" } }),
  bands("DELETE", "/api/bands/{bandId}/members/{memberId}", { ids: { bandId: "band", memberId: "user" } }),
  bands("POST", "/api/bands/offers", { entity: "offer", creates: true }),
  bands("GET", "/api/bands/offers"),
  bands("GET", "/api/bands/offers/{id}", offer),
  bands("GET", "/api/bands/offers/byBand/{id}", { ids: { id: "band" } }),
  bands("GET", "/api/bands/offers/byMusician/{id}", { ids: { id: "user" } }),
  bands("POST", "/api/bands/offers/{id}/accept", offer),
  bands("POST", "/api/bands/offers/{id}/reject", offer),
  bands("POST", "/api/bands/offers/{id}/revokes", offer),

  catalog("POST", "/api/albums", { entity: "album", creates: true }),
  catalog("GET", "/api/albums"),
  catalog("GET", "/api/albums/{id}", album),
  catalog("PUT", "/api/albums/{id}", album),
  catalog("DELETE", "/api/albums/{id}", album),
  catalog("GET", "/api/albums/band/{bandId}", { ids: { bandId: "band" } }),
  catalog("POST", "/api/albums/{albumId}/songs", {
    ids: { albumId: "album" },
    entity: "song",
    creates: true,
  }),
  catalog("DELETE", "/api/albums/{albumId}/songs/{songId}", { ids: { albumId: "album", songId: "song" } }),
  catalog("POST", "/api/songs", { entity: "song", creates: true }),
  catalog("GET", "/api/songs"),
  catalog("GET", "/api/songs/{id}", song),
  catalog("PUT", "/api/songs/{id}", song),
  catalog("DELETE", "/api/songs/{id}", song),
  catalog("GET", "/api/songs/album/{albumId}", { ids: { albumId: "album" } }),
  catalog("GET", "/api/songs/band/{bandId}", { ids: { bandId: "band" } }),

  tours("POST", "/api/tours", { entity: "tour", creates: true }),
  tours("GET", "/api/tours"),
  tours("GET", "/api/tours/{id}", tour),
  tours("PUT", "/api/tours/{id}", tour),
  tours("DELETE", "/api/tours/{id}", tour),
  tours("GET", "/api/tours/band/{bandId}", { ids: { bandId: "band" } }),
  // 201 with an empty body (contract §6.3): the visit it creates has no id to learn.
  tours("POST", "/api/tours/{id}/city-visit", { ids: { id: "tour" }, entity: "cityVisit" }),
  tours("DELETE", "/api/tours/{tourId}/city-visit/{cityVisitId}", {
    ids: { tourId: "tour", cityVisitId: "cityVisit" },
  }),
  tours("POST", "/api/cityVisits", { entity: "cityVisit", creates: true }),
  tours("GET", "/api/cityVisits"),
  tours("GET", "/api/cityVisits/{id}", cityVisit),
  tours("PUT", "/api/cityVisits/{id}", cityVisit),
  tours("DELETE", "/api/cityVisits/{id}", cityVisit),

  ...ACTUATOR,
];

/**
 * Fields that hold ids wherever they appear (the contract's DTOs and query parameters): in query
 * strings, form bodies and JSON bodies at any depth. A number or a list of numbers (`bandIds=1,2`,
 * `bandIds=1&bandIds=2`, `"members": [3, 4]`).
 */
export const ID_FIELDS: Readonly<Record<string, EntityKind>> = {
  bandId: "band",
  bandIds: "band",
  managedBandIds: "band",
  albumId: "album",
  managerId: "user",
  members: "user",
  invitedMusicianId: "user",
  offeringManagerId: "user",
};

/** Arrays of nested entities whose elements' `id` are of their own kind (`cityVisits[].id`). */
export const NESTED_ENTITIES: Readonly<Record<string, EntityKind>> = {
  cityVisits: "cityVisit",
  songs: "song",
};
