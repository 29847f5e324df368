/**
 * music-catalog-service (8093): albums and songs.
 */
import { musicStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { catalogRules } from "./security.js";

export const catalogModule = serviceModule({
  name: "catalog",
  springName: "music-catalog-service",
  defaultPort: 8093,
  declare: () => ({}),
  seed: () => [],
  definition: () => ({
    name: "catalog",
    springName: "music-catalog-service",
    style: musicStyle,
    rules: catalogRules,
    routes: [],
    docs: { title: "Music Catalog API", version: "1.0" },
  }),
});
