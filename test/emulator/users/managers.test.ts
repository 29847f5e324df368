import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { assertBoot, assertProblem } from "../../helpers/error-bodies.js";
import { createArtist, createManager, expectedManager, hashOf, managerBody } from "./users-fixtures.js";

const notFound = (id: string, path: string) =>
  [
    404,
    "User Not Found Error",
    `User not found with id: ${id}`,
    path,
    { errorCode: "USER_NOT_FOUND" },
  ] as const;

describe("user-service: managers", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  const post = (body: unknown) =>
    t
      .http("users")
      .post("/api/managers")
      .set("Authorization", t.bearer(["test_2"]))
      .send(body as object);
  const get = (path: string) =>
    t
      .http("users")
      .get(path)
      .set("Authorization", t.bearer(["test_1"]));
  const put = (path: string, body: unknown) =>
    t
      .http("users")
      .put(path)
      .set("Authorization", t.bearer(["test_2"]))
      .send(body as object);

  describe("POST /api/managers", () => {
    it("answers 201 (where artists get 200) with the manager and managedBandIds []", async () => {
      const res = await post(managerBody());
      assert.equal(res.status, 201);
      assert.equal(res.headers["content-type"], "application/json");
      assert.equal(res.headers.location, undefined);
      assert.deepEqual(res.body, expectedManager(1, hashOf(res.body)));
      assert.deepEqual(Object.keys(res.body), Object.keys(expectedManager(1, "")));
    });

    it("answers 400 BOOT for a failed validation and for role ARTIST or null", async () => {
      for (const overrides of [{ username: "" }, { email: "x" }, { role: "ARTIST" }, { role: null }]) {
        assertBoot(await post(managerBody(overrides)), 400, "/api/managers");
      }
      assert.equal((await post(managerBody({ role: "MANAGER" }))).status, 201);
    });

    it("answers 409 PD for the username of another manager", async () => {
      await createManager(t);
      assertProblem(
        await post(managerBody({ email: "else@x.org" })),
        409,
        "User Already Exists Error",
        "User with username boss already exists",
        "/api/managers",
        { errorCode: "USER_ALREADY_EXISTS" },
      );
    });

    it("answers 500 BOOT for an artist's username, a used email, no password, a long password", async () => {
      await createArtist(t, { username: "artist", email: "artist@x.org" });
      assertBoot(await post(managerBody({ username: "artist" })), 500, "/api/managers");
      assertBoot(await post(managerBody({ email: "artist@x.org" })), 500, "/api/managers");
      assertBoot(await post(managerBody({ password: undefined })), 500, "/api/managers");
      assertBoot(await post(managerBody({ password: "ü".repeat(37) })), 500, "/api/managers");
    });

    it("lets exactly one of two racing creates with the same username win", async () => {
      const [a, b] = await Promise.all([post(managerBody()), post(managerBody({ email: "other@x.org" }))]);
      assert.deepEqual([a.status, b.status].sort(), [201, 409]);
      const list = await get("/api/managers");
      assert.equal(list.body.length, 1);
    });

    it("overwrites an existing manager given its id, 500 BOOT for an unknown or artist id (§1.3)", async () => {
      await createManager(t);
      await createArtist(t);
      const merged = await post(managerBody({ id: 1, username: "boss-2", companyName: null }));
      assert.equal(merged.status, 201);
      assert.deepEqual(
        merged.body,
        expectedManager(1, hashOf(merged.body), { username: "boss-2", companyName: null }),
      );
      assertBoot(await post(managerBody({ id: 2, username: "x", email: "x@x.org" })), 500, "/api/managers");
      assertBoot(await post(managerBody({ id: 40, username: "y", email: "y@x.org" })), 500, "/api/managers");
    });
  });

  describe("GET /api/managers, /api/managers/{id}", () => {
    it("lists managers only, in id order", async () => {
      const first = await createManager(t);
      await createArtist(t);
      const second = await createManager(t, { username: "b2", email: "b2@x.org" });
      assert.deepEqual((await get("/api/managers").expect(200)).body, [
        expectedManager(1, first.password),
        expectedManager(3, second.password, { username: "b2", email: "b2@x.org" }),
      ]);
    });

    it("answers one manager, 404 PD for unknown, negative and artist ids, 400 for non-numeric", async () => {
      const manager = await createManager(t);
      await createArtist(t);
      assert.deepEqual((await get("/api/managers/1").expect(200)).body, expectedManager(1, manager.password));
      assertProblem(await get("/api/managers/2"), ...notFound("2", "/api/managers/2"));
      assertProblem(await get("/api/managers/-2"), ...notFound("-2", "/api/managers/-2"));
      assertProblem(await get("/api/managers/99"), ...notFound("99", "/api/managers/99"));
      assertBoot(await get("/api/managers/x"), 400, "/api/managers/x");
    });
  });

  describe("PUT /api/managers/{id}", () => {
    it("updates partially, without validation, ignoring role, re-hashing the password", async () => {
      const manager = await createManager(t, { managedBandIds: [2] });
      const res = await put("/api/managers/1", { companyName: "X", email: "bad", role: "ARTIST" });
      assert.equal(res.status, 200);
      const hash = hashOf(res.body);
      assert.notEqual(hash, manager.password);
      assert.deepEqual(
        res.body,
        expectedManager(1, hash, { companyName: "X", email: "bad", managedBandIds: [2] }),
      );
      assert.deepEqual(
        (await put("/api/managers/1", { managedBandIds: [3, 1] })).body.managedBandIds,
        [1, 3],
      );
    });

    it("answers 500 BOOT for another user's username, 404 PD for unknown, 400 for a broken body", async () => {
      await createManager(t);
      await createArtist(t);
      assertBoot(await put("/api/managers/1", { username: "xlindemann" }), 500, "/api/managers/1");
      assertProblem(await put("/api/managers/2", {}), ...notFound("2", "/api/managers/2"));
      const broken = await t
        .http("users")
        .put("/api/managers/2")
        .set("Authorization", t.bearer())
        .set("Content-Type", "application/json")
        .send("{");
      assertBoot(broken, 400, "/api/managers/2");
    });
  });

  describe("DELETE /api/managers/{id}", () => {
    it("answers 204 and removes the manager; 404 PD for unknown and artist ids", async () => {
      await createManager(t);
      await createArtist(t);
      const del = (id: number) =>
        t.http("users").delete(`/api/managers/${id}`).set("Authorization", t.bearer());
      const res = await del(1);
      assert.equal(res.status, 204);
      assert.equal(res.text, "");
      assertProblem(await del(1), ...notFound("1", "/api/managers/1"));
      assertProblem(await del(2), ...notFound("2", "/api/managers/2"));
    });
  });

  describe("GET /api/managers/bands?bandIds=, PATCH /api/managers/bands/{managerId}", () => {
    it("finds managers managing any of the bands, each once", async () => {
      await createManager(t, { managedBandIds: [1, 2] });
      await createManager(t, { username: "m2", email: "m2@x.org", managedBandIds: [3] });
      await createArtist(t, { bandIds: [1] });
      const names = async (query: string) =>
        (await get(`/api/managers/bands${query}`).expect(200)).body.map(
          (m: { username: string }) => m.username,
        );
      assert.deepEqual(await names("?bandIds=1,2"), ["boss"]);
      assert.deepEqual(await names("?bandIds=3&bandIds=1"), ["boss", "m2"]);
      assert.deepEqual(await names("?bandIds="), []);
      assertBoot(await get("/api/managers/bands"), 400, "/api/managers/bands");
    });

    it("replaces managedBandIds; 404 PD for an unknown manager; 400 BOOT for a non-array", async () => {
      const manager = await createManager(t, { managedBandIds: [1] });
      const patch = (id: number, body: unknown) =>
        t
          .http("users")
          .patch(`/api/managers/bands/${id}`)
          .set("Authorization", t.bearer(["test_2"]))
          .send(body as object);
      const res = await patch(1, [4, 2]);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, expectedManager(1, manager.password, { managedBandIds: [2, 4] }));
      assertProblem(await patch(5, [1]), ...notFound("5", "/api/managers/bands/5"));
      assertBoot(await patch(1, { ids: [1] }), 400, "/api/managers/bands/1");
    });

    it("GET /api/managers/bands/3 → 405, only PATCH is mapped there", async () => {
      const res = await get("/api/managers/bands/3");
      assertBoot(res, 405, "/api/managers/bands/3");
      assert.equal(res.headers.allow, "PATCH");
    });
  });
});
