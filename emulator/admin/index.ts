/**
 * The control plane: an express app on its own port (8099 by default) that resets and loads
 * the store, reads and changes latency and faults, takes services down and up, and shows the
 * saga queue, the last requests and per-route statistics — as JSON under /admin/, and as a live
 * page at /. Like every factory here it never listens; `emu start` mounts it. No auth: it is a
 * local development tool, listening on loopback like the services.
 */
import express from "express";
import type { AdminDeps } from "./deps.js";
import { endpoint, errorHandler, notFound, parseJsonBody, refuseOtherOrigins } from "./http.js";
import { observeRoutes } from "./observe-routes.js";
import { ADMIN_PAGE, PAGE_CSP } from "./page.js";
import { storeRoutes } from "./store-routes.js";
import { strainRoutes } from "./strain-routes.js";

export type { AdminDeps, FixtureSource, ServiceSwitch } from "./deps.js";

/** Fixture files can be large (the festival set); the control plane is local, so be generous. */
const BODY_LIMIT = "64mb";

export function createAdminApp(deps: AdminDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  app.use(refuseOtherOrigins);
  // Any content type is read as JSON (`curl -d @fixtures.json` sends a form type by default),
  // and an empty body is no body, whatever Content-Length a client sent.
  app.use(express.text({ limit: BODY_LIMIT, type: () => true }), parseJsonBody);
  const router = express.Router();
  endpoint(router, "/", {
    GET: (_req, res) => {
      res.set("Content-Security-Policy", PAGE_CSP).type("html").send(ADMIN_PAGE);
    },
  });
  observeRoutes(router, deps);
  storeRoutes(router, deps);
  strainRoutes(router, deps);
  app.use(router);
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
