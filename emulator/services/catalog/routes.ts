/**
 * Every endpoint of music-catalog-service (contract §5.3), as data.
 */
import type { Store } from "../../core/store/store.js";
import type { Route } from "../../core/routing/route.js";
import { albumRoutes } from "./album-routes.js";
import type { CatalogDomain } from "./domain.js";
import { songRoutes } from "./song-routes.js";

export function catalogRoutes(domain: CatalogDomain, store: Store): Route[] {
  return [...albumRoutes(domain.albums, store), ...songRoutes(domain.songs, store)];
}
