/**
 * band-service (8092): bands, members and join offers.
 */
import { bootStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { bandRules } from "./security.js";

export const bandsModule = serviceModule({
  name: "bands",
  springName: "band-service",
  defaultPort: 8092,
  declare: () => ({}),
  seed: () => [],
  definition: () => ({
    name: "bands",
    springName: "band-service",
    style: bootStyle,
    rules: bandRules,
    routes: [],
    docs: { title: "OpenAPI definition", version: "v0" },
    extraHealth: () => ({ jms: { status: "UP", details: { provider: "ActiveMQ" } } }),
  }),
});
