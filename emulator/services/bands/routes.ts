/**
 * Every route of band-service (contract §4.3). `GET /api/bands/offers` beating `/api/bands/{id}`
 * and the 405s of `GET /api/bands/{id}/members/{m}` and `PUT /api/bands/{id}` follow from the
 * router's Spring specificity over exactly these mappings.
 */
import type { Route } from "../../core/routing/route.js";
import type { Store } from "../../core/store/store.js";
import { bandRoutes } from "./band-routes.js";
import type { BandDomain } from "./domain.js";
import { offerRoutes } from "./offer-routes.js";
import type { OfferDomain } from "./offers.js";
import type { OfferSaga } from "./saga.js";

export function allBandRoutes(
  bands: BandDomain,
  offers: OfferDomain,
  saga: OfferSaga,
  store: Store,
): Route[] {
  return [...bandRoutes(bands, store), ...offerRoutes(offers, saga, store)];
}
