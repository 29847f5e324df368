import assert from "node:assert/strict";
import { join } from "node:path";
import type { RecordedExchange } from "../../../common/recording/index.js";
import { packageRoot } from "../../../emulator/package-root.js";
import { IdMap } from "../../../replayer/recording/correlation/id-map.js";
import { rewriteRequest } from "../../../replayer/recording/correlation/rewrite.js";
import { SessionCorrelator } from "../../../replayer/recording/correlation/session-correlator.js";
import type { EntityKind } from "../../../replayer/recording/route-table.js";
import { readRecordingSessions } from "../../../replayer/recording/sessions.js";

const SAMPLE = join(packageRoot(), "recordings", "festival-sample.jsonl");

/** The target's id counters are ahead of the recorded store's by these amounts. */
const OFFSET: Record<EntityKind, number> = {
  user: 100,
  band: 50,
  offer: 30,
  album: 10,
  song: 60,
  tour: 20,
  cityVisit: 40,
};

/** What a target with other counters answers to a create: the recorded body with its new ids. */
function targetAnswer(exchange: RecordedExchange, kind: EntityKind | undefined): string | undefined {
  if (exchange.responseBody === null) return undefined;
  const body = JSON.parse(exchange.responseBody) as Record<string, unknown>;
  if (!kind) return exchange.responseBody;
  const shift = (node: Record<string, unknown>, k: EntityKind): Record<string, unknown> => ({
    ...node,
    id: (node.id as number) + OFFSET[k],
  });
  const shifted = shift(body, kind);
  if (Array.isArray(body.cityVisits))
    shifted.cityVisits = (body.cityVisits as Record<string, unknown>[]).map((v) => shift(v, "cityVisit"));
  return JSON.stringify(shifted);
}

const CREATES: Record<string, EntityKind> = {
  "POST /api/managers": "user",
  "POST /api/artists": "user",
  "POST /api/bands": "band",
  "POST /api/bands/offers": "offer",
  "POST /api/tours": "tour",
  "POST /api/albums": "album",
  "POST /api/songs": "song",
};

describe("correlation: a recording replayed against a store whose counters differ", () => {
  it("maps every id a session created to the target's, in paths, queries and bodies", async () => {
    const { sessions } = await readRecordingSessions(SAMPLE);
    const sent = new Map<string, string[]>();
    for (const session of sessions) {
      const correlator = new SessionCorrelator();
      const lines: string[] = [];
      for (const exchange of session.exchanges) {
        const request = correlator.prepare(exchange);
        const query = request.query ? `?${request.query}` : "";
        lines.push(
          `${exchange.method} ${request.path}${query}${request.requestBody ? ` ${request.requestBody}` : ""}`,
        );
        const kind = CREATES[`${exchange.method} ${exchange.path}`];
        correlator.learn(exchange, { status: exchange.status, body: targetAnswer(exchange, kind) });
      }
      sent.set(session.key, lines);
    }
    assert.deepEqual([...sent.keys()], ["client:127.0.0.1", "jti:festival-vu-1", "jti:festival-vu-2"]);
    assert.deepEqual(sent.get("jti:festival-vu-1"), [
      'POST /api/managers {"username":"mgr_k3x9","email":"mgr_k3x9@festival.example","firstName":"Mira","lastName":"Novak","companyName":"Owl Agency","password":"owl-secret-1"}',
      'POST /api/artists {"username":"art_luna_k3x9","email":"luna_k3x9@festival.example","firstName":"Luna","lastName":"Owl","stageName":"Luna Owl","bio":"Plays at night.","skills":"Guitar","password":"owl-secret-2"}',
      'POST /api/artists {"username":"art_sol_k3x9","email":"sol_k3x9@festival.example","firstName":"Sol","lastName":"Owl","stageName":"Sol Owl","bio":"Plays at night.","skills":"Guitar","password":"owl-secret-3"}',
      "POST /api/bands?name=Night%20Owls%20k3x9&musicalStyle=Indie&managerId=107",
      "GET /api/bands/54",
      "POST /api/bands/offers?bandId=54&invitedMusicianId=108&offeringManagerId=107",
      "POST /api/bands/offers/36/accept",
      "PATCH /api/bands/54/members/109",
      'PATCH /api/bands/54 {"name":"Night Owls k3x9","musicalStyle":"Indie Rock","logoUrl":"https://logos.example/owls.png","managerId":107}',
      'POST /api/tours {"bandId":54,"tourName":"Owls Summer","cityVisits":[{"cityName":"Prague","dateFrom":"2025-07-01","dateTo":"2025-07-03"},{"cityName":"Brno","dateFrom":"2025-07-05","dateTo":"2025-07-06"}]}',
      "GET /api/tours/band/54",
      'POST /api/tours/23/city-visit {"cityName":"Vienna","dateFrom":"2025-07-08","dateTo":"2025-07-09"}',
      'POST /api/albums {"title":"Moonlit","releaseDate":"2025-03-01T10:00:00","bandId":54,"songs":[]}',
      'POST /api/songs {"name":"Hoot","duration":215,"bandId":54,"albumId":15}',
      "GET /api/songs/band/54",
      "GET /api/artists/bands?bandIds=54",
      'PUT /api/managers/107 {"companyName":"Owl Records","managedBandIds":[54]}',
      "DELETE /api/bands/54/members/109",
      "GET /api/cityVisits/51",
    ]);
    assert.deepEqual(
      sent.get("jti:festival-vu-2"),
      [
        "GET /api/bands",
        "GET /api/bands/1",
        'POST /api/managers {"username":"mgr_p2q7","email":"mgr_p2q7@festival.example","password":"owl-secret-4"}',
        "GET /api/managers/110",
      ],
      "band 1 was never created in this session: it passes through",
    );
  });

  it("learns only from 2xx creates answered 2xx by the target, nested visits by position", () => {
    const correlator = new SessionCorrelator();
    const create = exchange({
      method: "POST",
      path: "/api/tours",
      status: 201,
      responseBody: '{"id":3,"bandId":4,"tourName":"T","cityVisits":[{"id":11},{"id":12}]}',
    });
    assert.equal(correlator.learn(create, { status: 500, body: '{"status":500}' }), 0);
    assert.equal(correlator.learn({ ...create, status: 400 }, { status: 201, body: '{"id":9}' }), 0);
    assert.equal(correlator.learn({ ...create, method: "GET" }, { status: 200, body: '{"id":9}' }), 0);
    assert.equal(correlator.learn(create, { status: 201, body: "not json" }), 0);
    assert.equal(
      correlator.learn(create, {
        status: 201,
        body: '{"id":30,"cityVisits":[{"id":70},{"id":71},{"id":72}]}',
      }),
      3,
    );
    assert.deepEqual(correlator.ids.toJSON(), {
      tour: [[3, 30]],
      cityVisit: [
        [11, 70],
        [12, 71],
      ],
    });
  });

  it("a session falls back on the ids its copy's other sessions learned; its own win", () => {
    const shared = new IdMap();
    const creator = new SessionCorrelator(shared);
    const other = new SessionCorrelator(shared);
    const band = exchange({
      method: "POST",
      path: "/api/bands",
      status: 201,
      responseBody: '{"id":4,"name":"Owls","managerId":7,"members":[]}',
    });
    assert.equal(creator.learn(band, { status: 201, body: '{"id":54}' }), 1);
    assert.equal(other.prepare(exchange({ method: "GET", path: "/api/bands/4" })).path, "/api/bands/54");
    assert.equal(other.learn(band, { status: 201, body: '{"id":64}' }), 1);
    assert.equal(creator.prepare(exchange({ method: "GET", path: "/api/bands/4" })).path, "/api/bands/54");
    assert.equal(other.prepare(exchange({ method: "GET", path: "/api/bands/4" })).path, "/api/bands/64");
    assert.deepEqual(other.ids.toJSON(), { band: [[4, 64]] });
    const alone = new SessionCorrelator();
    assert.equal(alone.prepare(exchange({ method: "GET", path: "/api/bands/4" })).path, "/api/bands/4");
  });

  it("rewrites id lists in every spelling and leaves the rest byte for byte", () => {
    const ids = new IdMap();
    ids.set("band", 4, 54);
    ids.set("band", 5, 55);
    ids.set("user", 8, 108);
    ids.set("song", 21, 81);
    ids.set("cityVisit", 11, 51);
    ids.set("tour", 3, 23);
    const rewrite = (overrides: Partial<RecordedExchange>) => rewriteRequest(ids, exchange(overrides));

    assert.equal(
      rewrite({ path: "/api/managers/bands", query: "bandIds=4,5,6&x=4&bandIds=5&bandIds=4%2C5" }).query,
      "bandIds=54,55,6&x=4&bandIds=55&bandIds=54%2C55",
    );
    assert.deepEqual(
      rewrite({
        method: "PATCH",
        path: "/api/artists/bands/8",
        requestHeaders: { "content-type": "application/json" },
        requestBody: "[4, 5, 6]",
      }),
      { path: "/api/artists/bands/108", query: "", requestBody: "[54,55,6]" },
    );
    assert.equal(
      rewrite({
        method: "PUT",
        path: "/api/tours/3",
        requestBody:
          '{"id":3,"bandId":"4","cityVisits":[{"id":11,"cityName":"Prague"},{"id":99}],"members":[8,9]}',
      }).requestBody,
      '{"id":23,"bandId":"54","cityVisits":[{"id":51,"cityName":"Prague"},{"id":99}],"members":[108,9]}',
    );
    assert.equal(
      rewrite({
        method: "PUT",
        path: "/api/albums/1",
        requestBody: '{"title": "x", "songs": [{"id": 21}], "bandId": 7}',
      }).requestBody,
      '{"title":"x","songs":[{"id":81}],"bandId":7}',
    );
    assert.equal(
      rewrite({
        method: "POST",
        path: "/api/bands/offers",
        requestHeaders: { "content-type": "application/x-www-form-urlencoded" },
        requestBody: "bandId=4&invitedMusicianId=8&offeringManagerId=1",
      }).requestBody,
      "bandId=54&invitedMusicianId=108&offeringManagerId=1",
    );
    const untouched = '{ "cityName" : "Brno",  "bandId": 7 }';
    assert.equal(
      rewrite({ method: "POST", path: "/api/cityVisits", requestBody: untouched }).requestBody,
      untouched,
    );
    assert.equal(rewrite({ path: "/api/unknown/4" }).path, "/api/unknown/4", "unknown routes pass through");
    assert.equal(rewrite({ path: "/api/artists/username/4" }).path, "/api/artists/username/4");
    assert.equal(
      rewrite({ method: "PUT", requestBody: "AAEC", requestBodyEncoding: "base64" }).requestBody,
      "AAEC",
    );
  });
});

function exchange(overrides: Partial<RecordedExchange>): RecordedExchange {
  return {
    t: 0,
    session: "s",
    service:
      overrides.path?.startsWith("/api/tours") || overrides.path?.startsWith("/api/cityVisits")
        ? "tours"
        : overrides.path?.startsWith("/api/albums") || overrides.path?.startsWith("/api/songs")
          ? "catalog"
          : overrides.path?.startsWith("/api/bands")
            ? "bands"
            : "users",
    method: "GET",
    path: "/",
    query: "",
    requestHeaders: {},
    requestBody: null,
    status: 200,
    responseHeaders: {},
    responseBody: null,
    durationMs: 1,
    ...overrides,
  };
}
