/**
 * Rows as band-service serialises them (contract §4.2): `logo` is always null, because the
 * mapper never fills it from the entity's `logoUrl` (Q12).
 */
import type { BandRow, OfferRow } from "./collections.js";

export function bandView(row: BandRow) {
  return {
    id: row.id,
    name: row.name,
    musicalStyle: row.musicalStyle,
    logo: null,
    managerId: row.managerId,
    members: row.members,
  };
}

export function offerView(row: OfferRow) {
  return {
    id: row.id,
    bandId: row.bandId,
    invitedMusicianId: row.invitedMusicianId,
    offeringManagerId: row.offeringManagerId,
    status: row.status,
  };
}
