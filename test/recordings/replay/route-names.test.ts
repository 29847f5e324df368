import assert from "node:assert/strict";
import type { RecordingService } from "../../../common/recording/index.js";
import { matchRoute, nameFor } from "../../../replayer/recording/route-names.js";

const CASES: ReadonlyArray<readonly [RecordingService, string, string, string]> = [
  ["bands", "GET", "/api/bands", "/api/bands [GET]"],
  ["bands", "GET", "/api/bands/7", "/api/bands/{id} [GET]"],
  ["bands", "HEAD", "/api/bands/7", "/api/bands/{id} [HEAD]"],
  ["bands", "GET", "/api/bands/offers", "/api/bands/offers [GET]"],
  ["bands", "GET", "/api/bands/offers/3", "/api/bands/offers/{id} [GET]"],
  ["bands", "POST", "/api/bands/offers/3/accept", "/api/bands/offers/{id}/accept [POST]"],
  ["bands", "GET", "/api/bands/offers/byBand/9", "/api/bands/offers/byBand/{id} [GET]"],
  ["bands", "PATCH", "/api/bands/9/members/2", "/api/bands/{bandId}/members/{memberId} [PATCH]"],
  ["bands", "GET", "/api/bands/9/members/2", "/api/bands/{bandId}/members/{memberId} [GET]"],
  ["users", "GET", "/api/artists/bands", "/api/artists/bands [GET]"],
  ["users", "GET", "/api/artists/username/ann", "/api/artists/username/{username} [GET]"],
  ["users", "PATCH", "/api/artists/link/2/9", "/api/artists/link/{artistId}/{bandId} [PATCH]"],
  ["users", "PUT", "/api/managers/4", "/api/managers/{id} [PUT]"],
  ["catalog", "POST", "/api/albums/3/songs", "/api/albums/{albumId}/songs [POST]"],
  ["catalog", "GET", "/api/songs/band/9", "/api/songs/band/{bandId} [GET]"],
  ["tours", "POST", "/api/tours/1/city-visit", "/api/tours/{id}/city-visit [POST]"],
  ["tours", "DELETE", "/api/tours/1/city-visit/5", "/api/tours/{tourId}/city-visit/{cityVisitId} [DELETE]"],
  ["tours", "GET", "/api/cityVisits/5", "/api/cityVisits/{id} [GET]"],
  ["tours", "GET", "/actuator/health/db", "/actuator/health/{component} [GET]"],
  ["auth", "GET", "/token", "/token [GET]"],
  ["bands", "GET", "/api/tours/1", "/api/tours/{id} [GET]"],
  ["users", "GET", "/api/unknown/12/things/-3", "/api/unknown/{id}/things/{id} [GET]"],
  ["bands", "GET", "/api/bands/", "/api/bands/ [GET]"],
];

describe("route names", () => {
  for (const [service, method, path, expected] of CASES) {
    it(`${service} ${method} ${path} → ${expected}`, () => {
      assert.equal(nameFor(service, method, path), expected);
    });
  }

  it("gives the route's id kinds and the raw variable values", () => {
    const match = matchRoute("bands", "DELETE", "/api/bands/9/members/2");
    assert.deepEqual(match?.entry.ids, { bandId: "band", memberId: "user" });
    assert.deepEqual(match?.variables, { bandId: "9", memberId: "2" });
  });
});
