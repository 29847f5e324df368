/**
 * tour-service's enforced rules, in order (contract §6.1); all agree with the annotations.
 */
import type { SecurityRule } from "../../core/security/rules.js";

export const tourRules: readonly SecurityRule[] = [
  { method: "GET", pattern: "/api/tours/**", anyOf: ["test_1"] },
  { method: "PUT", pattern: "/api/tours/**", anyOf: ["test_2"] },
  {
    method: "DELETE",
    pattern: "/api/tours/**",
    anyOf: ["test_2"],
    note: "also covers DELETE /api/tours/{t}/city-visit/{c}",
  },
  { method: "GET", pattern: "/api/tours", anyOf: ["test_1"] },
  { method: "POST", pattern: "/api/tours", anyOf: ["test_2"] },
  { method: "POST", pattern: "/api/tours/{tourId}/city-visit", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/tours/band/**", anyOf: ["test_1"], note: "shadowed by rule 1" },
  {
    method: "DELETE",
    pattern: "/api/tours/{tourId}/city-visit/**",
    anyOf: ["test_2"],
    note: "shadowed by rule 3",
  },
  { method: "GET", pattern: "/api/cityVisits/**", anyOf: ["test_1"] },
  { method: "PUT", pattern: "/api/cityVisits/**", anyOf: ["test_2"] },
  { method: "DELETE", pattern: "/api/cityVisits/**", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/cityVisits", anyOf: ["test_1"] },
  { method: "POST", pattern: "/api/cityVisits", anyOf: ["test_2"] },
];
