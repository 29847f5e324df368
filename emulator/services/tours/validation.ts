/**
 * The request DTOs of tour-service with their Bean Validation messages (contract §6.2). A
 * violation answers 400 TS-VAL, nested visit errors keyed `cityVisits[<i>].<field>`.
 */
import {
  date,
  dto,
  futureOrPresent,
  long,
  notBlank,
  notNull,
  objects,
  string,
  valid,
  type BoundDto,
} from "../../core/dto/schema.js";

const PACKAGE = "cz.muni.fi.tourmanagementservice";

export const CityVisitDto = dto("CityVisitDto", `${PACKAGE}.dto.CityVisitDto`, {
  id: long(),
  cityName: string(notBlank("City name cannot be blank")),
  // @FutureOrPresent on a java.util.Date compares the instant with now: today as `YYYY-MM-DD`
  // (midnight UTC) is already past (contract §6.2).
  dateFrom: date(
    notNull("Date From cannot be null"),
    futureOrPresent("Date From must be in the present or future"),
  ),
  dateTo: date(
    notNull("Date To cannot be null"),
    futureOrPresent("Date To must be in the present or future"),
  ),
});

// No cross-field check exists: dateTo before dateFrom is accepted (contract §6.2).

export const TourDto = dto("TourDto", `${PACKAGE}.dto.TourDto`, {
  id: long(),
  bandId: long(notNull("Band ID cannot be null")),
  tourName: string(notBlank("Tour name cannot be blank")),
  cityVisits: objects(CityVisitDto, valid),
});

export type CityVisitInput = BoundDto<typeof CityVisitDto>;
export type TourInput = BoundDto<typeof TourDto>;

/** The entity classes and the collection role, as Hibernate names them in its messages. */
export const TOUR_ENTITY = `${PACKAGE}.model.Tour`;
export const CITY_VISIT_ENTITY = `${PACKAGE}.model.CityVisit`;
export const CITY_VISITS_ROLE = `${TOUR_ENTITY}.cityVisits`;

/** `Method.toGenericString()` of a controller method, as "Required request body is missing" prints it. */
export function controllerSignature(
  controller: "TourController" | "CityVisitController",
  method: string,
  returns: "TourDto" | "CityVisitDto" | "Void",
  params: readonly string[],
): string {
  const java = (type: string) =>
    type === "Long" || type === "Void" ? `java.lang.${type}` : `${PACKAGE}.dto.${type}`;
  return (
    `public org.springframework.http.ResponseEntity<${java(returns)}> ` +
    `${PACKAGE}.rest.${controller}.${method}(${params.map(java).join(",")})`
  );
}
