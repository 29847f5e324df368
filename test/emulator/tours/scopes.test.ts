import { describeScopes } from "../../helpers/scopes.js";

/** Every endpoint of §6.3 with the scope §6.1 enforces, and its answer on an empty store. */
describeScopes("tours", "tour-service: the scope of every endpoint (contract §6.1, §6.3)", [
  ["get", "/api/tours", "test_1", 200],
  ["get", "/api/tours/1", "test_1", 404],
  ["get", "/api/tours/band/1", "test_1", 200],
  ["post", "/api/tours", "test_2", 400],
  ["put", "/api/tours/1", "test_2", 400],
  ["delete", "/api/tours/1", "test_2", 404],
  ["post", "/api/tours/1/city-visit", "test_2", 400],
  ["delete", "/api/tours/1/city-visit/1", "test_2", 404],
  ["get", "/api/cityVisits", "test_1", 200],
  ["get", "/api/cityVisits/1", "test_1", 404],
  ["post", "/api/cityVisits", "test_2", 400],
  ["put", "/api/cityVisits/1", "test_2", 400],
  ["delete", "/api/cityVisits/1", "test_2", 404],
]);
