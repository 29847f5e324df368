import { describeScopes } from "../../helpers/scopes.js";

/** Every endpoint of §5.3 with the scope §5.1 enforces, and its answer on an empty store. */
describeScopes("catalog", "music-catalog: the scope of every endpoint (contract §5.1, §5.3)", [
  ["get", "/api/albums", "test_1", 200],
  ["get", "/api/albums/1", "test_1", 404],
  ["get", "/api/albums/band/1", "test_1", 200],
  ["post", "/api/albums", "test_2", 400],
  ["put", "/api/albums/1", "test_2", 400],
  ["delete", "/api/albums/1", "test_2", 404],
  ["post", "/api/albums/1/songs", null, 400],
  ["delete", "/api/albums/1/songs/1", "test_2", 404],
  ["get", "/api/songs", "test_1", 200],
  ["get", "/api/songs/1", "test_1", 404],
  ["get", "/api/songs/album/1", "test_1", 200],
  ["get", "/api/songs/band/1", "test_1", 200],
  ["post", "/api/songs", "test_2", 400],
  ["put", "/api/songs/1", "test_2", 400],
  ["delete", "/api/songs/1", "test_2", 404],
]);
