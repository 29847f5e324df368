import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { assertBoot, assertProblem } from "../../helpers/error-bodies.js";
import { createBand, expectedBand } from "./bands-fixtures.js";
import { recordSends } from "../../helpers/bus.js";

const bandNotFound = (id: string, path: string) =>
  [404, "Band not found", `Band with id ${id} was not found`, path] as const;

describe("band-service: bands", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  /** The logo URL is stored but no response shows it; only the store can tell. */
  const storedLogo = () => (t.emu.store.data.tables.bands?.[0] as unknown as { logoUrl: unknown }).logoUrl;
  const get = (path: string) =>
    t
      .http("bands")
      .get(path)
      .set("Authorization", t.bearer(["test_1"]));
  const post = (query: string) =>
    t
      .http("bands")
      .post(`/api/bands${query}`)
      .set("Authorization", t.bearer(["test_1"]));
  const patch = (path: string, body?: unknown) => {
    // PATCH /api/bands/{id} matches no rule: any valid bearer will do, even without scopes (Q4).
    const request = t.http("bands").patch(path).set("Authorization", t.bearer([]));
    return body === undefined ? request : request.send(body as object);
  };

  describe("POST /api/bands", () => {
    it("answers 201 with the band, logo null and no members, from query parameters", async () => {
      const res = await post("?name=Band%201&musicalStyle=Rock&managerId=10");
      assert.equal(res.status, 201);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, expectedBand(1));
      assert.deepEqual(Object.keys(res.body), Object.keys(expectedBand(1)));
    });

    it("takes form parameters too, and ignores a JSON body", async () => {
      const form = await t
        .http("bands")
        .post("/api/bands")
        .set("Authorization", t.bearer())
        .type("form")
        .send({ name: "Band 1", musicalStyle: "Rock", managerId: "10" });
      assert.equal(form.status, 201);
      assert.deepEqual(form.body, expectedBand(1));
      const withJson = await post("?name=Band%202&musicalStyle=Rock&managerId=10").send({ name: "ignored" });
      assert.deepEqual(withJson.body, expectedBand(2));
    });

    it("answers 400 BOOT for a missing, blank, empty-numeric or non-numeric parameter", async () => {
      for (const query of [
        "?musicalStyle=Rock&managerId=1",
        "?name=A&managerId=1",
        "?name=A&musicalStyle=Rock",
        "?name=%20&musicalStyle=Rock&managerId=1",
        "?name=A&musicalStyle=&managerId=1",
        "?name=A&musicalStyle=Rock&managerId=",
        "?name=A&musicalStyle=Rock&managerId=ten",
      ]) {
        assertBoot(await post(query), 400, "/api/bands");
      }
      assert.deepEqual((await get("/api/bands")).body, []);
    });

    it("creates the band but answers an empty 406 when the Accept header does not parse", async () => {
      const res = await post("?name=Band%201&musicalStyle=Rock&managerId=10").set("Accept", "json");
      assert.deepEqual([res.status, res.text], [406, ""]);
      assert.deepEqual((await get("/api/bands/1").expect(200)).body, expectedBand(1));
    });

    it("answers 400 PD for a name already taken (exact, case-sensitive)", async () => {
      await createBand(t, "Band 1");
      assertProblem(
        await post("?name=Band%201&musicalStyle=Pop&managerId=2"),
        400,
        "Band already exists",
        'Band with name "Band 1" already exists',
        "/api/bands",
      );
      assert.equal((await createBand(t, "band 1")).id, 2);
    });

    it("answers 500 BOOT when two bands already share the name (possible through PATCH)", async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2");
      await patch("/api/bands/2", { name: "Band 1", musicalStyle: "Rock", managerId: 10 }).expect(200);
      assertBoot(await post("?name=Band%201&musicalStyle=Rock&managerId=10"), 500, "/api/bands");
    });

    it("answers 500 BOOT for a name over its VARCHAR(255) column, and spends the id", async () => {
      assertBoot(await post(`?name=${"n".repeat(256)}&musicalStyle=Rock&managerId=1`), 500, "/api/bands");
      assert.equal((await createBand(t, "n".repeat(255))).id, 2);
    });

    it("lets exactly one of two racing creates of one name win", async () => {
      const query = "?name=Twin&musicalStyle=Rock&managerId=1";
      const [a, b] = await Promise.all([post(query), post(query)]);
      assert.deepEqual([a.status, b.status].sort(), [201, 400]);
      const loser = a.status === 400 ? a : b;
      assertProblem(loser, 400, "Band already exists", 'Band with name "Twin" already exists', "/api/bands");
      assert.equal((await get("/api/bands")).body.length, 1);
    });
  });

  describe("GET /api/bands, /api/bands/{id}", () => {
    it("lists the bands in id order and answers one by id", async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2", 11, "Jazz");
      assert.deepEqual((await get("/api/bands").expect(200)).body, [
        expectedBand(1),
        expectedBand(2, { managerId: 11, musicalStyle: "Jazz" }),
      ]);
      assert.deepEqual(
        (await get("/api/bands/2").expect(200)).body,
        expectedBand(2, { managerId: 11, musicalStyle: "Jazz" }),
      );
    });

    it("answers 404 PD for unknown and negative ids, 400 BOOT for a non-numeric id", async () => {
      assertProblem(await get("/api/bands/4"), ...bandNotFound("4", "/api/bands/4"));
      assertProblem(await get("/api/bands/-4"), ...bandNotFound("-4", "/api/bands/-4"));
      assertBoot(await get("/api/bands/abc"), 400, "/api/bands/abc");
    });

    it("writes the 404 PD whatever the Accept, where a BOOT error for a browser is its HTML page", async () => {
      assertProblem(
        await get("/api/bands/4").set("Accept", "text/html"),
        ...bandNotFound("4", "/api/bands/4"),
      );
      const page = await get("/api/bands/abc").set("Accept", "text/html").expect(400);
      assert.equal(page.headers["content-type"], "text/html;charset=UTF-8");
    });
  });

  describe("PATCH /api/bands/{id} (§4.3, Q12)", () => {
    it("overwrites every field, clears the members, reads logoUrl but never shows a logo", async () => {
      await createBand(t, "Band 1");
      await t.http("bands").patch("/api/bands/1/members/5").set("Authorization", t.bearer()).expect(200);
      const res = await patch("/api/bands/1", {
        name: "Renamed",
        musicalStyle: "Jazz",
        managerId: 12,
        logoUrl: "https://x/logo.png",
        members: [5, 6],
      });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, expectedBand(1, { name: "Renamed", musicalStyle: "Jazz", managerId: 12 }));
      assert.deepEqual((await get("/api/bands/1")).body, res.body);
      assert.equal(storedLogo(), "https://x/logo.png");
    });

    it("ignores a field called logo: the stored logoUrl becomes null", async () => {
      await createBand(t, "Band 1");
      await patch("/api/bands/1", { name: "A", musicalStyle: "B", managerId: 1, logo: "x" }).expect(200);
      assert.equal(storedLogo(), null);
    });

    it("stores a name another band has (no uniqueness check)", async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2");
      const res = await patch("/api/bands/2", { name: "Band 1", musicalStyle: "Rock", managerId: 10 });
      assert.deepEqual(res.body, expectedBand(2, { name: "Band 1" }));
    });

    it("answers 500 BOOT when name, musicalStyle or managerId ends up null, and changes nothing", async () => {
      await createBand(t, "Band 1");
      for (const body of [
        { musicalStyle: "Rock", managerId: 1 },
        { name: "A", musicalStyle: null, managerId: 1 },
        { name: "A", musicalStyle: "Rock" },
      ]) {
        assertBoot(await patch("/api/bands/1", body), 500, "/api/bands/1");
      }
      assert.deepEqual((await get("/api/bands/1")).body, expectedBand(1, { name: "Band 1" }));
    });

    it("answers 500 BOOT for a logoUrl over its VARCHAR(255) column", async () => {
      await createBand(t, "Band 1");
      const body = { name: "A", musicalStyle: "B", managerId: 1, logoUrl: `https://x/${"l".repeat(250)}` };
      assertBoot(await patch("/api/bands/1", body), 500, "/api/bands/1");
      assert.deepEqual((await get("/api/bands/1")).body, expectedBand(1, { name: "Band 1" }));
    });

    it("answers 404 PD for an unknown band before the null problem", async () => {
      assertProblem(await patch("/api/bands/9", { name: null }), ...bandNotFound("9", "/api/bands/9"));
    });

    it("answers 400 BOOT for a missing or malformed body, and for a body of the wrong shape", async () => {
      await createBand(t, "Band 1");
      assertBoot(await patch("/api/bands/1"), 400, "/api/bands/1");
      const malformed = await t
        .http("bands")
        .patch("/api/bands/9")
        .set("Authorization", t.bearer())
        .set("Content-Type", "application/json")
        .send("{name");
      assertBoot(malformed, 400, "/api/bands/9");
      assertBoot(await patch("/api/bands/1", { name: "A", managerId: "x" }), 400, "/api/bands/1");
    });

    it("answers 415 BOOT with Accept and Accept-Patch for a non-JSON body", async () => {
      const res = await t
        .http("bands")
        .patch("/api/bands/1")
        .set("Authorization", t.bearer())
        .set("Content-Type", "text/plain")
        .send("x");
      assertBoot(res, 415, "/api/bands/1");
      assert.equal(res.headers["accept-patch"], "application/json, application/*+json");
    });
  });

  describe("members (no message to user-service, Q15)", () => {
    const member = (method: "patch" | "delete", path: string) => {
      const agent = t.http("bands");
      const request = method === "patch" ? agent.patch(path) : agent.delete(path);
      return request.set("Authorization", t.bearer(method === "patch" ? ["test_2"] : ["test_1"]));
    };

    it("PATCH adds a member and answers the band; the artist's bandIds are not touched", async () => {
      await createBand(t, "Band 1");
      const sent = recordSends(t);
      await member("patch", "/api/bands/1/members/7").expect(200);
      const res = await member("patch", "/api/bands/1/members/3");
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, expectedBand(1, { name: "Band 1", members: [3, 7] }));
      assert.deepEqual(sent, []);
    });

    it("PATCH answers 400 PD when already a member, 404 PD for an unknown band", async () => {
      await createBand(t, "Band 1");
      await member("patch", "/api/bands/1/members/7").expect(200);
      assertProblem(
        await member("patch", "/api/bands/1/members/7"),
        400,
        "Member is already part of band",
        "Member with id 7 is already part of band 1",
        "/api/bands/1/members/7",
      );
      assertProblem(
        await member("patch", "/api/bands/2/members/7"),
        ...bandNotFound("2", "/api/bands/2/members/7"),
      );
    });

    it("DELETE answers 204 with no body and removes the member", async () => {
      await createBand(t, "Band 1");
      await member("patch", "/api/bands/1/members/7").expect(200);
      const res = await member("delete", "/api/bands/1/members/7");
      assert.equal(res.status, 204);
      assert.equal(res.text, "");
      assert.deepEqual((await get("/api/bands/1")).body.members, []);
    });

    it("DELETE answers 400 PD with the misleading 'already exists' detail when not a member, 404 PD", async () => {
      await createBand(t, "Band 1");
      assertProblem(
        await member("delete", "/api/bands/1/members/7"),
        400,
        "Member is not part of band",
        "Member with id 7 already exists in band 1",
        "/api/bands/1/members/7",
      );
      assertProblem(
        await member("delete", "/api/bands/3/members/7"),
        ...bandNotFound("3", "/api/bands/3/members/7"),
      );
    });
  });

  describe("route notes (§4.3)", () => {
    it("GET /api/bands/{id}/members/{m} → 405 with Allow DELETE, PATCH", async () => {
      const res = await get("/api/bands/1/members/2");
      assertBoot(res, 405, "/api/bands/1/members/2");
      assert.equal(res.headers.allow, "DELETE,PATCH");
    });

    it("PUT /api/bands/{id} → 405 with a bearer, the CSRF 403 without one", async () => {
      const res = await t.http("bands").put("/api/bands/1").set("Authorization", t.bearer()).send({});
      assertBoot(res, 405, "/api/bands/1");
      assert.equal(res.headers.allow, "GET,PATCH");
      const csrf = await t.http("bands").put("/api/bands/1").send({});
      assert.equal(csrf.status, 403);
    });

    it("GET /api/bands/offers is the offer list, not a band id", async () => {
      assert.deepEqual((await get("/api/bands/offers").expect(200)).body, []);
    });

    it("OPTIONS of a path nothing maps → 404 BOOT; a CORS preflight still gets its empty 200", async () => {
      assertBoot(await t.http("bands").options("/api/bands/1/logo"), 404, "/api/bands/1/logo");
      const preflight = await t
        .http("bands")
        .options("/api/bands/1/logo")
        .set("Origin", "http://other")
        .set("Access-Control-Request-Method", "GET")
        .expect(200);
      assert.equal(preflight.text, "");
    });
  });
});
