import type { ServiceName } from "../../services.js";
import type { RouteName } from "../../stats/stats-collector.js";

function route(service: ServiceName, method: string, pattern: string): RouteName {
  return { name: `${pattern} [${method}]`, method, service };
}

/** Every request name the festival scenario produces, by the route it stands for. */
export const ROUTES = {
  registerManager: route("users", "POST", "/api/managers"),
  registerArtist: route("users", "POST", "/api/artists"),
  listArtists: route("users", "GET", "/api/artists"),
  listManagers: route("users", "GET", "/api/managers"),
  viewArtist: route("users", "GET", "/api/artists/{id}"),
  viewManager: route("users", "GET", "/api/managers/{id}"),
  updateArtist: route("users", "PUT", "/api/artists/{id}"),
  updateManager: route("users", "PUT", "/api/managers/{id}"),
  artistsOfBands: route("users", "GET", "/api/artists/bands"),
  managersOfBands: route("users", "GET", "/api/managers/bands"),

  listBands: route("bands", "GET", "/api/bands"),
  createBand: route("bands", "POST", "/api/bands"),
  viewBand: route("bands", "GET", "/api/bands/{id}"),
  updateBand: route("bands", "PATCH", "/api/bands/{id}"),
  createOffer: route("bands", "POST", "/api/bands/offers"),
  listOffers: route("bands", "GET", "/api/bands/offers"),
  offersOfBand: route("bands", "GET", "/api/bands/offers/byBand/{id}"),
  offersOfMusician: route("bands", "GET", "/api/bands/offers/byMusician/{id}"),
  acceptOffer: route("bands", "POST", "/api/bands/offers/{id}/accept"),
  rejectOffer: route("bands", "POST", "/api/bands/offers/{id}/reject"),
  addMember: route("bands", "PATCH", "/api/bands/{bandId}/members/{memberId}"),
  removeMember: route("bands", "DELETE", "/api/bands/{bandId}/members/{memberId}"),

  createTour: route("tours", "POST", "/api/tours"),
  toursOfBand: route("tours", "GET", "/api/tours/band/{bandId}"),
  viewTour: route("tours", "GET", "/api/tours/{id}"),
  addCityVisit: route("tours", "POST", "/api/tours/{id}/city-visit"),

  createAlbum: route("catalog", "POST", "/api/albums"),
  albumsOfBand: route("catalog", "GET", "/api/albums/band/{bandId}"),
  createSong: route("catalog", "POST", "/api/songs"),
  songsOfBand: route("catalog", "GET", "/api/songs/band/{bandId}"),
} as const satisfies Record<string, RouteName>;

/** Reads `{"id": <integer>}` out of a create answer. */
export function readId(body: unknown): number | undefined {
  if (!body || typeof body !== "object") return undefined;
  const id = (body as { id?: unknown }).id;
  return typeof id === "number" && Number.isInteger(id) ? id : undefined;
}

export function query(params: Record<string, string | number>): string {
  return new URLSearchParams(
    Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
  ).toString();
}
