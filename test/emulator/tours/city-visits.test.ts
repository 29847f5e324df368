import assert from "node:assert/strict";
import { iae, joinTableViolation, stored, tourApi, ts, type TourApi } from "./tour-api.js";

describe("tour-service: /api/cityVisits (contract §6.3)", () => {
  let api: TourApi;
  beforeEach(async () => {
    api = await tourApi();
  });
  afterEach(() => api.t.emu.close());

  describe("GET /api/cityVisits, /{id}", () => {
    it("lists standalone and tour-owned visits in id order", async () => {
      await api.visit({ cityName: "Brno" });
      await api.tour({ cityVisits: [{ cityName: "Vienna", dateFrom: "2025-08-01", dateTo: "2025-08-02" }] });
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, [
        { id: 1, cityName: "Brno", dateFrom: stored("2025-07-01"), dateTo: stored("2025-07-03") },
        { id: 2, cityName: "Vienna", dateFrom: stored("2025-08-01"), dateTo: stored("2025-08-02") },
      ]);
    });

    it("gets one; negative → 400 TS-IAE, unknown → 404 TS", async () => {
      const visit = await api.visit();
      assert.deepEqual((await api.get("/api/cityVisits/1").expect(200)).body, visit);
      assert.deepEqual(
        (await api.get("/api/cityVisits/-1").expect(400)).body,
        iae("Invalid CityVisit ID: -1"),
      );
      assert.deepEqual(
        (await api.get("/api/cityVisits/0").expect(404)).body,
        ts(404, "CityVisit not found with id: 0"),
      );
    });
  });

  describe("POST /api/cityVisits", () => {
    it("answers 201 with the standalone visit", async () => {
      const res = await api
        .post("/api/cityVisits", { cityName: "Prague", dateFrom: "2025-07-01", dateTo: "2025-07-03" })
        .expect(201);
      assert.deepEqual(res.body, {
        id: 1,
        cityName: "Prague",
        dateFrom: "2025-07-01T00:00:00.000+00:00",
        dateTo: "2025-07-03T00:00:00.000+00:00",
      });
    });

    it("an empty object → 400 TS-VAL", async () => {
      assert.deepEqual((await api.post("/api/cityVisits", {}).expect(400)).body, {
        cityName: "City name cannot be blank",
        dateFrom: "Date From cannot be null",
        dateTo: "Date To cannot be null",
      });
    });
  });

  describe("PUT /api/cityVisits/{id}", () => {
    const body = { id: 77, cityName: "Berlin", dateFrom: "2025-09-09", dateTo: "2025-09-11" };

    it("overwrites the name and dates, ignores the body's id, keeps the visit in its tour", async () => {
      await api.tour({ cityVisits: [{ cityName: "Prague", dateFrom: "2025-07-01", dateTo: "2025-07-03" }] });
      const res = await api.put("/api/cityVisits/1", body).expect(200);
      const berlin = {
        id: 1,
        cityName: "Berlin",
        dateFrom: stored("2025-09-09"),
        dateTo: stored("2025-09-11"),
      };
      assert.deepEqual(res.body, berlin);
      assert.deepEqual((await api.get("/api/tours/1").expect(200)).body.cityVisits, [berlin]);
    });

    it("validation first, then negative → 400 TS-IAE, unknown → 404 TS", async () => {
      assert.deepEqual((await api.put("/api/cityVisits/-1", { ...body, cityName: "" }).expect(400)).body, {
        cityName: "City name cannot be blank",
      });
      assert.deepEqual(
        (await api.put("/api/cityVisits/-1", body).expect(400)).body,
        iae("Invalid CityVisit ID: -1"),
      );
      assert.deepEqual(
        (await api.put("/api/cityVisits/5", body).expect(404)).body,
        ts(404, "CityVisit not found with id: 5"),
      );
    });
  });

  describe("DELETE /api/cityVisits/{id}", () => {
    it("deletes the visit and answers 404 with an empty body (Q7)", async () => {
      await api.visit();
      const res = await api.delete("/api/cityVisits/1").expect(404);
      assert.equal(res.text, "");
      assert.equal(res.headers["content-type"], undefined);
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
    });

    it("unknown → 404 TS JSON (success and not-found differ only by the body); negative → 400", async () => {
      const res = await api.delete("/api/cityVisits/1").expect(404);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, ts(404, "CityVisit not found with id: 1"));
      assert.deepEqual(
        (await api.delete("/api/cityVisits/-1").expect(400)).body,
        iae("Invalid CityVisit ID: -1"),
      );
    });

    it("a visit that belongs to a tour → 500 TS (foreign key), nothing deleted", async () => {
      const tour = await api.tour({
        cityVisits: [{ cityName: "Prague", dateFrom: "2025-07-01", dateTo: "2025-07-03" }],
      });
      const res = await api.delete("/api/cityVisits/1").expect(500);
      assert.deepEqual(res.body, ts(500, `An unexpected error occurred: ${joinTableViolation(1)}`));
      assert.deepEqual((await api.get("/api/tours/1").expect(200)).body, tour);
    });
  });
});
