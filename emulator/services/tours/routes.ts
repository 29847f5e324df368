/**
 * Every endpoint of tour-service (contract §6.3), as data.
 */
import type { Store } from "../../core/store/store.js";
import type { Route } from "../../core/routing/route.js";
import { cityVisitRoutes } from "./city-visit-routes.js";
import type { TourDomain } from "./domain.js";
import { tourRoutes } from "./tour-routes.js";

export function toursRoutes(domain: TourDomain, store: Store): Route[] {
  return [...tourRoutes(domain, store), ...cityVisitRoutes(domain.cityVisits, store)];
}
