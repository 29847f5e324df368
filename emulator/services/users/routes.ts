/**
 * Every route of user-service (contract §3.3). Shadows such as `GET /api/artists/bands/5` → 405
 * or `GET /api/artists/username` → 400 need no code: they follow from the router's Spring
 * specificity rules over exactly these mappings.
 */
import type { Route } from "../../core/routing/route.js";
import type { Store } from "../../core/store/store.js";
import { artistRoutes } from "./artist-routes.js";
import type { UserDomain } from "./domain.js";
import { managerRoutes } from "./manager-routes.js";

export function userRoutes(domain: UserDomain, store: Store): Route[] {
  return [...artistRoutes(domain, store), ...managerRoutes(domain, store)];
}
