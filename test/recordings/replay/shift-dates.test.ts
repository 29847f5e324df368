import assert from "node:assert/strict";
import { daysBetween, shiftBodyDates, shiftDate } from "../../../replayer/recording/index.js";

describe("dates move with the replay", () => {
  const days: [string, string, number][] = [
    ["2025-05-21T10:00:00Z", "2025-05-21T23:59:59Z", 0],
    ["2025-05-21T23:59:59Z", "2025-05-22T00:00:00Z", 1],
    ["2025-05-21T10:00:00Z", "2025-07-01T09:00:00Z", 41],
    ["2025-07-01T00:00:00Z", "2025-05-21T00:00:00Z", -41],
  ];
  for (const [from, to, expected] of days)
    it(`${from} → ${to}: ${expected} calendar days (UTC)`, () =>
      assert.equal(daysBetween(Date.parse(from), Date.parse(to)), expected));

  const shifts: [string, number, string | undefined][] = [
    ["2025-07-01", 41, "2025-08-11"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-07-01T10:30:00", 2, "2025-07-03T10:30:00"],
    ["2025-07-01T10:30:00.123+02:00", 2, "2025-07-03T10:30:00.123+02:00"],
    ["2025-07-01T10:30:00Z", 0, "2025-07-01T10:30:00Z"],
    ["2025-02-30", 1, undefined],
    ["2025-13-01", 1, undefined],
    ["2025-07-01 10:30", 1, undefined],
    ["2025-07-01X", 1, undefined],
    ["Festival 2025-07-01", 1, undefined],
    ["20250701", 1, undefined],
  ];
  for (const [text, by, expected] of shifts)
    it(`${JSON.stringify(text)} by ${by} days → ${JSON.stringify(expected)}`, () =>
      assert.equal(shiftDate(text, by), expected));

  it("moves every date of a JSON body at any depth, and nothing else", () => {
    const body = JSON.stringify({
      bandId: 4,
      tourName: "Summer 2025-07-01",
      cityVisits: [
        { cityName: "Prague", dateFrom: "2025-07-01", dateTo: "2025-07-03" },
        { cityName: "Brno", dateFrom: "2025-07-05T18:00:00", dateTo: null },
      ],
    });
    assert.deepEqual(JSON.parse(shiftBodyDates(body, 10)), {
      bandId: 4,
      tourName: "Summer 2025-07-01",
      cityVisits: [
        { cityName: "Prague", dateFrom: "2025-07-11", dateTo: "2025-07-13" },
        { cityName: "Brno", dateFrom: "2025-07-15T18:00:00", dateTo: null },
      ],
    });
  });

  it("leaves a body as its bytes when nothing moves: no dates, 0 days, or not JSON", () => {
    const spaced = '{ "name" : "Owls",  "id": 1 }';
    assert.equal(shiftBodyDates(spaced, 30), spaced);
    const dated = '{ "releaseDate" : "2025-01-01" }';
    assert.equal(shiftBodyDates(dated, 0), dated);
    assert.equal(shiftBodyDates("name=Owls&date=2025-01-01", 30), "name=Owls&date=2025-01-01");
    assert.equal(shiftBodyDates('"2025-01-01"', 1), '"2025-01-02"');
  });
});
