/**
 * band-service's enforced rules, in order (contract §4.1). Several disagree with the controllers'
 * annotations and are copied as enforced: `GET /api/bands/**` (rule 2) shadows every offer GET,
 * `POST /api/bands` and member removal need only test_1, and `PATCH /api/bands/{id}` matches no
 * rule at all (permitAll; a write without a bearer still meets the CSRF 403).
 */
import type { SecurityRule } from "../../core/security/rules.js";

export const bandRules: readonly SecurityRule[] = [
  { method: "POST", pattern: "/api/bands", anyOf: ["test_1"], note: "annotation says test_2" },
  { method: "GET", pattern: "/api/bands/**", anyOf: ["test_1"], note: "matches every offer GET too" },
  {
    method: "PATCH",
    pattern: "/api/bands",
    anyOf: ["test_1"],
    note: "exact path; no PATCH route there (405)",
  },
  { method: "GET", pattern: "/api/bands", anyOf: ["test_1"], note: "shadowed by rule 2" },
  {
    method: "DELETE",
    pattern: "/api/bands/{bandId}/members/**",
    anyOf: ["test_1"],
    note: "annotation says test_2",
  },
  { method: "PATCH", pattern: "/api/bands/{bandId}/members/**", anyOf: ["test_2"] },
  { method: "POST", pattern: "/api/bands/offers", anyOf: ["test_2"] },
  { method: "GET", pattern: "/api/bands/offers/**", anyOf: ["test_3"], note: "dead: shadowed by rule 2" },
  { method: "POST", pattern: "/api/bands/offers/{offerId}/accept", anyOf: ["test_3"] },
  { method: "POST", pattern: "/api/bands/offers/{offerId}/reject", anyOf: ["test_3"] },
  { method: "POST", pattern: "/api/bands/offers/{offerId}/revokes", anyOf: ["test_2"] },
  {
    method: "GET",
    pattern: "/api/bands/offers",
    anyOf: ["test_2", "test_3"],
    note: "dead: shadowed by rule 2",
  },
  {
    method: "GET",
    pattern: "/api/bands/offers/byBand/**",
    anyOf: ["test_2", "test_3"],
    note: "dead: shadowed by rule 2",
  },
  {
    method: "GET",
    pattern: "/api/bands/offers/byMusician/**",
    anyOf: ["test_2", "test_3"],
    note: "dead: shadowed by rule 2",
  },
];
