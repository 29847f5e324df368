import assert from "node:assert/strict";
import { fixedClock } from "../../../emulator/core/clock.js";
import { readFixture } from "../../../emulator/fixtures/fixtures.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { stored } from "./tour-api.js";

/** 2025-06-01T12:34:56Z: D is 2025-06-01. */
const START = Date.UTC(2025, 5, 1, 12, 34, 56);

describe("tour-service: seeding from fixtures (contract §8)", () => {
  let t: TestEmulator;
  afterEach(() => t.emu.close());

  it("loads the bundled seed: four standalone visits relative to the start date, two bare tours", async () => {
    const fixture = await readFixture("seed");
    t = await testEmulator({ clock: fixedClock(START), fixtures: { tours: fixture.tours } });
    const get = (path: string) => t.http("tours").get(path).set("Authorization", t.bearer()).expect(200);
    assert.deepEqual((await get("/api/cityVisits")).body, [
      { id: 1, cityName: "Prague", dateFrom: stored("2025-06-01"), dateTo: stored("2025-06-03") },
      { id: 2, cityName: "Brno", dateFrom: stored("2025-06-04"), dateTo: stored("2025-06-06") },
      { id: 3, cityName: "Vienna", dateFrom: stored("2025-06-07"), dateTo: stored("2025-06-09") },
      { id: 4, cityName: "Berlin", dateFrom: stored("2025-06-10"), dateTo: stored("2025-06-12") },
    ]);
    assert.deepEqual((await get("/api/tours")).body, [
      { id: 1, bandId: 1, tourName: "Summer Tour 2023", cityVisits: [] },
      { id: 2, bandId: 2, tourName: "Winter Tour 2023", cityVisits: [] },
    ]);
    assert.deepEqual(t.emu.store.counters(), { city_visit: 4, tour: 2 });
  });

  it("gives tours the visits they list, in their order", async () => {
    t = await testEmulator({ clock: fixedClock(START), fixtures: "none" });
    await t.emu.load({
      tours: {
        cityVisits: [
          { id: 7, cityName: "Oslo", dateFrom: "D+10", dateTo: "D+11" },
          { id: 8, cityName: "Bergen", dateFrom: "2025-09-01", dateTo: "2025-09-02" },
        ],
        tours: [{ id: 3, bandId: 5, tourName: "North", cityVisitIds: [8, 7] }],
      },
    });
    const tour = await t.http("tours").get("/api/tours/3").set("Authorization", t.bearer()).expect(200);
    assert.deepEqual(tour.body, {
      id: 3,
      bandId: 5,
      tourName: "North",
      cityVisits: [
        { id: 8, cityName: "Bergen", dateFrom: stored("2025-09-01"), dateTo: stored("2025-09-02") },
        { id: 7, cityName: "Oslo", dateFrom: stored("2025-06-11"), dateTo: stored("2025-06-12") },
      ],
    });
  });

  it("reports every bad entry by name and loads nothing", async () => {
    t = await testEmulator({ clock: fixedClock(START), fixtures: "none" });
    await assert.rejects(
      t.emu.load({
        tours: {
          cityVisits: [
            { id: 1, cityName: "A", dateFrom: "tomorrow", dateTo: "D+1" },
            { id: 2, cityName: " ", dateFrom: "D+1", dateTo: "D+2" },
          ],
          tours: [
            { id: 1, bandId: 1, tourName: "x", cityVisitIds: [1, 3] },
            { id: 2, bandId: -1, tourName: "y", cityVisitIds: [1] },
          ],
        },
      }),
      (error: Error & { problems?: string[] }) => {
        assert.deepEqual(error.problems, [
          'tours: cityVisits[0] (id 1): dateFrom must be "D+n", "now" or an ISO date',
          "tours: cityVisits[1] (id 2): cityName must be a non-blank string",
          "tours: tours[0] (id 1): cityVisitIds: 3 is not a city visit",
          "tours: tours[1] (id 2): bandId must be an integer of at least 0",
          "tours: tours[1] (id 2): cityVisitIds: 1 already belongs to tour 1",
        ]);
        return true;
      },
    );
    assert.equal(t.emu.store.isEmpty, true);
  });
});
