/**
 * The messages of the offer-acceptance saga between band-service and user-service (contract §7.1).
 * In the real system they live in a shared module (`cz.muni.fi.events`); the queues and `_type`
 * names are the real ones so that what the bus shows reads like Artemis' console.
 */
export const OFFER_ACCEPT_QUEUES = {
  command: "band.offer-accept.cmd",
  ok: "band.offer-accept.ok",
  failed: "band.offer-accept.failed",
} as const;

export const OFFER_ACCEPT_TYPES = {
  command: "cz.muni.fi.events.bandoffer.BandOfferAcceptCommand",
  ok: "cz.muni.fi.events.bandoffer.BandOfferAcceptOkEvent",
  failed: "cz.muni.fi.events.bandoffer.BandOfferAcceptFailedEvent",
} as const;

/** The five fields every message of this saga carries. */
export interface BandOfferAcceptPayload {
  bandOfferId: number;
  bandId: number;
  invitedMusicianId: number;
  offeringManagerId: number;
  sagaId: string;
}

/** Read a payload that came off the bus; anything malformed is a listener failure (redelivery). */
export function readOfferAcceptPayload(payload: Record<string, unknown>): BandOfferAcceptPayload {
  const { bandOfferId, bandId, invitedMusicianId, offeringManagerId, sagaId } = payload;
  const ids = [bandOfferId, bandId, invitedMusicianId, offeringManagerId];
  if (!ids.every((id) => typeof id === "number") || typeof sagaId !== "string") {
    throw new Error(`malformed band offer message: ${JSON.stringify(payload)}`);
  }
  return payload as unknown as BandOfferAcceptPayload;
}

/** The payload in the field order Jackson writes it. */
export function offerAcceptPayload(fields: BandOfferAcceptPayload): Record<string, unknown> {
  return {
    bandOfferId: fields.bandOfferId,
    bandId: fields.bandId,
    invitedMusicianId: fields.invitedMusicianId,
    offeringManagerId: fields.offeringManagerId,
    sagaId: fields.sagaId,
  };
}
