import assert from "node:assert/strict";
import { catchAll, stored, tourApi, type TourApi } from "./tour-api.js";

const prague = { cityName: "Prague", dateFrom: "2025-07-01", dateTo: "2025-07-03" };
const brno = { cityName: "Brno", dateFrom: "2025-07-04", dateTo: "2025-07-05" };
const stale = (entity: string, id: number) =>
  catchAll(
    `Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [cz.muni.fi.tourmanagementservice.model.${entity}#${id}]`,
  );

describe("tour-service: a client-supplied id on create is merged, not ignored (contract §1.3)", () => {
  let api: TourApi;
  beforeEach(async () => {
    api = await tourApi();
  });
  afterEach(() => api.t.emu.close());

  it("POST /api/tours with an existing id overwrites it; its visit list becomes the body's", async () => {
    await api.tour({ tourName: "Old", cityVisits: [prague, brno] });
    const res = await api
      .post("/api/tours", {
        id: 1,
        bandId: 9,
        tourName: "New",
        cityVisits: [
          { ...brno, id: 2, cityName: "Brno II" },
          { cityName: "Linz", dateFrom: "2025-07-09", dateTo: "2025-07-09" },
        ],
      })
      .expect(201);
    assert.deepEqual(res.body, {
      id: 1,
      bandId: 9,
      tourName: "New",
      cityVisits: [
        { id: 2, cityName: "Brno II", dateFrom: stored("2025-07-04"), dateTo: stored("2025-07-05") },
        { id: 3, cityName: "Linz", dateFrom: stored("2025-07-09"), dateTo: stored("2025-07-09") },
      ],
    });
    // Prague, left out of the list, was deleted as an orphan.
    assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, res.body.cityVisits);
  });

  it("POST /api/tours with an id that has no row → 500, nothing created", async () => {
    const res = await api
      .post("/api/tours", { id: 4, bandId: 1, tourName: "X", cityVisits: [prague] })
      .expect(500);
    assert.deepEqual(res.body, stale("Tour", 4));
    assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
  });

  it("POST /api/tours with an existing id and a visit id that has no row → 500, nothing changes", async () => {
    const tour = await api.tour({ cityVisits: [prague] });
    const res = await api.post("/api/tours", {
      id: 1,
      bandId: 1,
      tourName: "X",
      cityVisits: [{ ...brno, id: 8 }],
    });
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, stale("CityVisit", 8));
    assert.deepEqual((await api.get("/api/tours/1").expect(200)).body, tour);
  });

  it("POST /api/cityVisits with an existing id overwrites it; a missing one → 500", async () => {
    await api.visit();
    const res = await api.post("/api/cityVisits", { ...brno, id: 1 }).expect(201);
    assert.deepEqual(res.body, {
      id: 1,
      cityName: "Brno",
      dateFrom: stored("2025-07-04"),
      dateTo: stored("2025-07-05"),
    });
    assert.deepEqual(
      (await api.post("/api/cityVisits", { ...brno, id: 2 }).expect(500)).body,
      stale("CityVisit", 2),
    );
    assert.equal((await api.get("/api/cityVisits").expect(200)).body.length, 1);
  });

  it("POST /api/tours/{id}/city-visit with a standalone visit's id moves it into the tour", async () => {
    await api.tour();
    await api.visit();
    await api.post("/api/tours/1/city-visit", { ...brno, id: 1 }).expect(201);
    assert.deepEqual((await api.get("/api/tours/1").expect(200)).body.cityVisits, [
      { id: 1, cityName: "Brno", dateFrom: stored("2025-07-04"), dateTo: stored("2025-07-05") },
    ]);
    assert.deepEqual(
      (await api.post("/api/tours/1/city-visit", { ...brno, id: 5 }).expect(500)).body,
      stale("CityVisit", 5),
    );
  });
});
