/**
 * `/api/managers/**` (contract §3.3): the same rules as artists, except that a manager is
 * created with 201 and has no username lookup and no link/unlink.
 */
import { empty, json } from "../../core/http/reply.js";
import { committed } from "../committed.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { Store } from "../../core/store/store.js";
import type { UserDomain } from "./domain.js";
import { MANAGER } from "./kinds.js";
import { ManagerDto, ManagerUpdateDto } from "./validation.js";
import { managerView } from "./views.js";

const CONTROLLER = "cz.muni.fi.userservice.rest.ManagerController";
const RESPONSE = "org.springframework.http.ResponseEntity<cz.muni.fi.userservice.dto.ManagerDto>";
const tag = "Manager API";
const one = { description: "Manager", schema: { dto: ManagerDto } } as const;
const many = { description: "List of managers", schema: { arrayOf: ManagerDto } } as const;
const notFound = { description: "Manager not found", contentType: "application/problem+json" } as const;

function signature(method: string, parameters: string): string {
  return `public ${RESPONSE} ${CONTROLLER}.${method}(${parameters})`;
}

export function managerRoutes(domain: UserDomain, store: Store): Route[] {
  return [
    defineRoute({
      method: "POST",
      path: "/api/managers",
      operationId: "registerManager",
      summary: "Register manager",
      tag,
      body: {
        kind: "dto",
        dto: ManagerDto,
        validate: true,
        signature: signature("register", "cz.muni.fi.userservice.dto.ManagerDto"),
      },
      responses: { 201: { ...one, description: "Manager registered successfully" } },
      handle({ body }) {
        const manager = domain.create(MANAGER, body);
        // 201 here, where the artist controller answers 200 (§3.3, Q7).
        return committed(store, json(201, managerView(manager)));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/managers",
      operationId: "getAllManagers",
      summary: "Get all managers",
      tag,
      responses: { 200: many },
      handle: () => json(200, domain.list(MANAGER).map(managerView)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/managers/{id}",
      operationId: "getManagerById",
      summary: "Get manager by ID",
      tag,
      params: { id: "long" },
      responses: { 200: one, 404: notFound },
      handle: ({ params }) => json(200, managerView(domain.find(MANAGER, params.id))),
    }),
    defineRoute({
      method: "PUT",
      path: "/api/managers/{id}",
      operationId: "updateManager",
      summary: "Update manager by id",
      tag,
      params: { id: "long" },
      // No @Valid: a partial update that stores anything and re-hashes the password (§3.2, Q8).
      body: {
        kind: "dto",
        dto: ManagerUpdateDto,
        validate: false,
        signature: signature("update", "java.lang.Long,cz.muni.fi.userservice.dto.ManagerUpdateDto"),
      },
      responses: { 200: one, 404: notFound },
      handle({ params, body }) {
        const manager = domain.update(MANAGER, params.id, body);
        return committed(store, json(200, managerView(manager)));
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/managers/{id}",
      operationId: "deleteManager",
      summary: "Delete manager by ID",
      tag,
      params: { id: "long" },
      responses: { 204: { description: "Manager deleted successfully" }, 404: notFound },
      handle({ params }) {
        domain.remove(MANAGER, params.id);
        return committed(store, empty(204));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/managers/bands",
      operationId: "getManagersByBandIds",
      summary: "Get managers by band IDs",
      tag,
      query: { bandIds: { type: "longs" } },
      responses: { 200: many },
      handle: ({ query }) => json(200, domain.withAnyBand(MANAGER, query.bandIds ?? []).map(managerView)),
    }),
    defineRoute({
      method: "PATCH",
      path: "/api/managers/bands/{managerId}",
      operationId: "updateManagerBands",
      summary: "Update manager's band IDs",
      tag,
      params: { managerId: "long" },
      body: {
        kind: "longs",
        javaType: "java.util.Set<java.lang.Long>",
        signature: signature("updateBands", "java.lang.Long,java.util.Set<java.lang.Long>"),
      },
      responses: { 200: one, 404: notFound },
      handle({ params, body }) {
        const manager = domain.replaceBands(MANAGER, params.managerId, body);
        return committed(store, json(200, managerView(manager)));
      },
    }),
  ];
}
