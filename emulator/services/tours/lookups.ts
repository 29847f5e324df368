/**
 * Finding tours and visits the way the real service does (contract §6.3): each endpoint has its
 * own negative-id message (400 TS-IAE), id 0 is simply not found (404 TS).
 */
import type { Id } from "../../core/dto/schema.js";
import { IllegalArgumentError, ResourceNotFoundError } from "../../core/http/errors.js";
import type { CityVisitRow, TourCollections, TourRow } from "./collections.js";

/** The messages of the facade's argument checks, per endpoint family. */
export const NEGATIVE = {
  tour: (id: Id) => `Invalid tour ID: ${id}`,
  band: (id: Id) => `Invalid band ID: ${id}`,
  tourArgument: () => "Tour ID cannot be null or < 0",
  visitArgument: () => "CityVisit ID cannot be null or < 0",
  visit: (id: Id) => `Invalid CityVisit ID: ${id}`,
} as const;

export function checkId(id: Id, message: (id: Id) => string): void {
  if (id < 0) throw new IllegalArgumentError(message(id));
}

export function findTour(c: TourCollections, id: Id): TourRow {
  const tour = c.tours.get(id);
  if (!tour) throw new ResourceNotFoundError(`Tour not found with id: ${id}`);
  return tour;
}

/** The two visit families word their 404 differently: `CityVisit …` and `City visit …`. */
export function findVisit(c: TourCollections, id: Id, wording: "CityVisit" | "City visit"): CityVisitRow {
  const visit = c.cityVisits.get(id);
  if (!visit) throw new ResourceNotFoundError(`${wording} not found with id: ${id}`);
  return visit;
}

/** A field `@Valid` already checked for null; the type system cannot know that. */
export function validated<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("validated field is null");
  return value;
}
