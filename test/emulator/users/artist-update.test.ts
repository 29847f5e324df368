import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { recordSends } from "../../helpers/bus.js";
import { assertBoot, assertProblem } from "../../helpers/error-bodies.js";
import { createArtist, createManager, expectedArtist, hashOf } from "./users-fixtures.js";

const notFound = (id: string, path: string) =>
  [
    404,
    "User Not Found Error",
    `User not found with id: ${id}`,
    path,
    { errorCode: "USER_NOT_FOUND" },
  ] as const;

describe("user-service: changing artists", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  const put = (path: string, body?: unknown) => {
    const request = t
      .http("users")
      .put(path)
      .set("Authorization", t.bearer(["test_3"]));
    return body === undefined ? request : request.send(body as object);
  };
  const patch = (path: string, body?: unknown) => {
    const request = t
      .http("users")
      .patch(path)
      .set("Authorization", t.bearer(["test_2"]));
    return body === undefined ? request : request.send(body as object);
  };
  const get = (path: string) => t.http("users").get(path).set("Authorization", t.bearer());

  describe("PUT /api/artists/{id} (§3.2, Q8)", () => {
    it("is a partial update: null and missing fields keep their value", async () => {
      const before = await createArtist(t, { bandIds: [4] });
      const res = await put("/api/artists/1", { stageName: "Till", bio: null });
      assert.equal(res.status, 200);
      const hash = hashOf(res.body);
      assert.notEqual(hash, before.password);
      assert.deepEqual(res.body, expectedArtist(1, hash, { stageName: "Till", bandIds: [4] }));
      assert.deepEqual((await get("/api/artists/1")).body, res.body);
    });

    it("runs no validation: a blank username, an invalid email and a one-letter name are stored", async () => {
      await createArtist(t);
      const res = await put("/api/artists/1", { username: " ", email: "nope", firstName: "T" });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body,
        expectedArtist(1, hashOf(res.body), { username: " ", email: "nope", firstName: "T" }),
      );
    });

    it("ignores role, even MANAGER", async () => {
      await createArtist(t);
      const res = await put("/api/artists/1", { role: "MANAGER" });
      assert.equal(res.status, 200);
      assert.equal(res.body.role, "ARTIST");
    });

    it("reads role as Jackson reads an enum: trimmed, or an index; an empty or blank one is 400 BOOT", async () => {
      await createArtist(t);
      for (const role of [" MANAGER ", "1", 0, null]) {
        const res = await put("/api/artists/1", { role });
        assert.equal(res.status, 200, `role ${JSON.stringify(role)}: ${res.text}`);
        assert.equal(res.body.role, "ARTIST");
      }
      for (const role of ["", "  ", "01", "2", "manager"]) {
        assertBoot(await put("/api/artists/1", { role }), 400, "/api/artists/1");
      }
    });

    it("re-hashes the stored hash on every PUT, even without a password in the body", async () => {
      const created = await createArtist(t);
      const first = await put("/api/artists/1", {});
      const second = await put("/api/artists/1", {});
      const hashes = [created.password, hashOf(first.body), hashOf(second.body)];
      assert.equal(new Set(hashes).size, 3);
      assert.equal((await get("/api/artists/1")).body.password, hashes[2]);
    });

    it("hashes a new password; one over 72 bytes is a 500 BOOT and changes nothing", async () => {
      await createArtist(t);
      const ok = await put("/api/artists/1", { password: "new" });
      hashOf(ok.body);
      assertBoot(await put("/api/artists/1", { password: "x".repeat(73), bio: "b" }), 500, "/api/artists/1");
      assert.deepEqual((await get("/api/artists/1")).body, ok.body);
    });

    it("replaces bandIds when given ([] clears)", async () => {
      await createArtist(t, { bandIds: [1, 2] });
      assert.deepEqual((await put("/api/artists/1", { bandIds: [5, 3] })).body.bandIds, [3, 5]);
      assert.deepEqual((await put("/api/artists/1", { bandIds: [] })).body.bandIds, []);
    });

    it("answers 500 BOOT for a username or an email of another user (unique columns, no 409)", async () => {
      await createArtist(t);
      await createManager(t);
      assertBoot(await put("/api/artists/1", { username: "boss" }), 500, "/api/artists/1");
      assertBoot(await put("/api/artists/1", { email: "boss@label.com" }), 500, "/api/artists/1");
      const own = await put("/api/artists/1", { username: "xlindemann", email: "lindemann_till@email.com" });
      assert.equal(own.status, 200);
    });

    it("answers 500 BOOT for a value over its VARCHAR(255) column (no validation to stop it first)", async () => {
      const artist = await createArtist(t);
      assertBoot(await put("/api/artists/1", { firstName: "x".repeat(256) }), 500, "/api/artists/1");
      assert.deepEqual((await get("/api/artists/1")).body, artist);
      const fits = await put("/api/artists/1", { firstName: "x".repeat(255) });
      assert.equal(fits.body.firstName.length, 255);
    });

    it("answers 404 PD for an unknown id, a negative id and a manager's id", async () => {
      await createManager(t);
      assertProblem(await put("/api/artists/5", {}), ...notFound("5", "/api/artists/5"));
      assertProblem(await put("/api/artists/-5", {}), ...notFound("-5", "/api/artists/-5"));
      assertProblem(await put("/api/artists/1", {}), ...notFound("1", "/api/artists/1"));
    });

    it("checks the body before the id: a broken body for an unknown id is 400, not 404 (§1.6)", async () => {
      assertBoot(await put("/api/artists/5"), 400, "/api/artists/5");
      for (const text of ["null", '{"username":', "[1]"]) {
        const res = await t
          .http("users")
          .put("/api/artists/5")
          .set("Authorization", t.bearer())
          .set("Content-Type", "application/json")
          .send(text);
        assertBoot(res, 400, "/api/artists/5");
      }
      assertBoot(await put("/api/artists/5", { role: "BOSS" }), 400, "/api/artists/5");
    });

    it("answers 415 BOOT for a non-JSON body", async () => {
      const res = await t
        .http("users")
        .put("/api/artists/1")
        .set("Authorization", t.bearer())
        .set("Content-Type", "text/plain")
        .send("hello");
      assertBoot(res, 415, "/api/artists/1");
    });
  });

  describe("DELETE /api/artists/{id}", () => {
    it("answers 204 with no body and the artist is gone; its username is free again", async () => {
      await createArtist(t);
      const res = await t
        .http("users")
        .delete("/api/artists/1")
        .set("Authorization", t.bearer(["test_3"]));
      assert.equal(res.status, 204);
      assert.equal(res.text, "");
      assert.equal((await get("/api/artists/1")).status, 404);
      assert.equal((await createArtist(t)).id, 2);
    });

    it("answers 404 PD for an unknown id and for a manager's id", async () => {
      await createManager(t);
      for (const id of ["1", "8"]) {
        const res = await t.http("users").delete(`/api/artists/${id}`).set("Authorization", t.bearer());
        assertProblem(res, ...notFound(id, `/api/artists/${id}`));
      }
    });
  });

  describe("PATCH /api/artists/bands/{artistId}", () => {
    it("replaces bandIds with the array given, and [] clears them", async () => {
      const artist = await createArtist(t, { bandIds: [1] });
      const res = await patch("/api/artists/bands/1", [7, 2, 7]);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, expectedArtist(1, artist.password, { bandIds: [2, 7] }));
      assert.deepEqual((await patch("/api/artists/bands/1", [])).body.bandIds, []);
    });

    it("answers 500 BOOT for a null element, which the BAND_IDS column refuses, and changes nothing", async () => {
      await createArtist(t, { bandIds: [1] });
      assertBoot(await patch("/api/artists/bands/1", [2, null]), 500, "/api/artists/bands/1");
      const after = await t.http("users").get("/api/artists/1").set("Authorization", t.bearer());
      assert.deepEqual(after.body.bandIds, [1]);
    });

    it("answers 400 BOOT for a body that is not an array, and for no body", async () => {
      await createArtist(t);
      assertBoot(await patch("/api/artists/bands/1", { bandIds: [1] }), 400, "/api/artists/bands/1");
      assertBoot(await patch("/api/artists/bands/1"), 400, "/api/artists/bands/1");
    });

    it("answers 404 PD for an unknown artist", async () => {
      assertProblem(await patch("/api/artists/bands/3", [1]), ...notFound("3", "/api/artists/bands/3"));
    });
  });

  describe("PATCH /api/artists/link|unlink/{artistId}/{bandId} (Q10)", () => {
    it("link adds the band id and answers the artist; no password change, no message (Q15)", async () => {
      const artist = await createArtist(t, { bandIds: [9] });
      const sent = recordSends(t);
      const res = await patch("/api/artists/link/1/4");
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, expectedArtist(1, artist.password, { bandIds: [4, 9] }));
      assert.deepEqual(sent, []);
    });

    it("link answers 500 BOOT when already linked, and changes nothing", async () => {
      await createArtist(t, { bandIds: [4] });
      assertBoot(await patch("/api/artists/link/1/4"), 500, "/api/artists/link/1/4");
      assert.deepEqual((await get("/api/artists/1")).body.bandIds, [4]);
    });

    it("unlink removes the band id; 500 BOOT when not linked", async () => {
      await createArtist(t, { bandIds: [4, 5] });
      assert.deepEqual((await patch("/api/artists/unlink/1/4")).body.bandIds, [5]);
      assertBoot(await patch("/api/artists/unlink/1/4"), 500, "/api/artists/unlink/1/4");
    });

    it("answers 404 PD for an unknown artist, before any link check", async () => {
      await createManager(t);
      assertProblem(await patch("/api/artists/link/1/2"), ...notFound("1", "/api/artists/link/1/2"));
      assertProblem(await patch("/api/artists/unlink/-3/2"), ...notFound("-3", "/api/artists/unlink/-3/2"));
    });

    it("answers 400 BOOT for a non-numeric band id", async () => {
      await createArtist(t);
      assertBoot(await patch("/api/artists/link/1/x"), 400, "/api/artists/link/1/x");
    });
  });
});
