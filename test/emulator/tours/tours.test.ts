import assert from "node:assert/strict";
import { catchAll, iae, stored, tourApi, ts, type TourApi } from "./tour-api.js";

const prague = { cityName: "Prague", dateFrom: "2025-07-01", dateTo: "2025-07-03" };
const brno = { cityName: "Brno", dateFrom: "2025-07-04", dateTo: "2025-07-05" };

describe("tour-service: /api/tours (contract §6.3)", () => {
  let api: TourApi;
  beforeEach(async () => {
    api = await tourApi();
  });
  afterEach(() => api.t.emu.close());

  describe("GET /api/tours", () => {
    it("is [] on an empty store, then every tour with its visits", async () => {
      assert.deepEqual((await api.get("/api/tours").expect(200)).body, []);
      await api.tour({ tourName: "A", cityVisits: [prague] });
      await api.tour({ tourName: "B", bandId: 2 });
      const res = await api.get("/api/tours").expect(200);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, [
        {
          id: 1,
          bandId: 1,
          tourName: "A",
          cityVisits: [
            { id: 1, cityName: "Prague", dateFrom: stored("2025-07-01"), dateTo: stored("2025-07-03") },
          ],
        },
        { id: 2, bandId: 2, tourName: "B", cityVisits: [] },
      ]);
    });
  });

  describe("GET /api/tours/{id}", () => {
    it("answers the tour", async () => {
      await api.tour({ cityVisits: [prague, brno] });
      assert.deepEqual((await api.get("/api/tours/1").expect(200)).body, {
        id: 1,
        bandId: 1,
        tourName: "Europe Tour 2025",
        cityVisits: [
          { id: 1, cityName: "Prague", dateFrom: stored("2025-07-01"), dateTo: stored("2025-07-03") },
          { id: 2, cityName: "Brno", dateFrom: stored("2025-07-04"), dateTo: stored("2025-07-05") },
        ],
      });
    });

    it("negative → 400 TS-IAE, id 0 → 404 TS, non-numeric → 500 TS (Q21)", async () => {
      assert.deepEqual((await api.get("/api/tours/-1").expect(400)).body, iae("Invalid tour ID: -1"));
      assert.deepEqual(
        (await api.get("/api/tours/0").expect(404)).body,
        ts(404, "Tour not found with id: 0"),
      );
      assert.deepEqual(
        (await api.get("/api/tours/abc").expect(500)).body,
        catchAll(
          `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "abc"`,
        ),
      );
    });
  });

  describe("GET /api/tours/band/{bandId}", () => {
    it("answers that band's tours, [] if none; negative → 400 TS-IAE", async () => {
      await api.tour({ tourName: "A", bandId: 4 });
      await api.tour({ tourName: "B", bandId: 5 });
      await api.tour({ tourName: "C", bandId: 4 });
      const res = await api.get("/api/tours/band/4").expect(200);
      assert.deepEqual(
        res.body.map((tour: { tourName: string }) => tour.tourName),
        ["A", "C"],
      );
      assert.deepEqual((await api.get("/api/tours/band/6").expect(200)).body, []);
      assert.deepEqual((await api.get("/api/tours/band/-6").expect(400)).body, iae("Invalid band ID: -6"));
    });
  });

  describe("POST /api/tours", () => {
    it("answers 201 and creates the visits with the tour, also listed by /api/cityVisits", async () => {
      const res = await api
        .post("/api/tours", { bandId: 3, tourName: "Europe Tour 2025", cityVisits: [prague, brno] })
        .expect(201);
      const visits = [
        { id: 1, cityName: "Prague", dateFrom: stored("2025-07-01"), dateTo: stored("2025-07-03") },
        { id: 2, cityName: "Brno", dateFrom: stored("2025-07-04"), dateTo: stored("2025-07-05") },
      ];
      assert.deepEqual(res.body, { id: 1, bandId: 3, tourName: "Europe Tour 2025", cityVisits: visits });
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, visits);
    });

    it("without cityVisits answers cityVisits null, later GETs show [] (Q20)", async () => {
      const res = await api.post("/api/tours", { bandId: 1, tourName: "Bare" }).expect(201);
      assert.deepEqual(res.body, { id: 1, bandId: 1, tourName: "Bare", cityVisits: null });
      assert.deepEqual((await api.get("/api/tours/1").expect(200)).body, {
        id: 1,
        bandId: 1,
        tourName: "Bare",
        cityVisits: [],
      });
      const empty = await api
        .post("/api/tours", { bandId: 1, tourName: "Empty", cityVisits: [] })
        .expect(201);
      assert.deepEqual(empty.body.cityVisits, []);
    });

    it("an empty object → 400 TS-VAL", async () => {
      const res = await api.post("/api/tours", {}).expect(400);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, { bandId: "Band ID cannot be null", tourName: "Tour name cannot be blank" });
    });

    it("each visit is validated, errors keyed cityVisits[i].field", async () => {
      const res = await api
        .post("/api/tours", {
          bandId: 1,
          tourName: " ",
          cityVisits: [prague, { cityName: "", dateFrom: "2025-05-01", dateTo: null }],
        })
        .expect(400);
      assert.deepEqual(res.body, {
        tourName: "Tour name cannot be blank",
        "cityVisits[1].cityName": "City name cannot be blank",
        "cityVisits[1].dateFrom": "Date From must be in the present or future",
        "cityVisits[1].dateTo": "Date To cannot be null",
      });
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
    });

    it("a visit carrying an id → 500 detached entity (§1.3), nothing created", async () => {
      const visit = await api.visit();
      const res = await api
        .post("/api/tours", { bandId: 1, tourName: "X", cityVisits: [brno, { ...prague, id: visit.id }] })
        .expect(500);
      assert.deepEqual(
        res.body,
        catchAll("detached entity passed to persist: cz.muni.fi.tourmanagementservice.model.CityVisit"),
      );
      assert.deepEqual((await api.get("/api/tours").expect(200)).body, []);
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, [visit]);
    });

    it("a name over 255 characters → 500 TS at insert, no tour without its visits", async () => {
      const cityName = "c".repeat(256);
      const res = await api
        .post("/api/tours", { bandId: 1, tourName: "X", cityVisits: [prague, { ...brno, cityName }] })
        .expect(500);
      const sql = "insert into city_visit (city_name,date_from,date_to,id) values (?,?,?,default)";
      assert.deepEqual(
        res.body,
        catchAll(
          `could not execute statement [Value too long for column "CITY_NAME CHARACTER VARYING(255)": "'${"c".repeat(127)}... (256)"; SQL statement:\n${sql} [22001-232]] [${sql}]; SQL [${sql}]`,
        ),
      );
      assert.deepEqual((await api.get("/api/tours").expect(200)).body, []);
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
      const tourSql = "insert into tour (band_id,tour_name,id) values (?,?,default)";
      const long = await api.post("/api/tours", { bandId: 1, tourName: "t".repeat(300) }).expect(500);
      assert.deepEqual(
        long.body,
        catchAll(
          `could not execute statement [Value too long for column "TOUR_NAME CHARACTER VARYING(255)": "'${"t".repeat(127)}... (300)"; SQL statement:\n${tourSql} [22001-232]] [${tourSql}]; SQL [${tourSql}]`,
        ),
      );
    });
  });

  describe("PUT /api/tours/{id}", () => {
    const body = { bandId: 2, tourName: "Renamed", cityVisits: [brno] };

    it("an existing tour → 500 TS with the orphan-collection message, nothing changes (§10.2, Q18)", async () => {
      const tour = await api.tour({ cityVisits: [prague] });
      const res = await api.put("/api/tours/1", { ...tour, tourName: "Renamed" }).expect(500);
      assert.deepEqual(
        res.body,
        catchAll(
          'A collection with cascade="all-delete-orphan" was no longer referenced by the owning entity instance: cz.muni.fi.tourmanagementservice.model.Tour.cityVisits',
        ),
      );
      assert.deepEqual((await api.get("/api/tours/1").expect(200)).body, tour);
      assert.equal((await api.get("/api/cityVisits").expect(200)).body.length, 1);
    });

    it("validation first (400 TS-VAL), then negative → 400 TS-IAE, unknown → 404 TS", async () => {
      assert.deepEqual((await api.put("/api/tours/-1", { tourName: "x" }).expect(400)).body, {
        bandId: "Band ID cannot be null",
      });
      assert.deepEqual(
        (await api.put("/api/tours/-1", body).expect(400)).body,
        iae("Tour ID cannot be null or < 0"),
      );
      assert.deepEqual(
        (await api.put("/api/tours/8", body).expect(404)).body,
        ts(404, "Tour not found with id: 8"),
      );
    });
  });

  describe("DELETE /api/tours/{id}", () => {
    it("answers 204 and deletes the tour's visits too (Q17)", async () => {
      await api.tour({ cityVisits: [prague, brno] });
      const standalone = await api.visit({ cityName: "Vienna" });
      const res = await api.delete("/api/tours/1").expect(204);
      assert.equal(res.text, "");
      assert.deepEqual(
        (await api.get("/api/tours/1").expect(404)).body,
        ts(404, "Tour not found with id: 1"),
      );
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, [standalone]);
    });

    it("negative → 400 TS-IAE, unknown → 404 TS", async () => {
      assert.deepEqual((await api.delete("/api/tours/-2").expect(400)).body, iae("Invalid tour ID: -2"));
      assert.deepEqual(
        (await api.delete("/api/tours/2").expect(404)).body,
        ts(404, "Tour not found with id: 2"),
      );
    });
  });
});
