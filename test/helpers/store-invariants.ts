/**
 * What must hold of the store after any sequence of requests, whatever they were: the structure
 * the real schemas enforce (unique usernames and emails, songs' album and offers' band exist, a
 * tour's visits exist and belong to one tour, NOT NULL and VARCHAR(255) columns), nothing
 * half-applied, and id counters past every id, never going back. Works on the data as the
 * control plane dumps it (`GET /admin/store`) or as `store.snapshot()` returns it.
 */
import type { StoreData } from "../../emulator/core/store/store.js";

type Row = Record<string, unknown> & { id: number };

/** Each table's counter (contract §1.3: artists and managers share `users`). */
export const TABLE_COUNTERS: Readonly<Record<string, string>> = {
  users: "users",
  bands: "bands",
  band_offers: "band_offers",
  albums: "album",
  songs: "song",
  tours: "tour",
  cityVisits: "city_visit",
};

const VARCHAR = 255;

function rows(data: StoreData, table: string): Row[] {
  return (data.tables[table] ?? []) as Row[];
}

function isIdList(value: unknown): boolean {
  return (
    Array.isArray(value) && value.every((id) => Number.isInteger(id)) && new Set(value).size === value.length
  );
}

function unique(problems: string[], table: string, list: Row[], field: string): void {
  const seen = new Map<unknown, number>();
  for (const row of list) {
    const value = row[field];
    if (value === null || value === undefined) continue;
    const other = seen.get(value);
    if (other !== undefined)
      problems.push(`${table} ${other} and ${row.id} share ${field} ${JSON.stringify(value)}`);
    else seen.set(value, row.id);
  }
}

function required(problems: string[], table: string, list: Row[], fields: string[], maxLength = true): void {
  for (const row of list) {
    for (const field of fields) {
      const value = row[field];
      if (value === null || value === undefined)
        problems.push(`${table} ${row.id}: ${field} is null (NOT NULL column)`);
      if (maxLength && typeof value === "string" && value.length > VARCHAR)
        problems.push(`${table} ${row.id}: ${field} is ${value.length} characters (VARCHAR(255))`);
    }
  }
}

export function checkInvariants(data: StoreData): string[] {
  const problems: string[] = [];
  for (const [table, counter] of Object.entries(TABLE_COUNTERS)) {
    const list = rows(data, table);
    const ids = list.map((row) => row.id);
    if (new Set(ids).size !== ids.length) problems.push(`${table}: an id is used twice`);
    if (ids.some((id, i) => i > 0 && id <= (ids[i - 1] as number)))
      problems.push(`${table}: rows out of id order`);
    const top = Math.max(0, ...ids);
    if ((data.counters[counter] ?? 0) < top)
      problems.push(`counter ${counter} is ${data.counters[counter] ?? 0}, below id ${top}`);
  }

  const users = rows(data, "users");
  unique(problems, "users", users, "username");
  unique(problems, "users", users, "email");
  for (const user of users) {
    const list =
      user.role === "ARTIST" ? user.bandIds : user.role === "MANAGER" ? user.managedBandIds : undefined;
    if (!isIdList(list))
      problems.push(`user ${user.id} (${String(user.role)}): band ids ${JSON.stringify(list)}`);
    for (const field of ["username", "email", "firstName", "lastName"])
      if (typeof user[field] === "string" && (user[field] as string).length > VARCHAR)
        problems.push(`user ${user.id}: ${field} over VARCHAR(255)`);
  }

  // Band names are not unique in band-service's schema (a PATCH can give two bands one name, §4.3).
  const bands = rows(data, "bands");
  required(problems, "bands", bands, ["name", "musicalStyle", "managerId"]);
  for (const band of bands)
    if (!isIdList(band.members)) problems.push(`band ${band.id}: members ${JSON.stringify(band.members)}`);
  const bandIds = new Set(bands.map((band) => band.id));
  for (const offer of rows(data, "band_offers")) {
    if (!bandIds.has(offer.bandId as number))
      problems.push(`offer ${offer.id} names band ${String(offer.bandId)}, which does not exist`);
    if (!["PENDING", "ACCEPTED", "REJECTED"].includes(offer.status as string))
      problems.push(`offer ${offer.id}: status ${String(offer.status)}`);
  }

  const albums = rows(data, "albums");
  required(problems, "albums", albums, ["title", "releaseDate", "bandId"]);
  const albumIds = new Set(albums.map((album) => album.id));
  const songs = rows(data, "songs");
  required(problems, "songs", songs, ["name", "duration", "bandId"]);
  for (const song of songs)
    if (song.albumId !== null && !albumIds.has(song.albumId as number))
      problems.push(`song ${song.id} names album ${String(song.albumId)}, which does not exist`);

  const visits = new Set(rows(data, "cityVisits").map((visit) => visit.id));
  required(problems, "cityVisits", rows(data, "cityVisits"), ["cityName", "dateFrom", "dateTo"]);
  for (const visit of rows(data, "cityVisits"))
    for (const field of ["dateFrom", "dateTo"])
      if (!/^\+?\d{4,}-\d{2}-\d{2}$/.test(String(visit[field])))
        problems.push(`city visit ${visit.id}: ${field} ${String(visit[field])}`);
  const owners = new Map<number, number>();
  const tours = rows(data, "tours");
  required(problems, "tours", tours, ["tourName", "bandId"]);
  for (const tour of tours) {
    for (const visitId of (tour.cityVisitIds as number[] | undefined) ?? []) {
      if (!visits.has(visitId))
        problems.push(`tour ${tour.id} lists city visit ${visitId}, which does not exist`);
      const owner = owners.get(visitId);
      if (owner !== undefined)
        problems.push(`city visit ${visitId} is listed by tours ${owner} and ${tour.id}`);
      owners.set(visitId, tour.id);
    }
  }
  return problems;
}

/** Counters never go back (ids are never reused, contract §1.3). */
export function countersGoBack(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.entries(before)
    .filter(([counter, value]) => (after[counter] ?? 0) < value)
    .map(([counter, value]) => `counter ${counter} went back from ${value} to ${after[counter] ?? 0}`);
}
