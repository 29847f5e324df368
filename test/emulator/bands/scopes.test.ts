import { describeScopes } from "../../helpers/scopes.js";

/**
 * Every endpoint of §4.3 with the scope §4.1 actually enforces — not what the annotations say:
 * band create and member removal need test_1, every offer GET test_1, PATCH of a band nothing.
 */
describeScopes("bands", "band-service: the scope of every endpoint (contract §4.1, §4.3)", [
  ["post", "/api/bands?name=A&musicalStyle=B&managerId=1", "test_1", 201],
  ["get", "/api/bands", "test_1", 200],
  ["get", "/api/bands/1", "test_1", 404],
  ["patch", "/api/bands/1", null, 404],
  ["patch", "/api/bands/1/members/2", "test_2", 404],
  ["delete", "/api/bands/1/members/2", "test_1", 404],
  ["post", "/api/bands/offers?bandId=1&invitedMusicianId=2&offeringManagerId=3", "test_2", 404],
  ["get", "/api/bands/offers", "test_1", 200],
  ["get", "/api/bands/offers/1", "test_1", 404],
  ["get", "/api/bands/offers/byBand/1", "test_1", 200],
  ["get", "/api/bands/offers/byMusician/1", "test_1", 200],
  ["post", "/api/bands/offers/1/accept", "test_3", 404],
  ["post", "/api/bands/offers/1/reject", "test_3", 404],
  ["post", "/api/bands/offers/1/revokes", "test_2", 404],
]);
