/**
 * tour-service (8094): tours and city visits.
 */
import { tourStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { tourRules } from "./security.js";

export const toursModule = serviceModule({
  name: "tours",
  springName: "tour-service",
  defaultPort: 8094,
  declare: () => ({}),
  seed: () => [],
  definition: () => ({
    name: "tours",
    springName: "tour-service",
    style: tourStyle,
    rules: tourRules,
    routes: [],
    docs: { title: "Tour API", version: "1.0" },
  }),
});
