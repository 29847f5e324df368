/**
 * tour-service (8094): tours and city visits.
 */
import { tourStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { declareTours, type TourCollections } from "./collections.js";
import { createTourDomain } from "./domain.js";
import { toursRoutes } from "./routes.js";
import { tourRules } from "./security.js";
import { seedTours } from "./seed.js";

export const toursModule = serviceModule<TourCollections>({
  name: "tours",
  springName: "tour-service",
  defaultPort: 8094,
  declare: declareTours,
  seed: seedTours,
  definition: (collections, deps) => ({
    name: "tours",
    springName: "tour-service",
    style: tourStyle,
    rules: tourRules,
    routes: toursRoutes(createTourDomain(collections), deps.store),
    docs: { title: "Tour API", version: "1.0" },
  }),
});
