/**
 * Every row of the four rule tables (contract §3.1, §4.1, §5.1, §6.1): the scope that is really
 * enforced lets the request through to the service, every other scope gets 403 insufficient_scope,
 * no token gets 401 (GET) or the CSRF 403 (writes), and an inactive token 401.
 */
import assert from "node:assert/strict";
import { CHALLENGE } from "../../../emulator/core/security/bearer.js";
import type { ServiceName } from "../../../emulator/services/service-module.js";
import { ALL_SCOPES, testEmulator, type TestEmulator } from "../../helpers/emulator.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface Row {
  rule: string;
  method: Method;
  path: string;
  body?: unknown;
  /** The scope the request needs in practice (the first matching rule's), or null for permitAll. */
  enforced: string | null;
  /** What the service answers once security lets the request through (empty store). */
  allowed: number;
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const visit = { cityName: "Prague", dateFrom: future(30), dateTo: future(32) };
const artist = { username: "rules-artist", email: "rules-artist@example.com", password: "pw" };
const manager = { username: "rules-manager", email: "rules-manager@example.com", password: "pw" };
const album = { title: "Rules", releaseDate: "2024-03-01T10:00:00", bandId: 1 };
const song = { name: "Rules", duration: 100, bandId: 1 };

const TABLES: Record<Exclude<ServiceName, "auth">, Row[]> = {
  users: [
    {
      rule: "1 GET /api/artists/**",
      method: "GET",
      path: "/api/artists/1",
      enforced: "test_1",
      allowed: 404,
    },
    {
      rule: "2 PUT /api/artists/**",
      method: "PUT",
      path: "/api/artists/1",
      body: {},
      enforced: "test_3",
      allowed: 404,
    },
    {
      rule: "3 DELETE /api/artists/**",
      method: "DELETE",
      path: "/api/artists/1",
      enforced: "test_3",
      allowed: 404,
    },
    {
      rule: "4 GET /api/artists (covered by 1)",
      method: "GET",
      path: "/api/artists",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "5 POST /api/artists",
      method: "POST",
      path: "/api/artists",
      body: artist,
      enforced: "test_3",
      allowed: 200,
    },
    {
      rule: "6 PATCH /api/artists/unlink/{artistId}/**",
      method: "PATCH",
      path: "/api/artists/unlink/1/2",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "7 PATCH /api/artists/link/{artistId}/**",
      method: "PATCH",
      path: "/api/artists/link/1/2",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "8 PATCH /api/artists/bands/**",
      method: "PATCH",
      path: "/api/artists/bands/1",
      body: [1],
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "9 GET /api/artists/username/** (shadowed by 1)",
      method: "GET",
      path: "/api/artists/username/nobody",
      enforced: "test_1",
      allowed: 404,
    },
    {
      rule: "10 GET /api/artists/bands (shadowed by 1)",
      method: "GET",
      path: "/api/artists/bands?bandIds=1",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "11 GET /api/managers/**",
      method: "GET",
      path: "/api/managers/1",
      enforced: "test_1",
      allowed: 404,
    },
    {
      rule: "12 PUT /api/managers/**",
      method: "PUT",
      path: "/api/managers/1",
      body: {},
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "13 DELETE /api/managers/**",
      method: "DELETE",
      path: "/api/managers/1",
      enforced: "test_2",
      allowed: 404,
    },
    { rule: "14 GET /api/managers", method: "GET", path: "/api/managers", enforced: "test_1", allowed: 200 },
    {
      rule: "15 POST /api/managers",
      method: "POST",
      path: "/api/managers",
      body: manager,
      enforced: "test_2",
      allowed: 201,
    },
    {
      rule: "16 PATCH /api/managers/bands/**",
      method: "PATCH",
      path: "/api/managers/bands/1",
      body: [1],
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "17 GET /api/managers/bands (shadowed by 11)",
      method: "GET",
      path: "/api/managers/bands?bandIds=1",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "permitAll: POST /api/artists/x",
      method: "POST",
      path: "/api/artists/7",
      body: {},
      enforced: null,
      allowed: 405,
    },
    {
      rule: "permitAll: PATCH /api/managers/x",
      method: "PATCH",
      path: "/api/managers/7",
      body: {},
      enforced: null,
      allowed: 405,
    },
  ],
  bands: [
    {
      rule: "1 POST /api/bands (annotation: test_2)",
      method: "POST",
      path: "/api/bands?name=Rules&musicalStyle=Rock&managerId=1",
      enforced: "test_1",
      allowed: 201,
    },
    { rule: "2 GET /api/bands/**", method: "GET", path: "/api/bands/1", enforced: "test_1", allowed: 404 },
    {
      rule: "3 PATCH /api/bands (no such route)",
      method: "PATCH",
      path: "/api/bands",
      body: {},
      enforced: "test_1",
      allowed: 405,
    },
    {
      rule: "4 GET /api/bands (shadowed by 2)",
      method: "GET",
      path: "/api/bands",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "5 DELETE /api/bands/{bandId}/members/** (annotation: test_2)",
      method: "DELETE",
      path: "/api/bands/1/members/2",
      enforced: "test_1",
      allowed: 404,
    },
    {
      rule: "6 PATCH /api/bands/{bandId}/members/**",
      method: "PATCH",
      path: "/api/bands/1/members/2",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "7 POST /api/bands/offers",
      method: "POST",
      path: "/api/bands/offers?bandId=1&invitedMusicianId=2&offeringManagerId=3",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "8 GET /api/bands/offers/** (dead: rule 2 wins)",
      method: "GET",
      path: "/api/bands/offers/1",
      enforced: "test_1",
      allowed: 404,
    },
    {
      rule: "9 POST /api/bands/offers/{offerId}/accept",
      method: "POST",
      path: "/api/bands/offers/1/accept",
      enforced: "test_3",
      allowed: 404,
    },
    {
      rule: "10 POST /api/bands/offers/{offerId}/reject",
      method: "POST",
      path: "/api/bands/offers/1/reject",
      enforced: "test_3",
      allowed: 404,
    },
    {
      rule: "11 POST /api/bands/offers/{offerId}/revokes",
      method: "POST",
      path: "/api/bands/offers/1/revokes",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "12 GET /api/bands/offers (dead: rule 2 wins)",
      method: "GET",
      path: "/api/bands/offers",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "13 GET /api/bands/offers/byBand/** (dead)",
      method: "GET",
      path: "/api/bands/offers/byBand/1",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "14 GET /api/bands/offers/byMusician/** (dead)",
      method: "GET",
      path: "/api/bands/offers/byMusician/1",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "permitAll: PATCH /api/bands/{id}",
      method: "PATCH",
      path: "/api/bands/1",
      body: { name: "n", musicalStyle: "s", managerId: 1 },
      enforced: null,
      allowed: 404,
    },
  ],
  catalog: [
    { rule: "1 GET /api/albums/**", method: "GET", path: "/api/albums/1", enforced: "test_1", allowed: 404 },
    {
      rule: "2 PUT /api/albums/**",
      method: "PUT",
      path: "/api/albums/1",
      body: album,
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "3 DELETE /api/albums/**",
      method: "DELETE",
      path: "/api/albums/1",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "3 DELETE /api/albums/** (album songs)",
      method: "DELETE",
      path: "/api/albums/1/songs/2",
      enforced: "test_2",
      allowed: 404,
    },
    { rule: "4 GET /api/albums", method: "GET", path: "/api/albums", enforced: "test_1", allowed: 200 },
    {
      rule: "5 POST /api/albums",
      method: "POST",
      path: "/api/albums",
      body: album,
      enforced: "test_2",
      allowed: 201,
    },
    {
      rule: "6 GET /api/albums/band/** (shadowed by 1)",
      method: "GET",
      path: "/api/albums/band/1",
      enforced: "test_1",
      allowed: 200,
    },
    { rule: "7 GET /api/songs/**", method: "GET", path: "/api/songs/1", enforced: "test_1", allowed: 404 },
    {
      rule: "8 PUT /api/songs/**",
      method: "PUT",
      path: "/api/songs/1",
      body: song,
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "9 DELETE /api/songs/**",
      method: "DELETE",
      path: "/api/songs/1",
      enforced: "test_2",
      allowed: 404,
    },
    { rule: "10 GET /api/songs", method: "GET", path: "/api/songs", enforced: "test_1", allowed: 200 },
    {
      rule: "11 POST /api/songs",
      method: "POST",
      path: "/api/songs",
      body: song,
      enforced: "test_2",
      allowed: 201,
    },
    {
      rule: "12 GET /api/songs/band/** (shadowed by 7)",
      method: "GET",
      path: "/api/songs/band/1",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "13 GET /api/songs/album/** (shadowed by 7)",
      method: "GET",
      path: "/api/songs/album/1",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "permitAll: POST /api/albums/{albumId}/songs",
      method: "POST",
      path: "/api/albums/1/songs",
      body: song,
      enforced: null,
      allowed: 404,
    },
  ],
  tours: [
    { rule: "1 GET /api/tours/**", method: "GET", path: "/api/tours/1", enforced: "test_1", allowed: 404 },
    {
      rule: "2 PUT /api/tours/**",
      method: "PUT",
      path: "/api/tours/1",
      body: { bandId: 1, tourName: "T", cityVisits: [] },
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "3 DELETE /api/tours/**",
      method: "DELETE",
      path: "/api/tours/1",
      enforced: "test_2",
      allowed: 404,
    },
    { rule: "4 GET /api/tours", method: "GET", path: "/api/tours", enforced: "test_1", allowed: 200 },
    {
      rule: "5 POST /api/tours",
      method: "POST",
      path: "/api/tours",
      body: { bandId: 1, tourName: "T", cityVisits: [visit] },
      enforced: "test_2",
      allowed: 201,
    },
    {
      rule: "6 POST /api/tours/{tourId}/city-visit",
      method: "POST",
      path: "/api/tours/1/city-visit",
      body: visit,
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "7 GET /api/tours/band/** (shadowed by 1)",
      method: "GET",
      path: "/api/tours/band/1",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "8 DELETE /api/tours/{tourId}/city-visit/** (shadowed by 3)",
      method: "DELETE",
      path: "/api/tours/1/city-visit/2",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "9 GET /api/cityVisits/**",
      method: "GET",
      path: "/api/cityVisits/1",
      enforced: "test_1",
      allowed: 404,
    },
    {
      rule: "10 PUT /api/cityVisits/**",
      method: "PUT",
      path: "/api/cityVisits/1",
      body: visit,
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "11 DELETE /api/cityVisits/**",
      method: "DELETE",
      path: "/api/cityVisits/1",
      enforced: "test_2",
      allowed: 404,
    },
    {
      rule: "12 GET /api/cityVisits",
      method: "GET",
      path: "/api/cityVisits",
      enforced: "test_1",
      allowed: 200,
    },
    {
      rule: "13 POST /api/cityVisits",
      method: "POST",
      path: "/api/cityVisits",
      body: visit,
      enforced: "test_2",
      allowed: 201,
    },
  ],
};

const WRITES = new Set<Method>(["POST", "PUT", "PATCH", "DELETE"]);

function send(t: TestEmulator, service: ServiceName, row: Row, authorization?: string) {
  const http = t.http(service);
  let req =
    row.method === "GET"
      ? http.get(row.path)
      : row.method === "POST"
        ? http.post(row.path)
        : row.method === "PUT"
          ? http.put(row.path)
          : row.method === "PATCH"
            ? http.patch(row.path)
            : http.delete(row.path);
  if (authorization) req = req.set("Authorization", authorization);
  return row.body === undefined ? req : req.send(row.body as object);
}

for (const [service, rows] of Object.entries(TABLES) as [Exclude<ServiceName, "auth">, Row[]][]) {
  describe(`${service} rule table`, () => {
    let t: TestEmulator;
    beforeEach(async () => {
      t = await testEmulator();
    });
    afterEach(() => t.emu.close());

    for (const row of rows) {
      describe(`rule ${row.rule}: ${row.method} ${row.path}`, () => {
        it(`allowed with ${row.enforced ?? "any valid token"} → ${row.allowed}`, async () => {
          const res = await send(t, service, row, t.bearer(row.enforced ? [row.enforced] : []));
          assert.equal(res.status, row.allowed, res.text);
          assert.equal(res.headers["www-authenticate"], undefined);
        });

        if (row.enforced) {
          const others = ALL_SCOPES.filter((scope) => scope !== row.enforced);
          it(`403 insufficient_scope with ${others.join(" ")}`, async () => {
            const res = await send(t, service, row, t.bearer(others));
            assert.equal(res.status, 403);
            assert.equal(res.headers["www-authenticate"], CHALLENGE.insufficientScope);
            assert.equal(res.text, "");
          });
        }

        if (WRITES.has(row.method)) {
          it("403 CSRF (BOOT body) without a bearer", async () => {
            const res = await send(t, service, row);
            assert.equal(res.status, 403);
            assert.deepEqual(
              { ...res.body, timestamp: undefined },
              { timestamp: undefined, status: 403, error: "Forbidden", path: row.path.split("?")[0] },
            );
          });
        } else if (row.enforced) {
          it("401 Bearer without a token", async () => {
            const res = await send(t, service, row);
            assert.equal(res.status, 401);
            assert.equal(res.headers["www-authenticate"], CHALLENGE.anonymous);
          });
        }

        it("401 with an inactive token", async () => {
          const res = await send(t, service, row, "Bearer expired.or.forged");
          assert.equal(res.status, 401);
          assert.equal(res.headers["www-authenticate"], CHALLENGE.inactive);
        });
      });
    }
  });
}
