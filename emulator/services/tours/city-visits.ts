/**
 * City-visit operations of tour-service (`/api/cityVisits`, contract §6.3).
 */
import type { Id } from "../../core/dto/schema.js";
import { foreignKeyViolation, staleMerge } from "../jpa-errors.js";
import { CITY_VISIT_COUNTER, ownerOf, type TourCollections } from "./collections.js";
import { checkId, findVisit, NEGATIVE } from "./lookups.js";
import {
  DELETE_CITY_VISIT,
  INSERT_CITY_VISIT,
  JOIN_TABLE_FK,
  JOIN_TABLE_REFERENCE,
  UPDATE_CITY_VISIT,
} from "./sql.js";
import { CITY_VISIT_ENTITY, type CityVisitInput } from "./validation.js";
import { checkCityName, visitFields } from "./visit-fields.js";
import { visitView, type CityVisitView } from "./views.js";

export class CityVisits {
  constructor(private readonly c: TourCollections) {}

  list(): CityVisitView[] {
    return this.c.cityVisits.all().map(visitView);
  }

  get(id: Id): CityVisitView {
    checkId(id, NEGATIVE.visit);
    return visitView(findVisit(this.c, id, "CityVisit"));
  }

  /** A standalone visit; a body `id` overwrites that visit or fails as a stale merge (§1.3). */
  create(input: CityVisitInput): CityVisitView {
    if (input.id !== null) {
      const existing = this.c.cityVisits.get(input.id);
      if (!existing) throw staleMerge(CITY_VISIT_ENTITY, input.id);
      return this.overwrite(existing.id, input);
    }
    checkCityName(input, INSERT_CITY_VISIT);
    return visitView(
      this.c.cityVisits.insert({ id: this.c.store.nextId(CITY_VISIT_COUNTER), ...visitFields(input) }),
    );
  }

  /** Overwrites the name and dates; the body's id is ignored. */
  update(id: Id, input: CityVisitInput): CityVisitView {
    checkId(id, NEGATIVE.visit);
    return this.overwrite(findVisit(this.c, id, "CityVisit").id, input);
  }

  /**
   * Deletes a standalone visit (the route then answers 404, contract §6.3). A visit in a tour is
   * still referenced by the join table: the delete fails and nothing changes.
   */
  delete(id: Id): void {
    checkId(id, NEGATIVE.visit);
    const visit = findVisit(this.c, id, "CityVisit");
    if (ownerOf(this.c, visit.id))
      throw foreignKeyViolation(JOIN_TABLE_FK, JOIN_TABLE_REFERENCE, visit.id, DELETE_CITY_VISIT);
    this.c.cityVisits.delete(visit);
  }

  private overwrite(id: number, input: CityVisitInput): CityVisitView {
    checkCityName(input, UPDATE_CITY_VISIT);
    const visit = findVisit(this.c, id, "CityVisit");
    return visitView(this.c.cityVisits.update(visit, (row) => Object.assign(row, visitFields(input))));
  }
}
