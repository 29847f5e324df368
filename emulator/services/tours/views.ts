/**
 * Rows → the DTOs tour-service writes (contract §6.2), keys in the Java field order; visit dates
 * are stored `LocalDate`s written through `java.util.Date`: `2025-07-01T00:00:00.000+00:00`.
 */
import { formatStoredDate } from "../../core/dto/dates.js";
import type { CityVisitRow, TourCollections, TourRow } from "./collections.js";

export interface CityVisitView {
  id: number;
  cityName: string;
  dateFrom: string;
  dateTo: string;
}

export interface TourView {
  id: number;
  bandId: number;
  tourName: string;
  cityVisits: (CityVisitView | null)[] | null;
}

export function visitView(visit: CityVisitRow): CityVisitView {
  return {
    id: visit.id,
    cityName: visit.cityName,
    dateFrom: formatStoredDate(visit.dateFrom),
    dateTo: formatStoredDate(visit.dateTo),
  };
}

export function tourView(c: TourCollections, tour: TourRow): TourView {
  const visits: CityVisitView[] = [];
  for (const id of tour.cityVisitIds) {
    const visit = c.cityVisits.get(id);
    if (visit) visits.push(visitView(visit));
  }
  return { id: tour.id, bandId: tour.bandId, tourName: tour.tourName, cityVisits: visits };
}
