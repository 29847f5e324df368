/**
 * Loading the `tours` section of a fixture file (format: `fixtures/seed.json`): city visits
 * `{id, cityName, dateFrom, dateTo}` with dates `"D±n"`, `"now"` or ISO, and tours
 * `{id, bandId, tourName, cityVisitIds}` that own visits of the same section (each at most once).
 * Everything is checked before anything is inserted; the counters continue after the highest id.
 */
import { utcDateOf } from "../../core/dto/dates.js";
import type { Store } from "../../core/store/store.js";
import { checkUniqueIds, readEntries, type FixtureEntry } from "../../fixtures/entries.js";
import { fixtureInstant } from "../../fixtures/fixture-dates.js";
import { VARCHAR_LIMIT } from "../jpa-errors.js";
import {
  CITY_VISIT_COUNTER,
  ownerOf,
  TOUR_COUNTER,
  type CityVisitRow,
  type TourCollections,
  type TourRow,
} from "./collections.js";

export function seedTours(section: unknown, c: TourCollections, store: Store, nowMs: number): string[] {
  const problems: string[] = [];
  const visitEntries = checkUniqueIds(
    readEntries(section, "cityVisits", problems),
    (id) => !!c.cityVisits.get(id),
  );
  const tourEntries = checkUniqueIds(readEntries(section, "tours", problems), (id) => !!c.tours.get(id));
  const visits: CityVisitRow[] = [];
  for (const [id, entry] of visitEntries) {
    const cityName = limited(entry, "cityName");
    const dateFrom = dateOf(entry, "dateFrom", nowMs);
    const dateTo = dateOf(entry, "dateTo", nowMs);
    if (cityName && dateFrom && dateTo) visits.push({ id, cityName, dateFrom, dateTo });
  }
  const owned = new Map<number, number>();
  const tours: TourRow[] = [];
  for (const [id, entry] of tourEntries) {
    const tourName = limited(entry, "tourName");
    const bandId = entry.integer("bandId");
    const cityVisitIds = entry.integers("cityVisitIds");
    for (const visitId of cityVisitIds ?? []) {
      const owner = owned.get(visitId) ?? (c.cityVisits.get(visitId) ? ownerOf(c, visitId)?.id : undefined);
      if (!visitEntries.has(visitId) && !c.cityVisits.get(visitId))
        entry.problem(`cityVisitIds: ${visitId} is not a city visit`);
      else if (owner !== undefined)
        entry.problem(`cityVisitIds: ${visitId} already belongs to tour ${owner}`);
      else owned.set(visitId, id);
    }
    if (tourName && typeof bandId === "number" && cityVisitIds)
      tours.push({ id, bandId, tourName, cityVisitIds });
  }
  if (problems.length > 0) return problems;
  for (const visit of visits) {
    c.cityVisits.insert(visit);
    store.advanceCounter(CITY_VISIT_COUNTER, visit.id);
  }
  for (const tour of tours) {
    c.tours.insert(tour);
    store.advanceCounter(TOUR_COUNTER, tour.id);
  }
  return [];
}

function limited(entry: FixtureEntry, field: string): string | undefined {
  const value = entry.string(field) ?? undefined;
  if (value !== undefined && value.length > VARCHAR_LIMIT) {
    entry.problem(`${field} is longer than ${VARCHAR_LIMIT} characters`);
    return undefined;
  }
  return value;
}

/** Stored like the service stores it: the UTC calendar date of the instant. */
function dateOf(entry: FixtureEntry, field: string, nowMs: number): string | undefined {
  const instant = fixtureInstant(entry.raw[field], nowMs);
  if (instant !== undefined) return utcDateOf(new Date(instant));
  entry.problem(`${field} must be "D+n", "now" or an ISO date`);
  return undefined;
}
