/**
 * band-service (8092): bands, members and join offers (contract §4), and its side of the offer
 * saga (§7).
 */
import { bootStyle } from "../../core/http/error-styles.js";
import { serviceModule } from "../service-module.js";
import { declareBands, type BandCollections } from "./collections.js";
import { BandDomain } from "./domain.js";
import { OfferDomain } from "./offers.js";
import { allBandRoutes } from "./routes.js";
import { offerSaga } from "./saga.js";
import { bandRules } from "./security.js";
import { seedBands } from "./seed.js";

export const bandsModule = serviceModule<BandCollections>({
  name: "bands",
  springName: "band-service",
  defaultPort: 8092,
  declare: declareBands,
  seed: (section, collections, store) => seedBands(section, collections, store),
  definition(collections, deps) {
    const bands = new BandDomain(collections, deps.store);
    const offers = new OfferDomain(collections, bands, deps.store);
    const saga = offerSaga(offers, deps);
    return {
      name: "bands",
      springName: "band-service",
      style: bootStyle,
      rules: bandRules,
      routes: allBandRoutes(bands, offers, saga, deps.store),
      docs: { title: "OpenAPI definition", version: "v0" },
      extraHealth: () => ({ jms: { status: "UP", details: { provider: "ActiveMQ" } } }),
    };
  },
});
