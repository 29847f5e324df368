import assert from "node:assert/strict";
import { FixtureError } from "../../../emulator/fixtures/fixtures.js";
import type { StoreData } from "../../../emulator/core/store/store.js";
import type { Row } from "../../../emulator/core/store/table.js";
import { adminHarness, type AdminHarness } from "../../helpers/admin.js";

/** Rows carry their service's fields; the store only knows about ids. */
const rows = (...list: (Row & Record<string, unknown>)[]): Row[] => list;

const DATA: StoreData = {
  format: 1,
  counters: { users: 2, bands: 1 },
  tables: {
    bands: rows({ id: 1, name: "Tame Impala" }),
    users: rows({ id: 1, username: "kevin" }, { id: 2, username: "jay" }),
  },
};

/** What the store holds after `replace(DATA)`: every declared table, empty unless DATA fills it. */
function dumpOf(h: AdminHarness, data: StoreData): StoreData {
  return {
    ...data,
    tables: { ...Object.fromEntries(declaredTables(h).map((name) => [name, []])), ...data.tables },
  };
}

function declaredTables(h: AdminHarness): string[] {
  return Object.keys(h.t.emu.store.data.tables);
}

describe("admin: the store", () => {
  let h: AdminHarness;
  afterEach(() => h.t.emu.close());

  describe("with the emulator's own reset", () => {
    beforeEach(async () => {
      h = await adminHarness();
      await h.t.emu.store.replace(structuredClone(DATA));
    });

    it("GET /admin/store dumps it whole; ?table= one table", async () => {
      const whole = await h.admin
        .get("/admin/store")
        .expect(200)
        .expect("Content-Type", /application\/json/);
      assert.deepEqual(whole.body, dumpOf(h, DATA));
      const one = await h.admin.get("/admin/store?table=users").expect(200);
      assert.deepEqual(one.body, { table: "users", rows: DATA.tables.users });
      const none = await h.admin.get("/admin/store?table=gigs").expect(404);
      assert.deepEqual(none.body, { error: `no table 'gigs' (tables: ${declaredTables(h).join(", ")})` });
      for (const inherited of ["__proto__", "constructor", "toString"]) {
        const res = await h.admin.get(`/admin/store?table=${inherited}`).expect(404);
        assert.deepEqual(res.body, {
          error: `no table '${inherited}' (tables: ${declaredTables(h).join(", ")})`,
        });
      }
    });

    it("POST /admin/reset?fixtures=none empties it (rows, counters and the saga queue)", async () => {
      h.t.emu.bus.send("q", "T", {});
      const res = await h.admin.post("/admin/reset?fixtures=none").expect(200);
      assert.equal(res.body.fixtures, "none");
      assert.deepEqual(res.body.store.counters, {});
      const snapshot = h.t.emu.store.snapshot();
      assert.deepEqual(snapshot.counters, {});
      assert.ok(Object.values(snapshot.tables).every((rows) => rows.length === 0));
      assert.deepEqual(h.t.emu.bus.pending(), []);
    });
  });

  describe("choosing fixtures", () => {
    beforeEach(async () => {
      h = await adminHarness({ recordFixtures: true, initial: { users: { artists: [] } } });
    });

    it("POST /admin/reset without a choice goes back to what emu start seeded", async () => {
      const res = await h.admin.post("/admin/reset").expect(200);
      assert.equal(res.body.fixtures, "start");
      assert.deepEqual(h.calls.reset, [{ users: { artists: [] } }]);
    });

    it("?fixtures=<name> resets to a bundled set; an unknown name is a 400", async () => {
      await h.admin.post("/admin/reset?fixtures=festival").expect(200, {
        fixtures: "festival",
        store: { counters: {}, rows: Object.fromEntries(declaredTables(h).map((name) => [name, 0])) },
      });
      assert.deepEqual(h.calls.reset, [{ bands: { fixture: "festival" } }]);
      const bad = await h.admin.post("/admin/reset?fixtures=gala").expect(400);
      assert.deepEqual(bad.body, {
        // The reset's own choices are named too, not only the bundled sets.
        error: "?fixtures=gala: unknown fixtures (one of none, start, default, seed, festival)",
      });
    });

    it("a fixture as the body resets to it; body and name together are refused", async () => {
      const fixture = { bands: { bands: [{ id: 7, name: "Khruangbin" }] } };
      await h.admin.post("/admin/reset").send(fixture).expect(200);
      assert.deepEqual(h.calls.reset, [fixture]);
      const both = await h.admin.post("/admin/reset?fixtures=none").send(fixture).expect(400);
      assert.deepEqual(both.body, { error: "give ?fixtures= or a fixture body, not both" });
    });

    it("POST /admin/fixtures loads a posted fixture or a named one; it needs one of them", async () => {
      const fixture = { catalog: { albums: [] } };
      const posted = await h.admin
        .post("/admin/fixtures")
        .set("Content-Type", "application/x-www-form-urlencoded")
        .send(JSON.stringify(fixture))
        .expect(200);
      assert.equal(posted.body.fixtures, "body");
      await h.admin.post("/admin/fixtures?name=default").expect(200);
      assert.deepEqual(h.calls.load, [fixture, { bands: { fixture: "default" } }]);
      const nothing = await h.admin.post("/admin/fixtures").expect(400);
      assert.deepEqual(nothing.body, {
        error: "name the fixtures (?name=default|seed|festival) or post one as the body",
      });
      await h.admin.post("/admin/fixtures?name=none").expect(400, {
        error: "?name=none: unknown fixtures (one of default, seed, festival)",
      });
    });

    it("a body that is not a fixture is a 400 listing what is wrong", async () => {
      const res = await h.admin.post("/admin/fixtures").send({ bands: {}, gigs: [], venues: [] }).expect(400);
      assert.deepEqual(res.body, {
        error: "the body is not a fixture",
        problems: ['unknown section "gigs"', 'unknown section "venues"'],
      });
      const list = await h.admin.post("/admin/fixtures").send([1, 2]).expect(400);
      assert.deepEqual(list.body, {
        error: "the body is not a fixture",
        problems: ["must be a JSON object with sections users, bands, catalog, tours"],
      });
    });

    it("a body that is not JSON is a 400 saying so, never a stack trace", async () => {
      const text = '{"bands": [}';
      let message = "";
      try {
        JSON.parse(text);
      } catch (error) {
        message = (error as Error).message;
      }
      const res = await h.admin.post("/admin/fixtures").set("Content-Type", "application/json").send(text);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: `the body is not valid JSON (${message})` });
    });
  });

  it("a fixture that fails to load leaves the store as it was", async () => {
    // Loading changes the store, then finds a problem: the control plane puts everything back.
    h = await adminHarness({
      overrides: {
        load: async () => {
          h.t.emu.store.data.tables.bands?.push(...rows({ id: 2, name: "half loaded" }));
          h.t.emu.store.data.counters.bands = 2;
          throw new FixtureError("(fixtures)", ["bands: bands[1]: name must not be blank"]);
        },
      },
    });
    await h.t.emu.store.replace(structuredClone(DATA));
    const res = await h.admin
      .post("/admin/fixtures")
      .send({ bands: { bands: [] } })
      .expect(400);
    assert.deepEqual(res.body, {
      error: "the fixtures do not load; the store is as it was",
      problems: ["bands: bands[1]: name must not be blank"],
    });
    assert.deepEqual(h.t.emu.store.snapshot(), dumpOf(h, DATA));
  });
});
