/**
 * A catalog test's emulator: an empty store, a fixed clock (so "past or present" is decidable),
 * requests with an all-scopes bearer, and shortcuts to create albums and songs over HTTP.
 */
import assert from "node:assert/strict";
import type { Test } from "supertest";
import { fixedClock } from "../../../emulator/core/clock.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

/** 2025-06-01T12:00:00Z. */
export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

export interface CatalogApi {
  t: TestEmulator;
  get(path: string): Test;
  post(path: string, body?: object | string): Test;
  put(path: string, body?: object | string): Test;
  delete(path: string): Test;
  album(fields?: Record<string, unknown>): Promise<Record<string, unknown>>;
  song(fields?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export async function catalogApi(): Promise<CatalogApi> {
  const t = await testEmulator({ clock: fixedClock(NOW) });
  const http = () => t.http("catalog");
  const auth = (test: Test) => test.set("Authorization", t.bearer());
  const withBody = (test: Test, body?: object | string) => (body === undefined ? test : test.send(body));
  const api: CatalogApi = {
    t,
    get: (path) => auth(http().get(path)),
    post: (path, body) => withBody(auth(http().post(path)), body),
    put: (path, body) => withBody(auth(http().put(path)), body),
    delete: (path) => auth(http().delete(path)),
    async album(fields = {}) {
      const res = await api.post("/api/albums", {
        title: "Currents",
        releaseDate: "2015-07-17T00:00:00",
        bandId: 1,
        ...fields,
      });
      assert.equal(res.status, 201, res.text);
      return res.body;
    },
    async song(fields = {}) {
      const res = await api.post("/api/songs", {
        name: "Let It Happen",
        duration: 467,
        bandId: 1,
        ...fields,
      });
      assert.equal(res.status, 201, res.text);
      return res.body;
    },
  };
  return api;
}

export const mc = (status: number, message: string) => ({ status, message });
export const catchAll = (message: string) => mc(500, `An unexpected error occurred: ${message}`);
