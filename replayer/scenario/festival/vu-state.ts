/**
 * What one virtual user knows, so every request it sends refers to something that exists and is
 * in the right state. Membership is three-valued: after an accept, the real band-service adds the
 * member later and asynchronously (api-contract §7), and after an answer that never arrived the
 * outcome is unknown; a user never adds, removes or invites an artist whose membership it does
 * not know.
 */
export type Membership = "absent" | "present" | "unknown";

/** `accepted` means the accept was answered (200, still PENDING); it is never answered again. */
export type OfferStatus = "pending" | "accepted" | "rejected" | "unknown";

export interface BandState {
  readonly id: number;
  name: string;
  musicalStyle: string;
  managerId: number;
  /** Own artists by id; an artist missing here is absent. */
  readonly members: Map<number, Membership>;
}

export interface OfferState {
  readonly id: number;
  readonly bandId: number;
  readonly artistId: number;
  status: OfferStatus;
}

export interface Pair {
  readonly band: BandState;
  readonly artistId: number;
}

export class VuState {
  readonly managers: number[] = [];
  readonly artists: number[] = [];
  readonly bands: BandState[] = [];
  readonly offers: OfferState[] = [];
  readonly tours: number[] = [];
  readonly albums: { id: number; bandId: number }[] = [];
  readonly songs: number[] = [];

  /** The start-up of the scenario: one manager, two artists, one band. */
  get started(): boolean {
    return this.managers.length >= 1 && this.artists.length >= 2 && this.bands.length >= 1;
  }

  membership(band: BandState, artistId: number): Membership {
    return band.members.get(artistId) ?? "absent";
  }

  /** Every (own band, own artist) pair whose membership is `membership`. */
  pairs(membership: Membership): Pair[] {
    const found: Pair[] = [];
    for (const band of this.bands) {
      for (const artistId of this.artists) {
        if (this.membership(band, artistId) === membership) found.push({ band, artistId });
      }
    }
    return found;
  }

  /** Whether an own offer for this pair may still be open (pending, or its answer got lost). */
  hasOpenOffer(bandId: number, artistId: number): boolean {
    return this.offers.some(
      (offer) =>
        offer.bandId === bandId &&
        offer.artistId === artistId &&
        (offer.status === "pending" || offer.status === "unknown"),
    );
  }

  pendingOffers(): OfferState[] {
    return this.offers.filter((offer) => offer.status === "pending");
  }
}
