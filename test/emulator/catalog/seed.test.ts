import assert from "node:assert/strict";
import { fixedClock } from "../../../emulator/core/clock.js";
import { readFixture } from "../../../emulator/fixtures/fixtures.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

/** 2025-06-01T12:34:56.789Z. */
const START = Date.UTC(2025, 5, 1, 12, 34, 56, 789);

describe("music-catalog: seeding from fixtures (contract §8)", () => {
  let t: TestEmulator;
  afterEach(() => t.emu.close());

  it("loads the bundled seed's albums released now, and the counters continue after them", async () => {
    const fixture = await readFixture("seed");
    t = await testEmulator({ clock: fixedClock(START), fixtures: { catalog: fixture.catalog } });
    const albums = await t.http("catalog").get("/api/albums").set("Authorization", t.bearer()).expect(200);
    assert.deepEqual(albums.body, [
      { id: 1, title: "ten days", releaseDate: "2025-06-01T12:34:56.789", bandId: 1, songs: [] },
      { id: 2, title: "Currents", releaseDate: "2025-06-01T12:34:56.789", bandId: 2, songs: [] },
      {
        id: 3,
        title: "I LAY MY LIFE DOWN FOR YOU",
        releaseDate: "2025-06-01T12:34:56.789",
        bandId: 3,
        songs: [],
      },
    ]);
    const created = await t
      .http("catalog")
      .post("/api/albums")
      .set("Authorization", t.bearer())
      .send({ title: "next", releaseDate: "2020-01-01T00:00:00", bandId: 1 })
      .expect(201);
    assert.equal(created.body.id, 4);
  });

  it("accepts D±n and ISO release dates, songs in and out of albums", async () => {
    t = await testEmulator({ clock: fixedClock(START), fixtures: "none" });
    await t.emu.load({
      catalog: {
        albums: [
          { id: 5, title: "a", releaseDate: "D-2", bandId: 1 },
          { id: 6, title: "b", releaseDate: "2019-05-17T20:15:00.250", bandId: 2 },
        ],
        songs: [
          { id: 10, name: "s", duration: 200, bandId: 2, albumId: 6 },
          { id: 11, name: "t", duration: 100, bandId: 3, albumId: null },
        ],
      },
    });
    const albums = await t.http("catalog").get("/api/albums").set("Authorization", t.bearer()).expect(200);
    assert.deepEqual(albums.body, [
      { id: 5, title: "a", releaseDate: "2025-05-30T00:00:00", bandId: 1, songs: [] },
      {
        id: 6,
        title: "b",
        releaseDate: "2019-05-17T20:15:00.25",
        bandId: 2,
        songs: [{ id: 10, name: "s", duration: 200, bandId: 2, albumId: 6 }],
      },
    ]);
    assert.deepEqual(t.emu.store.counters(), { album: 6, song: 11 });
  });

  it("reports every bad entry by name and loads nothing", async () => {
    t = await testEmulator({ clock: fixedClock(START), fixtures: "none" });
    await assert.rejects(
      t.emu.load({
        catalog: {
          albums: [
            { id: 1, title: "", releaseDate: "yesterday", bandId: 1 },
            { id: 1, title: "dup", releaseDate: "now", bandId: 1 },
            { id: 2, title: "ok", releaseDate: "now", bandId: 1 },
          ],
          songs: [
            { id: 1, name: "x".repeat(256), duration: 0, bandId: null, albumId: 9 },
            { name: "no id", duration: 1, bandId: 1 },
          ],
        },
      }),
      (error: Error & { problems?: string[] }) => {
        assert.deepEqual(error.problems, [
          "catalog: albums[1] (id 1): id 1 is used twice",
          "catalog: songs[1]: id must be a positive integer",
          "catalog: albums[0] (id 1): title must be a non-blank string",
          'catalog: albums[0] (id 1): releaseDate must be "now", "D+n" or an ISO local date-time',
          "catalog: songs[0] (id 1): name is longer than 255 characters",
          "catalog: songs[0] (id 1): duration must be an integer of at least 1",
          "catalog: songs[0] (id 1): bandId must be an integer of at least 0",
          "catalog: songs[0] (id 1): albumId 9 is not an album",
        ]);
        return true;
      },
    );
    assert.equal(t.emu.store.isEmpty, true);
  });
});
