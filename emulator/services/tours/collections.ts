/**
 * tour-service's tables: tours and city visits, each with its own id counter (contract §1.3:
 * `tour`, `city_visit`). A tour holds its visits as an ordered id list, like the real join table
 * `tour_city_visits`; tours are indexed by band and by visit, so a visit's owner is one lookup.
 */
import type { Store } from "../../core/store/store.js";
import type { Table } from "../../core/store/table.js";

export interface TourRow {
  id: number;
  bandId: number;
  tourName: string;
  cityVisitIds: number[];
}

export interface CityVisitRow {
  id: number;
  cityName: string;
  /** The stored `LocalDate`: the UTC calendar date of the instant sent (`2025-07-01`). */
  dateFrom: string;
  dateTo: string;
}

export interface TourCollections {
  store: Store;
  tours: Table<TourRow>;
  cityVisits: Table<CityVisitRow>;
}

export const TOUR_COUNTER = "tour";
export const CITY_VISIT_COUNTER = "city_visit";

export function declareTours(store: Store): TourCollections {
  return {
    store,
    tours: store
      .table<TourRow>("tours", TOUR_COUNTER)
      .index("band", (tour) => tour.bandId)
      .index("visit", (tour) => tour.cityVisitIds),
    cityVisits: store.table<CityVisitRow>("cityVisits", CITY_VISIT_COUNTER),
  };
}

/** The tour whose visit list holds this visit, if any. */
export function ownerOf(c: TourCollections, visitId: number): TourRow | undefined {
  return c.tours.find("visit", visitId)[0];
}
