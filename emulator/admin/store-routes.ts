/**
 * The store through the control plane: reset it (empty, to the start fixtures, a bundled set or
 * a posted one), load more fixtures, dump it. A fixture that does not load leaves the store as
 * it was, so a bad file never leaves half its rows behind.
 */
import type express from "express";
import type { Request } from "express";
import { checkFixture, FixtureError, type Fixture } from "../fixtures/fixtures.js";
import type { AdminDeps } from "./deps.js";
import { AdminError, badRequest, endpoint, queryParam } from "./http.js";
import { storeSummary } from "./views.js";

interface Choice {
  fixture: Fixture | "none";
  /** How the response names what was loaded. */
  label: string;
}

function hasBody(req: Request): boolean {
  return req.body !== undefined;
}

/** A reset may also go back to what `emu start` seeded, or to nothing. */
const RESET_ONLY = ["none", "start"];

async function named(deps: AdminDeps, name: string, param: string, forReset: boolean): Promise<Fixture> {
  if (!deps.fixtures.names.includes(name)) {
    const names = [...(forReset ? RESET_ONLY : []), ...deps.fixtures.names];
    throw badRequest(`?${param}=${name}: unknown fixtures (one of ${names.join(", ")})`);
  }
  try {
    return await deps.fixtures.named(name);
  } catch (error) {
    if (error instanceof FixtureError)
      throw badRequest(`fixtures '${name}' cannot be loaded`, error.problems);
    throw error;
  }
}

function posted(req: Request): Fixture {
  try {
    return checkFixture(req.body, "(request body)");
  } catch (error) {
    if (error instanceof FixtureError) throw badRequest("the body is not a fixture", error.problems);
    throw error;
  }
}

async function choose(req: Request, deps: AdminDeps, param: string, forReset: boolean): Promise<Choice> {
  const name = queryParam(req, param);
  if (name !== undefined && hasBody(req)) throw badRequest(`give ?${param}= or a fixture body, not both`);
  if (hasBody(req)) return { fixture: posted(req), label: "body" };
  if (name === undefined) {
    if (forReset) return { fixture: deps.fixtures.initial, label: "start" };
    throw badRequest(
      `name the fixtures (?${param}=${[...deps.fixtures.names].join("|")}) or post one as the body`,
    );
  }
  if (forReset && name === "none") return { fixture: "none", label: "none" };
  if (forReset && name === "start") return { fixture: deps.fixtures.initial, label: "start" };
  return { fixture: await named(deps, name, param, forReset), label: name };
}

async function keepingStoreOnFailure(deps: AdminDeps, change: () => Promise<void>): Promise<void> {
  const before = deps.emulator.store.snapshot();
  try {
    await change();
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    await deps.emulator.store.replace(before);
    throw badRequest("the fixtures do not load; the store is as it was", error.problems);
  }
}

export function storeRoutes(router: express.Router, deps: AdminDeps): void {
  endpoint(router, "/admin/reset", {
    POST: async (req, res) => {
      const choice = await choose(req, deps, "fixtures", true);
      await keepingStoreOnFailure(deps, () => deps.emulator.reset(choice.fixture));
      res.json({ fixtures: choice.label, store: storeSummary(deps) });
    },
  });
  endpoint(router, "/admin/fixtures", {
    POST: async (req, res) => {
      const choice = await choose(req, deps, "name", false);
      const fixture = choice.fixture;
      if (fixture !== "none") await keepingStoreOnFailure(deps, () => deps.emulator.load(fixture));
      res.json({ fixtures: choice.label, store: storeSummary(deps) });
    },
  });
  endpoint(router, "/admin/store", {
    GET: (req, res) => {
      const table = queryParam(req, "table");
      const data = deps.emulator.store.snapshot();
      if (table === undefined) return res.json(data);
      // Own tables only: `?table=__proto__` or `constructor` names no table.
      const rows = Object.hasOwn(data.tables, table) ? data.tables[table] : undefined;
      if (!rows)
        throw new AdminError(
          404,
          `no table '${table}' (tables: ${Object.keys(data.tables).join(", ") || "none"})`,
        );
      res.json({ table, rows });
    },
  });
}
