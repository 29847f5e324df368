/**
 * music-catalog-service (8093): albums and songs.
 */
import { musicStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { declareCatalog, type CatalogCollections } from "./collections.js";
import { createCatalogDomain } from "./domain.js";
import { catalogRoutes } from "./routes.js";
import { catalogRules } from "./security.js";
import { seedCatalog } from "./seed.js";

export const catalogModule = serviceModule<CatalogCollections>({
  name: "catalog",
  springName: "music-catalog-service",
  defaultPort: 8093,
  declare: declareCatalog,
  seed: seedCatalog,
  definition: (collections, deps) => ({
    name: "catalog",
    springName: "music-catalog-service",
    style: musicStyle,
    rules: catalogRules,
    routes: catalogRoutes(createCatalogDomain(collections), deps.store),
    docs: { title: "Music Catalog API", version: "1.0" },
  }),
});
