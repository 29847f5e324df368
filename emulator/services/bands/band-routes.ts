/**
 * `/api/bands` and the members (contract §4.3): HTTP only.
 */
import type { Id } from "../../core/dto/schema.js";
import { empty, json } from "../../core/http/reply.js";
import { committed } from "../committed.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { Store } from "../../core/store/store.js";
import type { BandDomain } from "./domain.js";
import { BandDto, BandInfoUpdateDto } from "./validation.js";
import { bandView } from "./views.js";

const tag = "Band API";
const one = { description: "Band", schema: { dto: BandDto } } as const;
const problem = (description: string) => ({ description, contentType: "application/problem+json" }) as const;

export function bandRoutes(bands: BandDomain, store: Store): Route[] {
  return [
    defineRoute({
      method: "POST",
      path: "/api/bands",
      operationId: "createBand",
      summary: "Create a band",
      tag,
      // Query (or form) parameters, not a JSON body; a body is ignored (§4.2).
      query: {
        name: { type: "string", notBlank: true },
        musicalStyle: { type: "string", notBlank: true },
        managerId: { type: "long" },
      },
      responses: { 201: { ...one, description: "Band created" }, 400: problem("Band already exists") },
      handle({ query }) {
        const band = bands.create(query.name as string, query.musicalStyle as string, query.managerId as Id);
        return committed(store, json(201, bandView(band)));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/bands",
      operationId: "getAllBands",
      summary: "Get all bands",
      tag,
      responses: { 200: { description: "All bands", schema: { arrayOf: BandDto } } },
      handle: () => json(200, bands.list().map(bandView)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/bands/{id}",
      operationId: "getBand",
      summary: "Get a band by id",
      tag,
      params: { id: "long" },
      responses: { 200: one, 404: problem("Band not found") },
      handle: ({ params }) => json(200, bandView(bands.find(params.id))),
    }),
    defineRoute({
      method: "PATCH",
      path: "/api/bands/{id}",
      operationId: "updateBand",
      summary: "Update band info",
      tag,
      params: { id: "long" },
      body: {
        kind: "dto",
        dto: BandInfoUpdateDto,
        validate: false,
        signature:
          "public org.springframework.http.ResponseEntity<cz.muni.fi.bandmanagementservice.dto.BandDto> cz.muni.fi.bandmanagementservice.rest.BandController.updateBand(java.lang.Long,cz.muni.fi.bandmanagementservice.dto.BandInfoUpdateDto)",
      },
      responses: { 200: one, 404: problem("Band not found") },
      handle({ params, body }) {
        const band = bands.overwrite(params.id, body);
        return committed(store, json(200, bandView(band)));
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/api/bands/{bandId}/members/{memberId}",
      operationId: "addMember",
      summary: "Add a member to a band",
      tag,
      params: { bandId: "long", memberId: "long" },
      responses: { 200: one, 400: problem("Member is already part of band"), 404: problem("Band not found") },
      handle({ params }) {
        const band = bands.addMember(params.bandId, params.memberId);
        return committed(store, json(200, bandView(band)));
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/bands/{bandId}/members/{memberId}",
      operationId: "removeMember",
      summary: "Remove a member from a band",
      tag,
      params: { bandId: "long", memberId: "long" },
      responses: {
        204: { description: "Member removed" },
        400: problem("Member is not part of band"),
        404: problem("Band not found"),
      },
      handle({ params }) {
        bands.removeMember(params.bandId, params.memberId);
        // The controller returns the band with 204; Tomcat drops the body (§1.8).
        return committed(store, empty(204));
      },
    }),
  ];
}
