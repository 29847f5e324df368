/**
 * band-service's side of the offer-acceptance saga (contract §7.2): accepting an offer only sends
 * a command and answers the offer as it is (still PENDING, Q14); the offer becomes ACCEPTED when
 * user-service confirms. A confirmation for an offer that is gone or no longer PENDING throws,
 * so the bus redelivers it until it is dead-lettered — nothing is compensated, the artist stays
 * linked, as in the real system. A failure event is only logged.
 */
import type { Id } from "../../core/dto/schema.js";
import { newSagaId, type MessageBus } from "../../core/messaging/bus.js";
import type { Store } from "../../core/store/store.js";
import {
  OFFER_ACCEPT_QUEUES,
  OFFER_ACCEPT_TYPES,
  offerAcceptPayload,
  readOfferAcceptPayload,
} from "../events/band-offer.js";
import type { OfferRow } from "./collections.js";
import type { OfferDomain } from "./offers.js";

export interface BandSagaDeps {
  bus: MessageBus;
  store: Store;
  log: (line: string) => void;
}

export interface OfferSaga {
  /** Steps 1–3: the offer must be PENDING; a command goes out; nothing changes here yet. */
  requestAcceptance(offerId: Id): OfferRow;
}

export function offerSaga(offers: OfferDomain, { bus, store, log }: BandSagaDeps): OfferSaga {
  bus.listen(OFFER_ACCEPT_QUEUES.ok, async (message) => {
    const event = readOfferAcceptPayload(message.payload);
    const offer = offers.accept(event.bandOfferId);
    await store.commit();
    log(
      `saga ${event.sagaId}: offer ${offer.id} ACCEPTED, musician ${offer.invitedMusicianId} joined band ${offer.bandId}`,
    );
  });
  bus.listen(OFFER_ACCEPT_QUEUES.failed, (message) => {
    const event = readOfferAcceptPayload(message.payload);
    log(`saga ${event.sagaId}: warning: offer ${event.bandOfferId} stays PENDING, user-service refused it`);
  });
  return {
    requestAcceptance(offerId) {
      const offer = offers.pending(offerId);
      const sagaId = newSagaId();
      const command = offerAcceptPayload({
        bandOfferId: offer.id,
        bandId: offer.bandId,
        invitedMusicianId: offer.invitedMusicianId,
        offeringManagerId: offer.offeringManagerId,
        sagaId,
      });
      bus.send(OFFER_ACCEPT_QUEUES.command, OFFER_ACCEPT_TYPES.command, command, sagaId);
      log(`saga ${sagaId}: offer ${offer.id} accept requested, command sent`);
      return offer;
    },
  };
}
