import assert from "node:assert/strict";
import { readFixture } from "../../../emulator/fixtures/fixtures.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { createBand, createOffer, expectedOffer } from "./bands-fixtures.js";

describe("band-service: seed data (§8)", () => {
  let t: TestEmulator;
  afterEach(() => t.emu.close());

  it("loads the three seeded bands (logo never shown) and their three PENDING offers", async () => {
    t = await testEmulator({ fixtures: await readFixture("default") });
    const bands = await t.http("bands").get("/api/bands").set("Authorization", t.bearer()).expect(200);
    assert.deepEqual(bands.body, [
      {
        id: 1,
        name: "TameImpalaBand",
        musicalStyle: "Psychedelic Rock",
        logo: null,
        managerId: 1,
        members: [],
      },
      { id: 2, name: "JpegMafiaBand", musicalStyle: "Hip-Hop", logo: null, managerId: 2, members: [] },
      { id: 3, name: "FredAgainBand", musicalStyle: "Electronic", logo: null, managerId: 3, members: [] },
    ]);
    const offers = await t
      .http("bands")
      .get("/api/bands/offers")
      .set("Authorization", t.bearer())
      .expect(200);
    assert.deepEqual(offers.body, [
      expectedOffer(1, 1, 1, "PENDING", 1),
      expectedOffer(2, 2, 2, "PENDING", 2),
      expectedOffer(3, 3, 3, "PENDING", 3),
    ]);
  });

  it("continues both counters after the seeded ids; seeded names are taken", async () => {
    t = await testEmulator({ fixtures: await readFixture("default") });
    assert.equal((await createBand(t, "New Band", 4)).id, 4);
    assert.equal((await createOffer(t, 4, 1, 4)).id, 4);
    const clash = await t
      .http("bands")
      .post("/api/bands?name=TameImpalaBand&musicalStyle=Rock&managerId=1")
      .set("Authorization", t.bearer());
    assert.equal(clash.status, 400);
  });

  it("the seeded offer 1 is accepted by the saga: artist 1 exists in the seeded user-service", async () => {
    t = await testEmulator({ fixtures: await readFixture("default") });
    await t.http("bands").post("/api/bands/offers/1/accept").set("Authorization", t.bearer()).expect(200);
    await t.emu.bus.idle();
    const offer = await t.http("bands").get("/api/bands/offers/1").set("Authorization", t.bearer());
    assert.equal(offer.body.status, "ACCEPTED");
    const artist = await t.http("users").get("/api/artists/1").set("Authorization", t.bearer());
    assert.deepEqual(artist.body.bandIds, [1]);
  });

  it("reports every problem of a bad section, naming the entry, and loads nothing", async () => {
    t = await testEmulator();
    const section = {
      bands: [
        { id: 1, name: "A", musicalStyle: "Rock", managerId: 1, members: [2] },
        { id: 1, name: "B", musicalStyle: "Rock", managerId: 1 },
        { id: 2, name: "", musicalStyle: "Rock", managerId: "x", logoUrl: "y".repeat(300) },
      ],
      offers: [
        { id: 1, bandId: 5, invitedMusicianId: 2, offeringManagerId: 1 },
        { id: 2, bandId: 1, invitedMusicianId: 2, offeringManagerId: 1, status: "OPEN" },
      ],
    };
    await assert.rejects(t.emu.load({ bands: section }), (error: Error & { problems?: string[] }) => {
      assert.deepEqual(error.problems, [
        "bands: bands[1] (id 1): id 1 is used twice",
        "bands: bands[2] (id 2): name must be a non-blank string",
        "bands: bands[2] (id 2): logoUrl is longer than 255 characters",
        "bands: bands[2] (id 2): managerId must be an integer of at least 0",
        "bands: offers[0] (id 1): bandId 5 is not a band",
        "bands: offers[1] (id 2): status must be one of PENDING, ACCEPTED, REJECTED",
      ]);
      return true;
    });
    assert.equal(t.emu.store.data.tables.bands?.length, 0);
  });
});
