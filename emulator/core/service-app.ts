/**
 * A service is an express app (what tests mount in supertest and what users can embed), whose
 * single middleware is the service's dispatch function. The listener calls that function
 * directly: express's per-request router walk and prototype swaps cost three quarters of the
 * throughput of a bare node:http server (`npm run bench`), and the pipeline needs none of it.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import express from "express";

export type Dispatch = (req: IncomingMessage, res: ServerResponse) => void;

export type ServiceApp = express.Express & {
  readonly serve: RequestListener;
  /**
   * The route patterns it declares, as latency and fault settings name them (`/api/bands/{id}`);
   * undefined when it does not say, so route entries for it are not checked.
   */
  readonly routePatterns: readonly string[] | undefined;
};

export function serviceApp(dispatch: Dispatch, routePatterns?: readonly string[]): ServiceApp {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((req, res) => dispatch(req, res));
  return Object.assign(app, {
    serve: dispatch as RequestListener,
    routePatterns: routePatterns && [...new Set(routePatterns)],
  });
}
