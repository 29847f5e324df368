/**
 * `/api/tours` (contract §6.3): HTTP only — bound input in, the domain's answer out, then commit.
 */
import type { Store } from "../../core/store/store.js";
import { empty, json } from "../../core/http/reply.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { TourDomain } from "./domain.js";
import { CityVisitDto, controllerSignature, TourDto } from "./validation.js";

const tag = "Tour";
const tourBody = (method: string, params: readonly string[]) =>
  ({
    kind: "dto",
    dto: TourDto,
    validate: true,
    signature: controllerSignature("TourController", method, "TourDto", params),
  }) as const;

export function tourRoutes({ tours, tourVisits }: TourDomain, store: Store): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/tours",
      operationId: "getAllTours",
      summary: "Retrieve all tours",
      tag,
      responses: {
        200: { description: "List of tours retrieved successfully", schema: { arrayOf: TourDto } },
      },
      handle: () => json(200, tours.list()),
    }),
    defineRoute({
      method: "GET",
      path: "/api/tours/{id}",
      operationId: "getTourById",
      summary: "Retrieve tours by id",
      tag,
      params: { id: "long" },
      responses: {
        200: { description: "Tour found", schema: { dto: TourDto } },
        404: { description: "Tour not found" },
      },
      handle: ({ params }) => json(200, tours.get(params.id)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/tours/band/{bandId}",
      operationId: "getToursByBand",
      summary: "Retrieve tours by band",
      tag,
      params: { bandId: "long" },
      responses: { 200: { description: "Tour found", schema: { arrayOf: TourDto } } },
      handle: ({ params }) => json(200, tours.byBand(params.bandId)),
    }),
    defineRoute({
      method: "POST",
      path: "/api/tours",
      operationId: "createTour",
      summary: "Create a new tour",
      tag,
      body: tourBody("createTour", ["TourDto"]),
      responses: {
        201: { description: "Tour created successfully", schema: { dto: TourDto } },
        400: { description: "Invalid input data" },
      },
      handle: async ({ body }) => {
        const created = tours.create(body);
        await store.commit();
        return json(201, created);
      },
    }),
    defineRoute({
      method: "PUT",
      path: "/api/tours/{id}",
      operationId: "updateTour",
      summary: "Update a tour",
      tag,
      params: { id: "long" },
      body: tourBody("updateTour", ["Long", "TourDto"]),
      responses: {
        200: { description: "Tour updated successfully", schema: { dto: TourDto } },
        400: { description: "Invalid input data" },
        404: { description: "Tour not found" },
      },
      // Never answers 200 for an existing tour in production (§6.3, §10.2): see Tours.update.
      handle: ({ params }) => tours.update(params.id),
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/tours/{id}",
      operationId: "deleteTour",
      summary: "Delete a tour",
      tag,
      params: { id: "long" },
      responses: {
        204: { description: "Tour deleted successfully" },
        404: { description: "Tour not found" },
      },
      handle: async ({ params }) => {
        tours.delete(params.id);
        await store.commit();
        return empty(204);
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/tours/{tourId}/city-visit",
      operationId: "addCityVisitToTour",
      summary: "Add a city visit to a tour",
      tag,
      params: { tourId: "long" },
      body: {
        kind: "dto",
        dto: CityVisitDto,
        validate: true,
        signature: controllerSignature("TourController", "addCityVisitToTour", "Void", [
          "Long",
          "CityVisitDto",
        ]),
      },
      responses: {
        201: { description: "City visit added successfully" },
        404: { description: "Tour not found" },
      },
      // The controller answers `ResponseEntity.status(CREATED).build()`: 201 without a body (§6.3).
      handle: async ({ params, body }) => {
        tourVisits.add(params.tourId, body);
        await store.commit();
        return empty(201);
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/tours/{tourId}/city-visit/{cityVisitId}",
      operationId: "removeCityVisitFromTour",
      summary: "Remove a city visit from a tour",
      tag,
      params: { tourId: "long", cityVisitId: "long" },
      responses: {
        204: { description: "City visit removed successfully" },
        404: { description: "Tour or city visit not found" },
      },
      handle: async ({ params }) => {
        tourVisits.remove(params.tourId, params.cityVisitId);
        await store.commit();
        return empty(204);
      },
    }),
  ];
}
