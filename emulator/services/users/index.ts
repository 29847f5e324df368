/**
 * user-service (8091): artists and managers (contract §3), and its side of the offer saga (§7).
 */
import { bootStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { declareUsers, type UserCollections } from "./collections.js";
import { UserDomain } from "./domain.js";
import { createPasswordHasher } from "./password-hash.js";
import { userRoutes } from "./routes.js";
import { listenForOfferAccepts } from "./saga.js";
import { seedUsers } from "./seed.js";
import { userRules } from "./security.js";

export const usersModule = serviceModule<UserCollections>({
  name: "users",
  springName: "user-service",
  defaultPort: 8091,
  declare: declareUsers,
  seed: (section, collections, store) => seedUsers(section, collections, store),
  definition(collections, deps) {
    const domain = new UserDomain(collections, deps.store, createPasswordHasher());
    listenForOfferAccepts(collections, domain, deps);
    return {
      name: "users",
      springName: "user-service",
      style: bootStyle,
      rules: userRules,
      routes: userRoutes(domain, deps.store),
      docs: { title: "OpenAPI definition", version: "v0" },
      extraHealth: () => ({ jms: { status: "UP", details: { provider: "ActiveMQ" } } }),
    };
  },
});
