/**
 * A CityVisitDto as the entity stores it, and the write checks every visit write shares.
 */
import { utcDateOf } from "../../core/dto/dates.js";
import { firstTooLong } from "../jpa-errors.js";
import type { CityVisitRow } from "./collections.js";
import { validated } from "./lookups.js";
import type { CityVisitInput } from "./validation.js";

/** Only the UTC calendar date survives: the entity's columns are `LocalDate` (contract §1.2). */
export function visitFields(input: CityVisitInput): Omit<CityVisitRow, "id"> {
  return {
    cityName: validated(input.cityName),
    dateFrom: utcDateOf(validated(input.dateFrom)),
    dateTo: utcDateOf(validated(input.dateTo)),
  };
}

/** A city name over the column limit fails at insert/update with H2's message. */
export function checkCityName(input: CityVisitInput, sql: string): void {
  const tooLong = firstTooLong([["city_name", input.cityName]], sql);
  if (tooLong) throw tooLong;
}
