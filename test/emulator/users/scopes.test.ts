import { describeScopes } from "../../helpers/scopes.js";

/** Every endpoint of §3.3 with the scope §3.1 enforces, and its answer on an empty store. */
describeScopes("users", "user-service: the scope of every endpoint (contract §3.1, §3.3)", [
  ["post", "/api/artists", "test_3", 400],
  ["get", "/api/artists", "test_1", 200],
  ["get", "/api/artists/1", "test_1", 404],
  ["put", "/api/artists/1", "test_3", 404],
  ["delete", "/api/artists/1", "test_3", 404],
  ["get", "/api/artists/username/x", "test_1", 404],
  ["get", "/api/artists/bands?bandIds=1", "test_1", 200],
  ["patch", "/api/artists/bands/1", "test_2", 400],
  ["patch", "/api/artists/link/1/2", "test_2", 404],
  ["patch", "/api/artists/unlink/1/2", "test_2", 404],
  ["post", "/api/managers", "test_2", 400],
  ["get", "/api/managers", "test_1", 200],
  ["get", "/api/managers/1", "test_1", 404],
  ["put", "/api/managers/1", "test_2", 404],
  ["delete", "/api/managers/1", "test_2", 404],
  ["get", "/api/managers/bands?bandIds=1", "test_1", 200],
  ["patch", "/api/managers/bands/1", "test_2", 400],
]);
