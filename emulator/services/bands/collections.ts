/**
 * band-service's store: `bands` and `band_offers`, each with its own identity counter
 * (contract §1.3). Band names have no unique constraint in the real schema — a PATCH can make two
 * bands share one — so the name index may hold several rows under one key.
 */
import type { Store } from "../../core/store/store.js";
import type { Table } from "../../core/store/table.js";

export interface BandRow {
  id: number;
  name: string;
  musicalStyle: string;
  /** Stored but never shown: the DTO's `logo` is not mapped (§4.2). */
  logoUrl: string | null;
  managerId: number;
  /** Kept ascending, Java's HashSet order for small ids (§1.2). */
  members: number[];
}

export const OFFER_STATUSES = ["PENDING", "ACCEPTED", "REJECTED"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferRow {
  id: number;
  bandId: number;
  invitedMusicianId: number;
  offeringManagerId: number;
  status: OfferStatus;
}

export const BANDS_BY_NAME = "name";
export const OFFERS_BY_BAND = "band";
export const OFFERS_BY_MUSICIAN = "musician";
/** PENDING offers by `bandId:invitedMusicianId`, for the duplicate check of offer creation. */
export const PENDING_OFFERS = "pending";

export const BANDS_COUNTER = "bands";
export const OFFERS_COUNTER = "band_offers";

export function pendingKey(bandId: number | bigint, musicianId: number | bigint): string {
  return `${bandId}:${musicianId}`;
}

export interface BandCollections {
  bands: Table<BandRow>;
  offers: Table<OfferRow>;
}

export function declareBands(store: Store): BandCollections {
  const bands = store.table<BandRow>("bands", BANDS_COUNTER).unique(BANDS_BY_NAME, (row) => row.name);
  const offers = store
    .table<OfferRow>("band_offers", OFFERS_COUNTER)
    .index(OFFERS_BY_BAND, (row) => row.bandId)
    .index(OFFERS_BY_MUSICIAN, (row) => row.invitedMusicianId)
    .index(PENDING_OFFERS, (row) =>
      row.status === "PENDING" ? pendingKey(row.bandId, row.invitedMusicianId) : null,
    );
  return { bands, offers };
}
