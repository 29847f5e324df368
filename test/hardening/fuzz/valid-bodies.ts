/**
 * A body the contract accepts, per request DTO (contract §3.2, §4.2, §5.2, §6.2), so that the
 * unmutated requests create, change and delete real rows for the invariants to check.
 */
import type { FuzzState } from "./state.js";

type BodyMaker = (s: FuzzState) => unknown;

function user(s: FuzzState, kind: "artist" | "manager"): Record<string, unknown> {
  const username = s.unique(kind);
  return {
    username,
    // Now and then an email someone already has: the shared unique column answers 500 (§3.3).
    email: s.chance(0.05) ? "tameimpala@mail.com" : `${username}@example.org`,
    firstName: s.pick(["Ann", "Bo", "Zoë", "X"]),
    lastName: s.pick(["Lee", "Ng", "Øster"]),
    password: s.pick(["secret", "p".repeat(73), "pässwörd"]),
  };
}

function update(s: FuzzState, fields: Record<string, unknown>): Record<string, unknown> {
  const chosen: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (s.chance(0.5)) chosen[key] = value;
  return chosen;
}

function visit(s: FuzzState): Record<string, unknown> {
  const from = s.int(1, 300);
  return { cityName: s.text() || "Brno", dateFrom: s.date(from), dateTo: s.date(from + s.int(0, 5)) };
}

export const VALID_BODIES: Readonly<Record<string, BodyMaker>> = {
  ArtistDto: (s) => ({
    ...user(s, "artist"),
    stageName: s.text(),
    bio: s.text(),
    skills: "guitar",
    bandIds: s.ids2(),
  }),
  ManagerDto: (s) => ({ ...user(s, "manager"), companyName: s.text(), managedBandIds: s.ids2() }),
  ArtistUpdateDto: (s) =>
    update(s, {
      username: s.unique("artist"),
      email: `${s.unique("e")}@example.org`,
      stageName: s.text(),
      bio: s.text(),
      bandIds: s.ids2(),
    }),
  ManagerUpdateDto: (s) =>
    update(s, {
      username: s.unique("manager"),
      companyName: s.text(),
      managedBandIds: s.ids2(),
      password: "new",
    }),
  BandInfoUpdateDto: (s) => ({
    name: s.unique("band"),
    musicalStyle: s.pick(["Rock", "Jazz", s.text()]),
    logoUrl: "https://example.org/logo.png",
    managerId: s.id(),
  }),
  AlbumDto: (s) => ({
    title: s.text() || "Album",
    releaseDate: "2024-03-01T10:00:00",
    bandId: s.id(),
    songs: [],
  }),
  SongDto: (s) => ({
    name: s.text() || "Song",
    duration: s.int(1, 600),
    bandId: s.id(),
    albumId: s.chance(0.5) ? s.id() : null,
  }),
  TourDto: (s) => ({
    bandId: s.id(),
    tourName: s.text() || "Tour",
    cityVisits: Array.from({ length: s.int(0, 3) }, () => visit(s)),
  }),
  CityVisitDto: visit,
  array: (s) => s.ids2(),
};
