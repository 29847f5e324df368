/**
 * Loading the `bands` section of a fixture (`{ "bands": [...], "offers": [...] }`, contract §8):
 * rows keep their ids and each counter continues after the highest. The stored `logoUrl` is kept
 * even though no response ever shows it. Everything is checked before anything is inserted.
 */
import type { Store } from "../../core/store/store.js";
import { checkUniqueIds, readEntries, type FixtureEntry } from "../../fixtures/entries.js";
import { VARCHAR_LIMIT } from "../jpa-errors.js";
import {
  BANDS_COUNTER,
  OFFER_STATUSES,
  OFFERS_COUNTER,
  type BandCollections,
  type BandRow,
  type OfferRow,
  type OfferStatus,
} from "./collections.js";

function text(entry: FixtureEntry, field: string, rule: "notBlank" | "nullable"): string | null | undefined {
  const value = entry.string(field, rule);
  if (typeof value === "string" && value.length > VARCHAR_LIMIT) {
    entry.problem(`${field} is longer than ${VARCHAR_LIMIT} characters`);
    return undefined;
  }
  return value;
}

function bandOf(id: number, entry: FixtureEntry): BandRow | undefined {
  const name = text(entry, "name", "notBlank");
  const musicalStyle = text(entry, "musicalStyle", "notBlank");
  const logoUrl = text(entry, "logoUrl", "nullable");
  const managerId = entry.integer("managerId");
  const members = entry.integers("members");
  if (!name || !musicalStyle || logoUrl === undefined || typeof managerId !== "number" || !members)
    return undefined;
  return { id, name, musicalStyle, logoUrl, managerId, members: [...new Set(members)].sort((a, b) => a - b) };
}

function statusOf(entry: FixtureEntry): OfferStatus | undefined {
  const status = entry.raw.status ?? "PENDING";
  if (OFFER_STATUSES.includes(status as OfferStatus)) return status as OfferStatus;
  entry.problem(`status must be one of ${OFFER_STATUSES.join(", ")}`);
  return undefined;
}

export function seedBands(section: unknown, { bands, offers }: BandCollections, store: Store): string[] {
  const problems: string[] = [];
  const bandEntries = checkUniqueIds(readEntries(section, "bands", problems), (id) => !!bands.get(id));
  const offerEntries = checkUniqueIds(readEntries(section, "offers", problems), (id) => !!offers.get(id));
  const bandRows: BandRow[] = [];
  for (const [id, entry] of bandEntries) {
    const band = bandOf(id, entry);
    if (band) bandRows.push(band);
  }
  const offerRows: OfferRow[] = [];
  for (const [id, entry] of offerEntries) {
    const bandId = entry.integer("bandId");
    // The musician and the manager are user-service's ids, which no service checks (§1.1).
    const invitedMusicianId = entry.integer("invitedMusicianId");
    const offeringManagerId = entry.integer("offeringManagerId");
    const status = statusOf(entry);
    if (typeof bandId === "number" && !bandEntries.has(bandId) && !bands.get(bandId))
      entry.problem(`bandId ${bandId} is not a band`);
    else if (
      typeof bandId === "number" &&
      typeof invitedMusicianId === "number" &&
      typeof offeringManagerId === "number" &&
      status
    )
      offerRows.push({ id, bandId, invitedMusicianId, offeringManagerId, status });
  }
  if (problems.length > 0) return problems;
  for (const band of bandRows.sort((a, b) => a.id - b.id)) {
    bands.insert(band);
    store.advanceCounter(BANDS_COUNTER, band.id);
  }
  for (const offer of offerRows.sort((a, b) => a.id - b.id)) {
    offers.insert(offer);
    store.advanceCounter(OFFERS_COUNTER, offer.id);
  }
  return [];
}
