/**
 * `/api/bands/offers/**` (contract §4.3): HTTP only.
 */
import type { Id } from "../../core/dto/schema.js";
import { empty, json } from "../../core/http/reply.js";
import { committed } from "../committed.js";
import { defineRoute, type Route } from "../../core/routing/route.js";
import type { Store } from "../../core/store/store.js";
import type { OfferDomain } from "./offers.js";
import type { OfferSaga } from "./saga.js";
import { BandOfferDto } from "./validation.js";
import { offerView } from "./views.js";

const tag = "Band Offer API";
const one = { description: "Band offer", schema: { dto: BandOfferDto } } as const;
const many = { description: "Band offers", schema: { arrayOf: BandOfferDto } } as const;
const problem = (description: string) => ({ description, contentType: "application/problem+json" }) as const;
const closed = problem("Band Offer can no longer be manipulated");

export function offerRoutes(offers: OfferDomain, saga: OfferSaga, store: Store): Route[] {
  return [
    defineRoute({
      method: "POST",
      path: "/api/bands/offers",
      operationId: "createBandOffer",
      summary: "Offer a musician to join a band",
      tag,
      query: {
        bandId: { type: "long" },
        invitedMusicianId: { type: "long" },
        offeringManagerId: { type: "long" },
      },
      responses: { 201: one, 400: problem("Band offer already exists"), 404: problem("Band not found") },
      handle({ query }) {
        const offer = offers.create(
          query.bandId as Id,
          query.invitedMusicianId as Id,
          query.offeringManagerId as Id,
        );
        return committed(store, json(201, offerView(offer)));
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/bands/offers",
      operationId: "getAllBandOffers",
      summary: "Get all band offers",
      tag,
      responses: { 200: many },
      handle: () => json(200, offers.list().map(offerView)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/bands/offers/{offerId}",
      operationId: "getBandOffer",
      summary: "Get a band offer",
      tag,
      params: { offerId: "long" },
      responses: { 200: one, 404: problem("Band Offer not found") },
      handle: ({ params }) => json(200, offerView(offers.find(params.offerId))),
    }),
    defineRoute({
      method: "GET",
      path: "/api/bands/offers/byBand/{bandId}",
      operationId: "getBandOffersByBand",
      summary: "Get the offers of a band",
      tag,
      params: { bandId: "long" },
      responses: { 200: many },
      handle: ({ params }) => json(200, offers.byBand(params.bandId).map(offerView)),
    }),
    defineRoute({
      method: "GET",
      path: "/api/bands/offers/byMusician/{musicianId}",
      operationId: "getBandOffersByMusician",
      summary: "Get the offers made to a musician",
      tag,
      params: { musicianId: "long" },
      responses: { 200: many },
      handle: ({ params }) => json(200, offers.byMusician(params.musicianId).map(offerView)),
    }),
    defineRoute({
      method: "POST",
      path: "/api/bands/offers/{offerId}/accept",
      operationId: "acceptBandOffer",
      summary: "Accept a band offer",
      tag,
      params: { offerId: "long" },
      responses: { 200: one, 400: closed, 404: problem("Band Offer not found") },
      // 200 with the offer still PENDING: acceptance completes asynchronously (§7.2, Q14).
      handle: ({ params }) => json(200, offerView(saga.requestAcceptance(params.offerId))),
    }),
    defineRoute({
      method: "POST",
      path: "/api/bands/offers/{offerId}/reject",
      operationId: "rejectBandOffer",
      summary: "Reject a band offer",
      tag,
      params: { offerId: "long" },
      responses: { 201: one, 400: closed, 404: problem("Band Offer not found") },
      handle({ params }) {
        const offer = offers.reject(params.offerId);
        // 201, not 200, for a reject (§4.3, Q7).
        return committed(store, json(201, offerView(offer)));
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/bands/offers/{offerId}/revokes",
      operationId: "revokeBandOffer",
      summary: "Revoke a band offer",
      tag,
      params: { offerId: "long" },
      responses: { 200: { description: "Offer revoked" }, 400: closed, 404: problem("Band Offer not found") },
      handle({ params }) {
        offers.revoke(params.offerId);
        // The offer is deleted and the answer is an empty 200 (§4.3, Q7).
        return committed(store, empty(200));
      },
    }),
  ];
}
