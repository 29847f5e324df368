import assert from "node:assert/strict";
import { readFixture } from "../../../emulator/fixtures/fixtures.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { createArtist, createManager } from "./users-fixtures.js";

describe("user-service: seed data (§8)", () => {
  let t: TestEmulator;
  afterEach(() => t.emu.close());

  it("loads the real seeder's three artists and three managers, with plain-text passwords", async () => {
    t = await testEmulator({ fixtures: await readFixture("default") });
    const artists = await t.http("users").get("/api/artists").set("Authorization", t.bearer()).expect(200);
    assert.deepEqual(artists.body[0], {
      id: 1,
      username: "tameimpala",
      email: "tameimpala@mail.com",
      firstName: "Tame",
      lastName: "Impala",
      role: "ARTIST",
      password: "password1",
      stageName: "tame impala",
      bio: "Psychedelic music project of Kevin Parker from Perth.",
      skills: "Vocals, Guitar, Production",
      bandIds: [],
    });
    assert.deepEqual(
      artists.body.map((a: { id: number; username: string; password: string }) => [
        a.id,
        a.username,
        a.password,
      ]),
      [
        [1, "tameimpala", "password1"],
        [2, "jpegmafia", "password2"],
        [3, "fredagain", "password3"],
      ],
    );
    const managers = await t.http("users").get("/api/managers").set("Authorization", t.bearer()).expect(200);
    assert.deepEqual(managers.body[2], {
      id: 6,
      username: "manager3",
      email: "manager3@mail.com",
      firstName: "Manager",
      lastName: "Three",
      role: "MANAGER",
      password: "password3",
      companyName: "Manager Company 3",
      managedBandIds: [],
    });
  });

  it("continues the shared counter after the seeded ids and keeps their usernames taken", async () => {
    t = await testEmulator({ fixtures: await readFixture("default") });
    assert.equal((await createArtist(t)).id, 7);
    assert.equal((await createManager(t)).id, 8);
    const clash = await t
      .http("users")
      .post("/api/managers")
      .set("Authorization", t.bearer())
      .send({ username: "manager1", email: "new@x.org", password: "p" });
    assert.equal(clash.status, 409);
  });

  it("reports every problem of a bad section, naming the entry, and loads nothing", async () => {
    t = await testEmulator();
    const section = {
      artists: [
        { id: 1, username: "a", email: "a@x.org", bandIds: [1, "2"] },
        { id: 1, username: "b", email: "b@x.org" },
        { id: 2, username: "", email: "c@x.org", role: "MANAGER", bio: "x".repeat(256) },
      ],
      managers: [
        { id: -4, username: "d", email: "d@x.org" },
        { id: 5, username: "e", email: "a@x.org" },
        { id: 6, username: "e", email: "f@x.org" },
      ],
    };
    await assert.rejects(t.emu.load({ users: section }), (error: Error & { problems?: string[] }) => {
      assert.deepEqual(error.problems, [
        "users: artists[1] (id 1): id 1 is used twice",
        "users: managers[0] (id -4): id must be a positive integer",
        "users: artists[0] (id 1): bandIds must be an array of integers",
        'users: artists[2] (id 2): role must be "ARTIST"',
        "users: artists[2] (id 2): username must be a non-blank string",
        "users: artists[2] (id 2): bio is longer than 255 characters",
        'users: managers[1] (id 5): email "a@x.org" is used twice',
        'users: managers[2] (id 6): username "e" is used twice',
      ]);
      return true;
    });
    assert.equal(t.emu.store.data.tables.users?.length, 0);
  });

  it("refuses entries that clash with rows already stored when loading more data", async () => {
    t = await testEmulator();
    await createArtist(t);
    const section = {
      managers: [
        { id: 1, username: "boss", email: "fresh@x.org" },
        { id: 2, username: "xlindemann", email: "other@x.org" },
      ],
    };
    await assert.rejects(t.emu.load({ users: section }), (error: Error & { problems?: string[] }) => {
      assert.deepEqual(error.problems, [
        "users: managers[0] (id 1): id 1 is already in the store",
        'users: managers[1] (id 2): username "xlindemann" is already in the store',
      ]);
      return true;
    });
  });
});
