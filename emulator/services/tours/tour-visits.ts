/**
 * Adding a visit to a tour and taking one out (contract §6.3): checks first, then changes.
 */
import type { Id } from "../../core/dto/schema.js";
import { foreignKeyViolation, staleMerge, uniqueViolation } from "../jpa-errors.js";
import { CITY_VISIT_COUNTER, ownerOf, type TourCollections } from "./collections.js";
import { checkId, findTour, findVisit, NEGATIVE } from "./lookups.js";
import {
  DELETE_CITY_VISIT,
  INSERT_CITY_VISIT,
  INSERT_TOUR_VISIT,
  JOIN_TABLE_ELEMENT,
  JOIN_TABLE_FK,
  JOIN_TABLE_REFERENCE,
  JOIN_TABLE_UK,
  UPDATE_CITY_VISIT,
} from "./sql.js";
import { CITY_VISIT_ENTITY, type CityVisitInput } from "./validation.js";
import { checkCityName, visitFields } from "./visit-fields.js";

export class TourVisits {
  constructor(private readonly c: TourCollections) {}

  /**
   * Appends a new visit; a body `id` merges that visit into the tour instead (contract §1.3) — a
   * missing one is stale, one already in a tour's list would be a second join row.
   */
  add(tourId: Id, input: CityVisitInput): void {
    checkId(tourId, NEGATIVE.tourArgument);
    const tour = findTour(this.c, tourId);
    let visitId: number;
    if (input.id === null) {
      checkCityName(input, INSERT_CITY_VISIT);
      visitId = this.c.cityVisits.insert({
        id: this.c.store.nextId(CITY_VISIT_COUNTER),
        ...visitFields(input),
      }).id;
    } else {
      const existing = this.c.cityVisits.get(input.id);
      if (!existing) throw staleMerge(CITY_VISIT_ENTITY, input.id);
      if (ownerOf(this.c, existing.id))
        throw uniqueViolation(JOIN_TABLE_UK, JOIN_TABLE_ELEMENT, existing.id, INSERT_TOUR_VISIT);
      checkCityName(input, UPDATE_CITY_VISIT);
      visitId = this.c.cityVisits.update(existing, (row) => Object.assign(row, visitFields(input))).id;
    }
    this.c.tours.update(tour, (row) => {
      row.cityVisitIds = [...row.cityVisitIds, visitId];
    });
  }

  /**
   * Takes the visit out of the tour and deletes it. A standalone visit is simply deleted; another
   * tour's visit is still referenced by the join table, so the delete fails (contract §6.3).
   */
  remove(tourId: Id, visitId: Id): void {
    checkId(tourId, NEGATIVE.tourArgument);
    checkId(visitId, NEGATIVE.visitArgument);
    const tour = findTour(this.c, tourId);
    const visit = findVisit(this.c, visitId, "City visit");
    const owner = ownerOf(this.c, visit.id);
    if (owner && owner.id !== tour.id)
      throw foreignKeyViolation(JOIN_TABLE_FK, JOIN_TABLE_REFERENCE, visit.id, DELETE_CITY_VISIT);
    if (owner) {
      this.c.tours.update(tour, (row) => {
        row.cityVisitIds = row.cityVisitIds.filter((id) => id !== visit.id);
      });
    }
    this.c.cityVisits.delete(visit);
  }
}
