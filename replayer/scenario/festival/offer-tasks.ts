import { pick } from "../rng.js";
import type { OfferRegistry } from "./offer-registry.js";
import { query, readId, ROUTES } from "./routes.js";
import type { Task, TaskContext } from "./task.js";
import type { Pair, VuState } from "./vu-state.js";

/** Pairs the user may invite: known absent, no offer of its own still open, no swapped clash. */
export function invitablePairs(state: VuState, offers: OfferRegistry): Pair[] {
  return state
    .pairs("absent")
    .filter(
      (pair) =>
        !state.hasOpenOffer(pair.band.id, pair.artistId) && !offers.blocks(pair.band.id, pair.artistId),
    );
}

/** Whether the offers of band `musicianId` hold a PENDING one for musician `bandId` (the swapped check). */
function readSwappedClash(bandId: number): (body: unknown) => boolean | undefined {
  return (body) => {
    if (!Array.isArray(body)) return undefined;
    return body.some((offer: unknown) => {
      const { status, invitedMusicianId } = (offer ?? {}) as {
        status?: unknown;
        invitedMusicianId?: unknown;
      };
      return status === "PENDING" && invitedMusicianId === bandId;
    });
  };
}

async function inviteArtist({ sender, state, offers, rng }: TaskContext): Promise<void> {
  const { band, artistId } = pick(rng, invitablePairs(state, offers));
  // Offers made outside this run (an older run on the same store) are not in the registry:
  // the band-service's swapped duplicate check would find them, so look first.
  const clash = await sender.send({
    route: ROUTES.offersOfBand,
    path: `/api/bands/offers/byBand/${artistId}`,
    read: readSwappedClash(band.id),
  });
  if (!clash.ok || clash.value) return;
  // Another user may have reserved the swapped pair while the look was under way; the check
  // and the reservation happen in one turn of the event loop, so no two users can both pass.
  if (offers.blocks(band.id, artistId) || state.hasOpenOffer(band.id, artistId)) return;
  offers.reserve(band.id, artistId);
  const reply = await sender.send({
    route: ROUTES.createOffer,
    path: `/api/bands/offers?${query({ bandId: band.id, invitedMusicianId: artistId, offeringManagerId: band.managerId })}`,
    read: readId,
  });
  if (reply.ok) state.offerMade(band.id, artistId, reply.value);
  // An error answer created nothing; a lost answer may have, so the pair stays blocked.
  else if (reply.status !== null) offers.release(band.id, artistId);
  else state.offerMade(band.id, artistId, null);
}

/**
 * Accept answers 200 with the offer still PENDING and adds the member later (§7): from then on
 * the membership is unknown and the offer is never answered again. Reject answers 201.
 */
async function answerOffer({ sender, state, offers, rng }: TaskContext): Promise<void> {
  const offer = pick(rng, state.pending);
  const band = state.bands.find((candidate) => candidate.id === offer.bandId);
  if (rng.next() < 0.5) {
    const reply = await sender.send({
      route: ROUTES.acceptOffer,
      path: `/api/bands/offers/${offer.id}/accept`,
    });
    band?.members.set(offer.artistId, "unknown");
    state.offerAnswered(offer, false);
    // Until the saga completes, the offers' own GET (which the invite looks at) shows it PENDING.
    if (reply.ok) offers.release(offer.bandId, offer.artistId);
    return;
  }
  const reply = await sender.send({
    route: ROUTES.rejectOffer,
    path: `/api/bands/offers/${offer.id}/reject`,
  });
  state.offerAnswered(offer, reply.ok);
  if (reply.ok) offers.release(offer.bandId, offer.artistId);
}

async function listOffers({ sender, state, rng }: TaskContext): Promise<void> {
  const which = Math.floor(rng.next() * 3);
  if (which === 0) await sender.send({ route: ROUTES.listOffers, path: "/api/bands/offers" });
  else if (which === 1) {
    await sender.send({
      route: ROUTES.offersOfBand,
      path: `/api/bands/offers/byBand/${pick(rng, state.bands).id}`,
    });
  } else {
    await sender.send({
      route: ROUTES.offersOfMusician,
      path: `/api/bands/offers/byMusician/${pick(rng, state.artists)}`,
    });
  }
}

/** Band offers: the invitation, its answer, and the offer lists (api-contract §4.3, §7). */
export const OFFER_TASKS: readonly Task[] = [
  {
    tag: "bands",
    title: "invite an artist",
    weight: 1,
    ready: (state, offers) => invitablePairs(state, offers).length > 0,
    run: inviteArtist,
  },
  {
    tag: "bands",
    title: "list offers / offers of a band / of an artist",
    weight: 1,
    ready: (state) => state.bands.length > 0 && state.artists.length > 0,
    run: listOffers,
  },
  {
    tag: "bands",
    title: "answer an offer",
    weight: 1,
    ready: (state) => state.pending.length > 0,
    run: answerOffer,
  },
];
