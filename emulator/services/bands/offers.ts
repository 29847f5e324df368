/**
 * Join offers (contract §4.3): creation with its checks in the real order — including the
 * duplicate check that compares swapped ids (Q13) — reject, revoke, and the state changes the
 * acceptance saga makes.
 */
import type { Id } from "../../core/dto/schema.js";
import { UnhandledError } from "../../core/http/errors.js";
import type { Store } from "../../core/store/store.js";
import {
  OFFERS_BY_BAND,
  OFFERS_BY_MUSICIAN,
  OFFERS_COUNTER,
  PENDING_OFFERS,
  pendingKey,
  type BandCollections,
  type OfferRow,
} from "./collections.js";
import { storedId } from "../stored-id.js";
import type { BandDomain } from "./domain.js";
import { alreadyMember, invalidManager, offerAlreadyExists, offerClosed, offerNotFound } from "./errors.js";

export class OfferDomain {
  constructor(
    private readonly collections: BandCollections,
    private readonly bands: BandDomain,
    private readonly store: Store,
  ) {}

  list(): readonly OfferRow[] {
    return this.collections.offers.all();
  }

  find(id: Id): OfferRow {
    const offer = this.collections.offers.get(id);
    if (!offer) throw offerNotFound(id);
    return offer;
  }

  /** Any status; band existence is not checked (§4.3). */
  byBand(bandId: Id): OfferRow[] {
    return typeof bandId === "number" ? this.collections.offers.find(OFFERS_BY_BAND, bandId) : [];
  }

  byMusician(musicianId: Id): OfferRow[] {
    return typeof musicianId === "number" ? this.collections.offers.find(OFFERS_BY_MUSICIAN, musicianId) : [];
  }

  create(bandId: Id, musicianId: Id, managerId: Id): OfferRow {
    const band = this.bands.find(bandId);
    // The repository call passes (musicianId, bandId) to a finder declared as (bandId, musicianId),
    // so it looks for the mirror image of the requested offer (Q13).
    const mirrored = this.collections.offers.find(PENDING_OFFERS, pendingKey(musicianId, bandId));
    if (mirrored.length > 1) {
      throw new UnhandledError(
        `Query did not return a unique result: ${mirrored.length} results were returned`,
      );
    }
    if (mirrored.length === 1) throw offerAlreadyExists(bandId, musicianId);
    if (band.managerId !== managerId) throw invalidManager(bandId, managerId);
    if (band.members.includes(storedId(musicianId))) throw alreadyMember(bandId, musicianId);
    return this.collections.offers.insert({
      id: this.store.nextId(OFFERS_COUNTER),
      bandId: band.id,
      invitedMusicianId: storedId(musicianId),
      offeringManagerId: storedId(managerId),
      status: "PENDING",
    });
  }

  /** The offer, if it can still be accepted, rejected or revoked. */
  pending(id: Id): OfferRow {
    const offer = this.find(id);
    if (offer.status !== "PENDING") throw offerClosed(offer.status);
    return offer;
  }

  reject(id: Id): OfferRow {
    return this.collections.offers.update(this.pending(id), (row) => {
      row.status = "REJECTED";
    });
  }

  /** Revoking deletes the offer (§4.3). */
  revoke(id: Id): void {
    this.collections.offers.delete(this.pending(id));
  }

  /**
   * The saga's step 5, one transaction: the offer must still exist and be PENDING, and its band
   * must exist; only then is it ACCEPTED and the musician added to the members.
   */
  accept(id: number): OfferRow {
    const offer = this.pending(id);
    const band = this.bands.find(offer.bandId);
    this.collections.offers.update(offer, (row) => {
      row.status = "ACCEPTED";
    });
    this.bands.setMembers(band, [...band.members, offer.invitedMusicianId]);
    return offer;
  }
}
