import type { OfferRegistry } from "./offer-registry.js";

/**
 * What one virtual user knows, so every request it sends refers to something that exists and is
 * in the right state. Membership is three-valued: after an accept, the real band-service adds the
 * member later and asynchronously (api-contract §7), and after an answer that never arrived the
 * outcome is unknown; a user never adds, removes or invites an artist whose membership it does
 * not know.
 *
 * A user works with what it made most recently: each list keeps the last few ids only, so a long
 * run at full speed neither grows the replayer's memory nor makes the choice of a task (which
 * looks at every band × artist pair) slower as it goes.
 */
export type Membership = "absent" | "present" | "unknown";

export interface BandState {
  readonly id: number;
  readonly name: string;
  musicalStyle: string;
  readonly managerId: number;
  /** Own artists by id; an artist missing here is absent. */
  readonly members: Map<number, Membership>;
}

/** An offer the user made and has not answered yet. */
export interface OfferState {
  readonly id: number;
  readonly bandId: number;
  readonly artistId: number;
}

export interface Pair {
  readonly band: BandState;
  readonly artistId: number;
}

/** How many of each the user keeps working with. */
export const RECENT_PEOPLE = 6;
export const RECENT_BANDS = 6;
export const RECENT_SHOWS = 20;

function pairKey(bandId: number, artistId: number): string {
  return `${bandId}:${artistId}`;
}

function keepLast<T>(list: T[], item: T, limit: number): T[] {
  list.push(item);
  return list.length > limit ? list.splice(0, list.length - limit) : [];
}

export class VuState {
  readonly managers: number[] = [];
  readonly artists: number[] = [];
  readonly bands: BandState[] = [];
  readonly tours: number[] = [];
  readonly albums: { id: number; bandId: number }[] = [];
  /** Offers waiting for this user's answer. */
  readonly pending: OfferState[] = [];
  /** Pairs with an offer that may still be PENDING: unanswered, or its answer got lost. */
  private readonly openPairs = new Set<string>();
  /** Whether the start-up (one manager, two artists, one band) is done; it stays done. */
  private startedUp = false;

  constructor(private readonly offers: OfferRegistry) {}

  get started(): boolean {
    this.startedUp ||= this.managers.length >= 1 && this.artists.length >= 2 && this.bands.length >= 1;
    return this.startedUp;
  }

  addManager(id: number): void {
    keepLast(this.managers, id, RECENT_PEOPLE);
  }

  addArtist(id: number): void {
    for (const gone of keepLast(this.artists, id, RECENT_PEOPLE)) {
      for (const band of this.bands) band.members.delete(gone);
      this.forgetOffers((offer) => offer.artistId === gone);
    }
  }

  addBand(band: BandState): void {
    for (const gone of keepLast(this.bands, band, RECENT_BANDS))
      this.forgetOffers((offer) => offer.bandId === gone.id);
  }

  addTour(id: number): void {
    keepLast(this.tours, id, RECENT_SHOWS);
  }

  addAlbum(album: { id: number; bandId: number }): void {
    keepLast(this.albums, album, RECENT_SHOWS);
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

  hasOpenOffer(bandId: number, artistId: number): boolean {
    return this.openPairs.has(pairKey(bandId, artistId));
  }

  /** An offer created (or maybe created: `id` null when its answer was lost) for this pair. */
  offerMade(bandId: number, artistId: number, id: number | null): void {
    this.openPairs.add(pairKey(bandId, artistId));
    if (id !== null) this.pending.push({ id, bandId, artistId });
  }

  /**
   * The user answered `offer`. `closed` says the offer is known to be no longer PENDING (a reject
   * that was answered); otherwise it may still be, and the pair stays blocked for new offers.
   */
  offerAnswered(offer: OfferState, closed: boolean): void {
    const index = this.pending.indexOf(offer);
    if (index >= 0) this.pending.splice(index, 1);
    if (closed) this.openPairs.delete(pairKey(offer.bandId, offer.artistId));
  }

  /** Pending offers of a band or artist the user stopped working with: their reservations go too. */
  private forgetOffers(matches: (offer: OfferState) => boolean): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const offer = this.pending[i] as OfferState;
      if (!matches(offer)) continue;
      this.pending.splice(i, 1);
      this.openPairs.delete(pairKey(offer.bandId, offer.artistId));
      this.offers.release(offer.bandId, offer.artistId);
    }
  }
}
