import assert from "node:assert/strict";
import { catchAll, stored, tourApi, type TourApi } from "./tour-api.js";

// The test clock stands at 2025-06-01T12:00:00Z.
describe("tour-service: city-visit dates (contract §1.2, §6.2)", () => {
  let api: TourApi;
  beforeEach(async () => {
    api = await tourApi();
  });
  afterEach(() => api.t.emu.close());

  it("takes every java.util.Date form and stores the instant's UTC calendar date", async () => {
    const cases: [unknown, string][] = [
      ["2025-07-01", "2025-07-01"],
      ["2025-07-01T15:30:00", "2025-07-01"],
      ["2025-07-01T23:30:00Z", "2025-07-01"],
      ["2025-07-01T01:30:00+02:00", "2025-06-30"],
      ["2025-07-01T23:30:00-02:00", "2025-07-02"],
      ["2025-07-01T15:30:00.000+00:00", "2025-07-01"],
      [Date.UTC(2025, 6, 1, 22, 59, 59, 999), "2025-07-01"],
      [String(Date.UTC(2025, 6, 2, 8)), "2025-07-02"],
    ];
    for (const [sent, date] of cases) {
      const visit = await api.visit({ dateFrom: sent, dateTo: sent });
      assert.deepEqual([visit.dateFrom, visit.dateTo], [stored(date), stored(date)], String(sent));
    }
  });

  it("today as YYYY-MM-DD is midnight UTC, already past → 400; tomorrow passes (Q19)", async () => {
    const today = await api.post("/api/cityVisits", {
      cityName: "x",
      dateFrom: "2025-06-01",
      dateTo: "2025-06-01",
    });
    assert.equal(today.status, 400);
    assert.deepEqual(today.body, {
      dateFrom: "Date From must be in the present or future",
      dateTo: "Date To must be in the present or future",
    });
    const tomorrow = await api.visit({ dateFrom: "2025-06-02", dateTo: "2025-06-02" });
    assert.equal(tomorrow.dateFrom, stored("2025-06-02"));
  });

  it("a tour's visit dated today → TS-VAL keyed cityVisits[0].dateFrom", async () => {
    const res = await api
      .post("/api/tours", {
        bandId: 1,
        tourName: "Today",
        cityVisits: [{ cityName: "Prague", dateFrom: "2025-06-01", dateTo: "2025-06-02" }],
      })
      .expect(400);
    assert.deepEqual(res.body, { "cityVisits[0].dateFrom": "Date From must be in the present or future" });
    assert.deepEqual((await api.get("/api/tours").expect(200)).body, []);
  });

  it("an instant later today passes and is stored as today", async () => {
    const visit = await api.visit({ dateFrom: "2025-06-01T12:00:00Z", dateTo: "2025-06-01T18:00:00" });
    assert.deepEqual([visit.dateFrom, visit.dateTo], [stored("2025-06-01"), stored("2025-06-01")]);
  });

  it("dateTo before dateFrom is accepted", async () => {
    const visit = await api.visit({ dateFrom: "2025-08-10", dateTo: "2025-08-01" });
    assert.deepEqual([visit.dateFrom, visit.dateTo], [stored("2025-08-10"), stored("2025-08-01")]);
  });

  it('"" is null for a date → the not-null message', async () => {
    const res = await api
      .post("/api/cityVisits", { cityName: "x", dateFrom: "", dateTo: "2025-08-01" })
      .expect(400);
    assert.deepEqual(res.body, { dateFrom: "Date From cannot be null" });
  });

  it('"null" in a string is null for a date too → the not-null message (Jackson\'s textual null)', async () => {
    const res = await api
      .post("/api/cityVisits", { cityName: "x", dateFrom: " null ", dateTo: "2025-08-01" })
      .expect(400);
    assert.deepEqual(res.body, { dateFrom: "Date From cannot be null" });
  });

  it("a fractional epoch is not a date: StdDeserializer takes integers only → 500", async () => {
    const res = await api
      .post("/api/cityVisits", { cityName: "x", dateFrom: 1751328000000.5, dateTo: "2025-08-01" })
      .expect(500);
    assert.deepEqual(
      res.body,
      catchAll(
        "JSON parse error: Cannot deserialize value of type `java.util.Date` from Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)",
      ),
    );
    assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
  });

  it("a refused date string is quoted trimmed, as Jackson parses it", async () => {
    const res = await api
      .post("/api/cityVisits", { cityName: "x", dateFrom: " 2025-07-01 10:00 ", dateTo: "2025-08-01" })
      .expect(500);
    const text = "2025-07-01 10:00";
    assert.deepEqual(
      res.body,
      catchAll(
        `JSON parse error: Cannot deserialize value of type \`java.util.Date\` from String "${text}": not a valid representation (error: Failed to parse Date value '${text}': Cannot parse date "${text}": not compatible with any of standard forms ("yyyy-MM-dd'T'HH:mm:ss.SSSX", "yyyy-MM-dd'T'HH:mm:ss.SSS", "EEE, dd MMM yyyy HH:mm:ss zzz", "yyyy-MM-dd"))`,
      ),
    );
  });

  it("an epoch beyond a Long → Jackson's JSON parse error 500, nothing stored", async () => {
    const res = await api
      .post("/api/cityVisits")
      .set("Content-Type", "application/json")
      .send('{"cityName": "x", "dateFrom": "2025-07-01", "dateTo": 99999999999999999999}');
    assert.equal(res.status, 500);
    assert.deepEqual(
      res.body,
      catchAll(
        "JSON parse error: Cannot deserialize value of type `java.util.Date` from number 99999999999999999999: not a valid 64-bit `long` for creating `java.util.Date`",
      ),
    );
    assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
  });

  it("an instant past the year 275760 (as a number or a numeric string) → JSON parse error 500, never half a tour", async () => {
    for (const [late, shown] of [
      [8_640_000_000_000_001, "Number 8640000000000001"],
      ["99999999999999999", 'String "99999999999999999"'],
    ] as const) {
      const res = await api.post("/api/tours", {
        bandId: 1,
        tourName: "Far Future",
        cityVisits: [
          { cityName: "Brno", dateFrom: "2025-07-01", dateTo: "2025-07-02" },
          { cityName: "Linz", dateFrom: "2025-07-03", dateTo: late },
        ],
      });
      assert.equal(res.status, 500);
      assert.deepEqual(
        res.body,
        catchAll(
          `JSON parse error: Cannot deserialize value of type \`java.util.Date\` from ${shown}: beyond the year 275760, the last instant the emulator can hold`,
        ),
      );
    }
    assert.deepEqual((await api.get("/api/tours").expect(200)).body, []);
    assert.deepEqual((await api.get("/api/cityVisits").expect(200)).body, []);
  });

  it("a date after the year 9999 is stored and written back as Jackson writes it (+10000-…)", async () => {
    const visit = await api.visit({ dateFrom: Date.UTC(10000, 0, 1, 12), dateTo: "2025-07-01" });
    assert.equal(visit.dateFrom, "+10000-01-01T00:00:00.000+00:00");
    const again = await api.get(`/api/cityVisits/${String(visit.id)}`).expect(200);
    assert.equal(again.body.dateFrom, "+10000-01-01T00:00:00.000+00:00");
  });

  it("a date Jackson cannot read → JSON parse error 500", async () => {
    const res = await api.post("/api/cityVisits", {
      cityName: "x",
      dateFrom: "01.07.2025",
      dateTo: "2025-08-01",
    });
    assert.equal(res.status, 500);
    assert.deepEqual(
      res.body,
      catchAll(
        `JSON parse error: Cannot deserialize value of type \`java.util.Date\` from String "01.07.2025": not a valid representation (error: Failed to parse Date value '01.07.2025': Cannot parse date "01.07.2025": not compatible with any of standard forms ("yyyy-MM-dd'T'HH:mm:ss.SSSX", "yyyy-MM-dd'T'HH:mm:ss.SSS", "EEE, dd MMM yyyy HH:mm:ss zzz", "yyyy-MM-dd"))`,
      ),
    );
  });
});
