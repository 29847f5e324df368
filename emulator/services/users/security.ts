/**
 * user-service's enforced rules, in order (contract §3.1). Shadowed rows are kept: they are the
 * real configuration, and the first-match evaluation makes them harmless, as in the real service.
 */
import type { SecurityRule } from "../../core/security/rules.js";

export const userRules: readonly SecurityRule[] = [
  { method: "GET", pattern: "/api/artists/**", anyOf: ["test_1"] },
  { method: "PUT", pattern: "/api/artists/**", anyOf: ["test_3"] },
  { method: "DELETE", pattern: "/api/artists/**", anyOf: ["test_3"] },
  { method: "GET", pattern: "/api/artists", anyOf: ["test_1"], note: "already covered by rule 1" },
  { method: "POST", pattern: "/api/artists", anyOf: ["test_3"] },
  { method: "PATCH", pattern: "/api/artists/unlink/{artistId}/**", anyOf: ["test_2"] },
  { method: "PATCH", pattern: "/api/artists/link/{artistId}/**", anyOf: ["test_2"] },
  { method: "PATCH", pattern: "/api/artists/bands/**", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/artists/username/**", anyOf: ["test_1"], note: "shadowed by rule 1" },
  { method: "GET", pattern: "/api/artists/bands", anyOf: ["test_1"], note: "shadowed by rule 1" },
  { method: "GET", pattern: "/api/managers/**", anyOf: ["test_1"] },
  { method: "PUT", pattern: "/api/managers/**", anyOf: ["test_2"] },
  { method: "DELETE", pattern: "/api/managers/**", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/managers", anyOf: ["test_1"] },
  { method: "POST", pattern: "/api/managers", anyOf: ["test_2"] },
  { method: "PATCH", pattern: "/api/managers/bands/**", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/managers/bands", anyOf: ["test_1"], note: "shadowed by rule 11" },
];
