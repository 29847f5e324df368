import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { assertBoot, assertProblem } from "../../helpers/error-bodies.js";
import { artistBody, createArtist, createManager, expectedArtist, hashOf } from "./users-fixtures.js";

describe("user-service: POST /api/artists", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  const post = (body: unknown) =>
    t
      .http("users")
      .post("/api/artists")
      .set("Authorization", t.bearer())
      .send(body as object);

  it("answers 200 (not 201) with the artist, its BCrypt-shaped hash and bandIds []", async () => {
    // §3.3, Q7: the artist controller returns ResponseEntity.ok.
    const res = await post(artistBody());
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "application/json");
    assert.deepEqual(res.body, expectedArtist(1, hashOf(res.body)));
    assert.deepEqual(Object.keys(res.body), Object.keys(expectedArtist(1, "")));
    const stored = await t.http("users").get("/api/artists/1").set("Authorization", t.bearer());
    assert.deepEqual(stored.body, res.body);
  });

  it("keeps the bandIds given, ascending and without repeats, and nulls for absent optionals", async () => {
    const res = await post({ username: "solo", email: "solo@x.org", password: "p", bandIds: [3, 1, 3] });
    assert.deepEqual(res.body, {
      id: 1,
      username: "solo",
      email: "solo@x.org",
      firstName: null,
      lastName: null,
      role: "ARTIST",
      password: hashOf(res.body),
      stageName: null,
      bio: null,
      skills: null,
      bandIds: [1, 3],
    });
  });

  it("draws ids from the counter artists share with managers (§1.3, Q11)", async () => {
    await createManager(t);
    const artist = await createArtist(t);
    assert.equal(artist.id, 2);
    const manager = await createManager(t, { username: "boss2", email: "boss2@label.com" });
    assert.equal(manager.id, 3);
  });

  it("accepts role ARTIST and an email like a@b", async () => {
    const res = await post(artistBody({ role: "ARTIST", email: "a@b" }));
    assert.equal(res.status, 200);
    assert.equal(res.body.email, "a@b");
  });

  const invalid: [string, Record<string, unknown>][] = [
    ["a blank username", { username: "  " }],
    ["no username", { username: undefined }],
    ["no email", { email: undefined }],
    ["an invalid email", { email: "not-an-email" }],
    ["a one-character first name", { firstName: "T" }],
    ["a 51-character last name", { lastName: "x".repeat(51) }],
  ];
  for (const [what, overrides] of invalid) {
    it(`answers 400 BOOT for ${what} (Bean Validation, no details)`, async () => {
      assertBoot(await post(artistBody(overrides)), 400, "/api/artists");
      assert.equal(t.emu.store.counters().users, undefined);
    });
  }

  // §3.2: the DTO's role setter refuses anything but ARTIST, which Jackson reports as a parse error.
  for (const role of ["MANAGER", null, "", " ", "1", "ADMIN"]) {
    it(`answers 400 BOOT for role ${JSON.stringify(role)}`, async () => {
      assertBoot(await post(artistBody({ role })), 400, "/api/artists");
    });
  }

  it("accepts role ARTIST padded with spaces, or as its index", async () => {
    for (const [n, role] of [" ARTIST ", "0", 0].entries()) {
      const res = await post(artistBody({ role, username: `u${n}`, email: `u${n}@x.org` }));
      assert.equal(res.status, 200, `role ${JSON.stringify(role)}: ${res.text}`);
      assert.equal(res.body.role, "ARTIST");
    }
  });

  it("answers 400 BOOT for a missing body, a null body and malformed JSON", async () => {
    const auth = t.bearer();
    assertBoot(await t.http("users").post("/api/artists").set("Authorization", auth), 400, "/api/artists");
    for (const text of ["null", "{"]) {
      const res = await t
        .http("users")
        .post("/api/artists")
        .set("Authorization", auth)
        .set("Content-Type", "application/json")
        .send(text);
      assertBoot(res, 400, "/api/artists");
    }
  });

  it("answers 409 PD USER_ALREADY_EXISTS for the username of another artist", async () => {
    await createArtist(t);
    const res = await post(artistBody({ email: "other@email.com" }));
    assertProblem(
      res,
      409,
      "User Already Exists Error",
      "User with username xlindemann already exists",
      "/api/artists",
      { errorCode: "USER_ALREADY_EXISTS" },
    );
  });

  it("checks the duplicate username before the password (409 even without a password)", async () => {
    await createArtist(t);
    const res = await post(artistBody({ password: undefined }));
    assert.equal(res.status, 409);
  });

  // §3.3, Q9: usernames and emails are unique columns of the shared table, never checked in code.
  it("answers 500 BOOT for the username of a manager", async () => {
    await createManager(t, { username: "xlindemann" });
    assertBoot(await post(artistBody()), 500, "/api/artists");
    const list = await t.http("users").get("/api/artists").set("Authorization", t.bearer());
    assert.deepEqual(list.body, []);
  });

  it("answers 500 BOOT for an email already used, by an artist or a manager", async () => {
    await createArtist(t);
    assertBoot(await post(artistBody({ username: "other" })), 500, "/api/artists");
    await createManager(t, { email: "m@x.org" });
    assertBoot(await post(artistBody({ username: "third", email: "m@x.org" })), 500, "/api/artists");
  });

  it("spends an id on an insert the unique columns refuse, as H2's identity column does", async () => {
    await createArtist(t);
    assertBoot(await post(artistBody({ username: "other" })), 500, "/api/artists");
    const next = await createArtist(t, { username: "third", email: "third@x.org" });
    assert.equal(next.id, 3);
  });

  // §3.2, Q9: BCryptPasswordEncoder refuses null and passwords over 72 bytes.
  it("answers 500 BOOT without a password or with a null one", async () => {
    assertBoot(await post(artistBody({ password: undefined })), 500, "/api/artists");
    assertBoot(await post(artistBody({ password: null })), 500, "/api/artists");
  });

  it("counts the 72-byte limit in UTF-8 bytes, not characters", async () => {
    assertBoot(await post(artistBody({ password: "x".repeat(73) })), 500, "/api/artists");
    assertBoot(await post(artistBody({ password: "é".repeat(37) })), 500, "/api/artists");
    const atLimit = await post(artistBody({ password: "é".repeat(36) }));
    assert.equal(atLimit.status, 200);
    const ascii = await post(artistBody({ username: "b", email: "b@x.org", password: "x".repeat(72) }));
    assert.equal(ascii.status, 200);
  });

  it("accepts an empty password and still hashes it", async () => {
    const res = await post(artistBody({ password: "" }));
    assert.equal(res.status, 200);
    hashOf(res.body);
  });

  it("answers 500 BOOT for a null band id in bandIds (the set's column is NOT NULL)", async () => {
    assertBoot(await post(artistBody({ bandIds: [1, null] })), 500, "/api/artists");
  });

  it("answers 500 BOOT for a value over its VARCHAR(255) column, and spends the id", async () => {
    assertBoot(await post(artistBody({ bio: "b".repeat(256) })), 500, "/api/artists");
    const fits = await post(artistBody({ bio: "b".repeat(255) }));
    assert.equal(fits.status, 200);
    assert.equal(fits.body.id, 2);
  });

  describe("a client-supplied id (§1.3)", () => {
    it("overwrites the existing artist with that id (merge)", async () => {
      await createArtist(t);
      const res = await post({ id: 1, username: "renamed", email: "new@x.org", password: "p2" });
      assert.equal(res.status, 200);
      const expected = {
        id: 1,
        username: "renamed",
        email: "new@x.org",
        firstName: null,
        lastName: null,
        role: "ARTIST",
        password: hashOf(res.body),
        stageName: null,
        bio: null,
        skills: null,
        bandIds: [],
      };
      assert.deepEqual(res.body, expected);
      const stored = await t.http("users").get("/api/artists/1").set("Authorization", t.bearer());
      assert.deepEqual(stored.body, expected);
      assert.equal((await createArtist(t)).id, 2);
    });

    it("answers 500 BOOT when no row has that id, and draws no id", async () => {
      assertBoot(await post(artistBody({ id: 7 })), 500, "/api/artists");
      assert.equal((await createArtist(t)).id, 1);
    });

    it("answers 500 BOOT when the id belongs to a manager", async () => {
      await createManager(t);
      assertBoot(await post(artistBody({ id: 1 })), 500, "/api/artists");
    });

    it("answers 409 when the merged artist keeps its own username (the code check sees it)", async () => {
      await createArtist(t);
      const res = await post(artistBody({ id: 1 }));
      assert.equal(res.status, 409);
    });
  });
});
