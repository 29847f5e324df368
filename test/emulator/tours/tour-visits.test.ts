import assert from "node:assert/strict";
import { iae, joinTableViolation, stored, tourApi, ts, type TourApi } from "./tour-api.js";

const prague = { cityName: "Prague", dateFrom: "2025-07-01", dateTo: "2025-07-03" };
const brno = { cityName: "Brno", dateFrom: "2025-07-04", dateTo: "2025-07-05" };

describe("tour-service: the visits of a tour (contract §6.3)", () => {
  let api: TourApi;
  beforeEach(async () => {
    api = await tourApi();
  });
  afterEach(() => api.t.emu.close());

  describe("POST /api/tours/{tourId}/city-visit", () => {
    it("answers 201 with an empty body and appends the new visit (Q7)", async () => {
      await api.tour({ cityVisits: [prague] });
      const res = await api.post("/api/tours/1/city-visit", brno).expect(201);
      assert.equal(res.text, "");
      assert.equal(res.headers["content-type"], undefined);
      assert.deepEqual((await api.get("/api/tours/1").expect(200)).body.cityVisits, [
        { id: 1, cityName: "Prague", dateFrom: stored("2025-07-01"), dateTo: stored("2025-07-03") },
        { id: 2, cityName: "Brno", dateFrom: stored("2025-07-04"), dateTo: stored("2025-07-05") },
      ]);
    });

    it("validates the body (400 TS-VAL) before looking at the tour id", async () => {
      const res = await api.post("/api/tours/-1/city-visit", {}).expect(400);
      assert.deepEqual(res.body, {
        cityName: "City name cannot be blank",
        dateFrom: "Date From cannot be null",
        dateTo: "Date To cannot be null",
      });
    });

    it("negative → 400 TS-IAE, unknown → 404 TS", async () => {
      assert.deepEqual(
        (await api.post("/api/tours/-1/city-visit", brno).expect(400)).body,
        iae("Tour ID cannot be null or < 0"),
      );
      assert.deepEqual(
        (await api.post("/api/tours/4/city-visit", brno).expect(404)).body,
        ts(404, "Tour not found with id: 4"),
      );
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
    });
  });

  describe("DELETE /api/tours/{tourId}/city-visit/{cityVisitId}", () => {
    it("answers 204, takes the visit out of the tour and deletes it (Q17)", async () => {
      await api.tour({ cityVisits: [prague, brno] });
      const res = await api.delete("/api/tours/1/city-visit/1").expect(204);
      assert.equal(res.text, "");
      assert.deepEqual((await api.get("/api/tours/1").expect(200)).body.cityVisits, [
        { id: 2, cityName: "Brno", dateFrom: stored("2025-07-04"), dateTo: stored("2025-07-05") },
      ]);
      assert.deepEqual(
        (await api.get("/api/cityVisits/1").expect(404)).body,
        ts(404, "CityVisit not found with id: 1"),
      );
    });

    it("negative ids → 400 TS-IAE with the tour's message first, then the visit's", async () => {
      assert.deepEqual(
        (await api.delete("/api/tours/-1/city-visit/-1").expect(400)).body,
        iae("Tour ID cannot be null or < 0"),
      );
      assert.deepEqual(
        (await api.delete("/api/tours/1/city-visit/-1").expect(400)).body,
        iae("CityVisit ID cannot be null or < 0"),
      );
    });

    it("unknown tour → 404 TS, unknown visit → 404 TS with its own wording", async () => {
      assert.deepEqual(
        (await api.delete("/api/tours/3/city-visit/1").expect(404)).body,
        ts(404, "Tour not found with id: 3"),
      );
      await api.tour();
      assert.deepEqual(
        (await api.delete("/api/tours/1/city-visit/9").expect(404)).body,
        ts(404, "City visit not found with id: 9"),
      );
    });

    it("a standalone visit is simply deleted: 204", async () => {
      await api.tour();
      await api.visit();
      await api.delete("/api/tours/1/city-visit/1").expect(204);
      assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
    });

    it("another tour's visit → 500 TS (foreign key), nothing changes", async () => {
      await api.tour({ tourName: "mine" });
      const other = await api.tour({ tourName: "other", cityVisits: [prague] });
      const res = await api.delete("/api/tours/1/city-visit/1").expect(500);
      assert.deepEqual(res.body, ts(500, `An unexpected error occurred: ${joinTableViolation(1)}`));
      assert.deepEqual((await api.get("/api/tours/2").expect(200)).body, other);
    });
  });
});
