/**
 * A tour-service test's emulator: an empty store, a fixed clock (so "present or future" is
 * decidable), requests with an all-scopes bearer, and shortcuts to create tours and visits.
 */
import assert from "node:assert/strict";
import type { Test } from "supertest";
import { fixedClock } from "../../../emulator/core/clock.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

/** 2025-06-01T12:00:00Z. */
export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

export interface TourApi {
  t: TestEmulator;
  get(path: string): Test;
  post(path: string, body?: object | string): Test;
  put(path: string, body?: object | string): Test;
  delete(path: string): Test;
  tour(fields?: Record<string, unknown>): Promise<Record<string, unknown>>;
  visit(fields?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export async function tourApi(): Promise<TourApi> {
  const t = await testEmulator({ clock: fixedClock(NOW) });
  const http = () => t.http("tours");
  const auth = (test: Test) => test.set("Authorization", t.bearer());
  const withBody = (test: Test, body?: object | string) => (body === undefined ? test : test.send(body));
  const api: TourApi = {
    t,
    get: (path) => auth(http().get(path)),
    post: (path, body) => withBody(auth(http().post(path)), body),
    put: (path, body) => withBody(auth(http().put(path)), body),
    delete: (path) => auth(http().delete(path)),
    async tour(fields = {}) {
      const res = await api.post("/api/tours", {
        bandId: 1,
        tourName: "Europe Tour 2025",
        cityVisits: [],
        ...fields,
      });
      assert.equal(res.status, 201, res.text);
      return res.body;
    },
    async visit(fields = {}) {
      const res = await api.post("/api/cityVisits", {
        cityName: "Prague",
        dateFrom: "2025-07-01",
        dateTo: "2025-07-03",
        ...fields,
      });
      assert.equal(res.status, 201, res.text);
      return res.body;
    },
  };
  return api;
}

export const ts = (status: number, message: string) => ({ status, message });
export const iae = (error: string) => ({ error });
export const catchAll = (message: string) => ts(500, `An unexpected error occurred: ${message}`);
export const stored = (date: string) => `${date}T00:00:00.000+00:00`;

/** The H2 message for deleting a visit the join table `tour_city_visits` still references. */
export function joinTableViolation(visitId: number): string {
  const sql = "delete from city_visit where id=?";
  const constraint = "FKRB0HGKQ5Q3UQ4B4KUO1BGM5CY";
  return (
    `could not execute statement [Referential integrity constraint violation: "${constraint}: PUBLIC.TOUR_CITY_VISITS FOREIGN KEY(CITY_VISITS_ID) REFERENCES PUBLIC.CITY_VISIT(ID) (CAST(${visitId} AS BIGINT))"; SQL statement:\n` +
    `${sql} [23503-232]] [${sql}]; SQL [${sql}]; constraint [${constraint}]`
  );
}
