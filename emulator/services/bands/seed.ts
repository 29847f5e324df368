/**
 * Loading the `bands` section of a fixture (`{ "bands": [...], "offers": [...] }`, contract §8):
 * rows keep their ids and each counter continues after the highest. The stored `logoUrl` is kept
 * even though no response ever shows it. Nothing is loaded unless the whole section is sound.
 */
import { EntryReader, listsOf, UniqueValues } from "../../fixtures/entries.js";
import type { Store } from "../../core/store/store.js";
import {
  BANDS_COUNTER,
  OFFER_STATUSES,
  OFFERS_COUNTER,
  type BandCollections,
  type BandRow,
  type OfferRow,
} from "./collections.js";

function bandOf(reader: EntryReader): BandRow {
  return {
    id: reader.id(),
    name: reader.string("name", true) ?? "",
    musicalStyle: reader.string("musicalStyle", true) ?? "",
    logoUrl: reader.string("logoUrl", false),
    managerId: reader.integer("managerId"),
    members: reader.integers("members"),
  };
}

function offerOf(reader: EntryReader): OfferRow {
  return {
    id: reader.id(),
    bandId: reader.integer("bandId"),
    invitedMusicianId: reader.integer("invitedMusicianId"),
    offeringManagerId: reader.integer("offeringManagerId"),
    status: reader.oneOf("status", OFFER_STATUSES, "PENDING"),
  };
}

export function seedBands(section: unknown, { bands, offers }: BandCollections, store: Store): string[] {
  const problems: string[] = [];
  const lists = listsOf(section, ["bands", "offers"] as const, problems);
  const readAll = <R>(list: "bands" | "offers", build: (reader: EntryReader) => R) =>
    lists[list].map((entry, index) => {
      const reader = new EntryReader(list, index, entry, problems);
      return { reader, row: build(reader) };
    });
  const bandEntries = readAll("bands", bandOf);
  const offerEntries = readAll("offers", offerOf);

  const unique = new UniqueValues();
  for (const { reader, row } of bandEntries)
    unique.claim(reader, "id", row.id || null, bands.get(row.id) !== undefined);
  const bandIds = new Set(bandEntries.map(({ row }) => row.id));
  const offerIds = new UniqueValues();
  for (const { reader, row } of offerEntries) {
    offerIds.claim(reader, "id", row.id || null, offers.get(row.id) !== undefined);
    // Offers belong to a band of this service (the musician and manager ids are user-service's).
    if (row.bandId !== 0 && !bandIds.has(row.bandId) && !bands.get(row.bandId)) {
      reader.problem(`bandId ${row.bandId} is not a band`);
    }
  }
  if (problems.length > 0) return problems;

  for (const { row } of [...bandEntries].sort((a, b) => a.row.id - b.row.id)) {
    bands.insert(row);
    store.advanceCounter(BANDS_COUNTER, row.id);
  }
  for (const { row } of [...offerEntries].sort((a, b) => a.row.id - b.row.id)) {
    offers.insert(row);
    store.advanceCounter(OFFERS_COUNTER, row.id);
  }
  return [];
}
