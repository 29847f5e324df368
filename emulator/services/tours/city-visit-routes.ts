/**
 * `/api/cityVisits` (contract §6.3): HTTP only — bound input in, the domain's answer out, then commit.
 */
import type { Store } from "../../core/store/store.js";
import { empty, json } from "../../core/http/reply.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { CityVisits } from "./city-visits.js";
import { CityVisitDto, controllerSignature } from "./validation.js";

const tag = "CityVisit";
const visitBody = (method: string, params: readonly string[]) =>
  ({
    kind: "dto",
    dto: CityVisitDto,
    validate: true,
    signature: controllerSignature("CityVisitController", method, "CityVisitDto", params),
  }) as const;

export function cityVisitRoutes(cityVisits: CityVisits, store: Store): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/cityVisits",
      operationId: "getAllCityVisits",
      summary: "Retrieve all city visits",
      tag,
      responses: {
        200: { description: "List of city visits retrieved successfully", schema: { arrayOf: CityVisitDto } },
      },
      handle: () => json(200, cityVisits.list()),
    }),
    defineRoute({
      method: "GET",
      path: "/api/cityVisits/{id}",
      operationId: "getCityVisitById",
      summary: "Retrieve all city visits by id",
      tag,
      params: { id: "long" },
      responses: {
        200: { description: "City visit found", schema: { dto: CityVisitDto } },
        404: { description: "City visit not found" },
      },
      handle: ({ params }) => json(200, cityVisits.get(params.id)),
    }),
    defineRoute({
      method: "POST",
      path: "/api/cityVisits",
      operationId: "createCityVisit",
      summary: "Create new city visit",
      tag,
      body: visitBody("createCityVisit", ["CityVisitDto"]),
      responses: {
        201: { description: "City visit created successfully", schema: { dto: CityVisitDto } },
        400: { description: "Invalid input data" },
      },
      handle: async ({ body }) => {
        const created = cityVisits.create(body);
        await store.commit();
        return json(201, created);
      },
    }),
    defineRoute({
      method: "PUT",
      path: "/api/cityVisits/{id}",
      operationId: "updateCityVisit",
      summary: "Update a city visit",
      tag,
      params: { id: "long" },
      body: visitBody("updateCityVisit", ["Long", "CityVisitDto"]),
      responses: {
        200: { description: "City visit updated successfully", schema: { dto: CityVisitDto } },
        400: { description: "Invalid input data" },
        404: { description: "City visit not found" },
      },
      handle: async ({ params, body }) => {
        const updated = cityVisits.update(params.id, body);
        await store.commit();
        return json(200, updated);
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/cityVisits/{id}",
      operationId: "deleteCityVisit",
      summary: "Delete a city visit",
      tag,
      params: { id: "long" },
      responses: { 404: { description: "City visit deleted (the controller answers notFound())" } },
      // The controller deletes, then answers `ResponseEntity.notFound().build()`: success is an
      // empty 404, told apart from a real not-found only by the missing body (contract §6.3).
      handle: async ({ params }) => {
        cityVisits.delete(params.id);
        await store.commit();
        return empty(404);
      },
    }),
  ];
}
