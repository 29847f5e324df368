/**
 * user-service's side of the offer-acceptance saga (contract §7.2, step 4): it links the invited
 * artist to the band and confirms, or reports that there is no such artist. An artist already
 * linked makes the link step throw; the bus then redelivers the command until it is
 * dead-lettered, and no event is sent — exactly the real transacted listener's fate.
 */
import type { MessageBus } from "../../core/messaging/bus.js";
import type { Store } from "../../core/store/store.js";
import {
  OFFER_ACCEPT_QUEUES,
  OFFER_ACCEPT_TYPES,
  offerAcceptPayload,
  readOfferAcceptPayload,
} from "../events/band-offer.js";
import { isArtist, type UserCollections } from "./collections.js";
import type { UserDomain } from "./domain.js";

export interface UserSagaDeps {
  bus: MessageBus;
  store: Store;
  log: (line: string) => void;
}

export function listenForOfferAccepts(
  collections: UserCollections,
  domain: UserDomain,
  { bus, store, log }: UserSagaDeps,
): void {
  bus.listen(OFFER_ACCEPT_QUEUES.command, async (message) => {
    const command = readOfferAcceptPayload(message.payload);
    const { sagaId, invitedMusicianId: artistId, bandId, bandOfferId } = command;
    // Only an artist counts: a manager's id is "not found" too (§7.2).
    if (!isArtist(collections.users.get(artistId))) {
      bus.send(OFFER_ACCEPT_QUEUES.failed, OFFER_ACCEPT_TYPES.failed, offerAcceptPayload(command), sagaId);
      log(`saga ${sagaId}: offer ${bandOfferId} not accepted: no artist with id ${artistId}`);
      return;
    }
    domain.link(artistId, bandId);
    await store.commit();
    // The link and the confirmation are one transaction in the real listener: confirm once stored.
    bus.send(OFFER_ACCEPT_QUEUES.ok, OFFER_ACCEPT_TYPES.ok, offerAcceptPayload(command), sagaId);
    log(`saga ${sagaId}: artist ${artistId} linked to band ${bandId} for offer ${bandOfferId}`);
  });
}
