/**
 * music-catalog-service's enforced rules, in order (contract §5.1). `POST /api/albums/{albumId}/songs`
 * matches none of them (rule 5 is the exact path `/api/albums`), so it needs no scope at all.
 */
import type { SecurityRule } from "../../core/security/rules.js";

export const catalogRules: readonly SecurityRule[] = [
  { method: "GET", pattern: "/api/albums/**", anyOf: ["test_1"] },
  { method: "PUT", pattern: "/api/albums/**", anyOf: ["test_2"] },
  {
    method: "DELETE",
    pattern: "/api/albums/**",
    anyOf: ["test_2"],
    note: "also covers DELETE /api/albums/{a}/songs/{s}",
  },
  { method: "GET", pattern: "/api/albums", anyOf: ["test_1"] },
  { method: "POST", pattern: "/api/albums", anyOf: ["test_2"], note: "exact path only" },
  { method: "GET", pattern: "/api/albums/band/**", anyOf: ["test_1"], note: "shadowed by rule 1" },
  { method: "GET", pattern: "/api/songs/**", anyOf: ["test_1"] },
  { method: "PUT", pattern: "/api/songs/**", anyOf: ["test_2"] },
  { method: "DELETE", pattern: "/api/songs/**", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/songs", anyOf: ["test_1"] },
  { method: "POST", pattern: "/api/songs", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/songs/band/**", anyOf: ["test_1"], note: "shadowed by rule 7" },
  { method: "GET", pattern: "/api/songs/album/**", anyOf: ["test_1"], note: "shadowed by rule 7" },
];
