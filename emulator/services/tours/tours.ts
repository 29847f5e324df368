/**
 * Tour operations of tour-service (contract §6.3). Each checks everything first and only then
 * changes rows, synchronously: a request applies all of its changes or none (no tour without its
 * visits).
 */
import type { Id } from "../../core/dto/schema.js";
import {
  detachedEntity,
  firstTooLong,
  orphanCollectionReplaced,
  staleMerge,
  uniqueViolation,
} from "../jpa-errors.js";
import {
  CITY_VISIT_COUNTER,
  ownerOf,
  TOUR_COUNTER,
  type CityVisitRow,
  type TourCollections,
} from "./collections.js";
import { checkId, findTour, NEGATIVE, validated } from "./lookups.js";
import {
  INSERT_CITY_VISIT,
  INSERT_TOUR,
  INSERT_TOUR_VISIT,
  JOIN_TABLE_ELEMENT,
  JOIN_TABLE_UK,
  UPDATE_CITY_VISIT,
  UPDATE_TOUR,
} from "./sql.js";
import {
  CITY_VISIT_ENTITY,
  CITY_VISITS_ROLE,
  TOUR_ENTITY,
  type CityVisitInput,
  type TourInput,
} from "./validation.js";
import { checkCityName, visitFields } from "./visit-fields.js";
import { tourView, visitView, type CityVisitView, type TourView } from "./views.js";

export class Tours {
  constructor(private readonly c: TourCollections) {}

  list(): TourView[] {
    return this.c.tours.all().map((tour) => tourView(this.c, tour));
  }

  get(id: Id): TourView {
    checkId(id, NEGATIVE.tour);
    return tourView(this.c, findTour(this.c, id));
  }

  byBand(bandId: Id): TourView[] {
    checkId(bandId, NEGATIVE.band);
    const tours = typeof bandId === "number" ? this.c.tours.find("band", bandId) : [];
    return tours.map((tour) => tourView(this.c, tour));
  }

  /** The tour and its visits are persisted together (new ids, also listed by `/api/cityVisits`). */
  create(input: TourInput): TourView {
    if (input.id !== null) return this.merge(input.id, input);
    const tourName = validated(input.tourName);
    const tooLong = firstTooLong([["tour_name", tourName]], INSERT_TOUR);
    if (tooLong) throw tooLong;
    for (const visit of input.cityVisits ?? []) {
      if (visit === null) continue;
      // Persisting the new tour cascades to its visits; one carrying an id is "detached" (§1.3).
      if (visit.id !== null) throw detachedEntity(CITY_VISIT_ENTITY);
      checkCityName(visit, INSERT_CITY_VISIT);
    }
    // Every visit's row is worked out before the first insert: all of them or none.
    const rows = (input.cityVisits ?? []).map((visit) => (visit === null ? null : visitFields(visit)));
    const id = this.c.store.nextId(TOUR_COUNTER);
    const views: (CityVisitView | null)[] = [];
    const cityVisitIds: number[] = [];
    for (const fields of rows) {
      // Hibernate skips null elements when it writes the list, but the answer still shows them.
      if (fields === null) {
        views.push(null);
        continue;
      }
      const row = this.c.cityVisits.insert({ id: this.c.store.nextId(CITY_VISIT_COUNTER), ...fields });
      cityVisitIds.push(row.id);
      views.push(visitView(row));
    }
    const bandId = validated(input.bandId);
    this.c.tours.insert({ id, bandId, tourName, cityVisitIds });
    // The answer is the entity as persisted: an omitted list is still null there (§6.2); GETs show [].
    return { id, bandId, tourName, cityVisits: input.cityVisits === null ? null : views };
  }

  /**
   * A client-supplied tour id makes Hibernate merge (contract §1.3): a missing row is stale; an
   * existing one is overwritten and its visit list becomes the body's (visits with ids merged,
   * the ones left out deleted as orphans).
   */
  private merge(id: number, input: TourInput): TourView {
    const tour = this.c.tours.get(id);
    if (!tour) throw staleMerge(TOUR_ENTITY, id);
    const tooLong = firstTooLong([["tour_name", input.tourName]], UPDATE_TOUR);
    if (tooLong) throw tooLong;
    const requested = (input.cityVisits ?? []).filter((visit): visit is CityVisitInput => visit !== null);
    const kept = new Set<number>();
    for (const visit of requested) {
      if (visit.id === null) {
        checkCityName(visit, INSERT_CITY_VISIT);
        continue;
      }
      if (!this.c.cityVisits.get(visit.id)) throw staleMerge(CITY_VISIT_ENTITY, visit.id);
      const owner = ownerOf(this.c, visit.id);
      if ((owner && owner.id !== tour.id) || kept.has(visit.id))
        throw uniqueViolation(JOIN_TABLE_UK, JOIN_TABLE_ELEMENT, visit.id, INSERT_TOUR_VISIT);
      kept.add(visit.id);
      checkCityName(visit, UPDATE_CITY_VISIT);
    }
    const rows = requested.map((visit) => ({ visit, fields: visitFields(visit) }));
    for (const old of tour.cityVisitIds) {
      const orphan = kept.has(old) ? undefined : this.c.cityVisits.get(old);
      if (orphan) this.c.cityVisits.delete(orphan);
    }
    const cityVisitIds = rows.map(({ visit, fields }) => this.saveVisit(visit, fields));
    this.c.tours.update(tour, (row) => {
      row.bandId = validated(input.bandId);
      row.tourName = validated(input.tourName);
      row.cityVisitIds = cityVisitIds;
    });
    return tourView(this.c, tour);
  }

  private saveVisit(visit: CityVisitInput, fields: Omit<CityVisitRow, "id">): number {
    const existing = visit.id === null ? undefined : this.c.cityVisits.get(visit.id);
    if (existing) return this.c.cityVisits.update(existing, (row) => Object.assign(row, fields)).id;
    return this.c.cityVisits.insert({ id: this.c.store.nextId(CITY_VISIT_COUNTER), ...fields }).id;
  }

  /**
   * The real service sets a new list object on the managed tour, which Hibernate refuses at
   * commit: every existing tour answers 500 and nothing changes (contract §6.3, §10.2).
   */
  update(id: Id): never {
    checkId(id, NEGATIVE.tourArgument);
    findTour(this.c, id);
    throw orphanCollectionReplaced(CITY_VISITS_ROLE);
  }

  /** The tour's visits go with it (contract §6.3). */
  delete(id: Id): void {
    checkId(id, NEGATIVE.tour);
    const tour = findTour(this.c, id);
    for (const visitId of tour.cityVisitIds) {
      const visit = this.c.cityVisits.get(visitId);
      if (visit) this.c.cityVisits.delete(visit);
    }
    this.c.tours.delete(tour);
  }
}
