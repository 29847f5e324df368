/**
 * user-service (8091): artists and managers.
 */
import { bootStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { userRules } from "./security.js";

export const usersModule = serviceModule({
  name: "users",
  springName: "user-service",
  defaultPort: 8091,
  declare: () => ({}),
  seed: () => [],
  definition: () => ({
    name: "users",
    springName: "user-service",
    style: bootStyle,
    rules: userRules,
    routes: [],
    docs: { title: "OpenAPI definition", version: "v0" },
    extraHealth: () => ({ jms: { status: "UP", details: { provider: "ActiveMQ" } } }),
  }),
});
