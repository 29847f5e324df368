/**
 * band-service's DTOs (contract §4.2). Only `BandInfoUpdateDto` is ever read from a body, and it
 * has no constraints; the other two describe responses in the OpenAPI document.
 */
import { dto, enumeration, long, longs, string, type BoundDto } from "../../core/dto/schema.js";
import { OFFER_STATUSES } from "./collections.js";

const MEMBERS = "java.util.Set<java.lang.Long>";

/** `logoUrl` is the field; a `logo` in the body is unknown and ignored, and `members` is ignored. */
export const BandInfoUpdateDto = dto(
  "BandInfoUpdateDto",
  "cz.muni.fi.bandmanagementservice.dto.BandInfoUpdateDto",
  {
    name: string(),
    musicalStyle: string(),
    logoUrl: string(),
    managerId: long(),
    members: longs(MEMBERS),
  },
);

export const BandDto = dto("BandDto", "cz.muni.fi.bandmanagementservice.dto.BandDto", {
  id: long(),
  name: string(),
  musicalStyle: string(),
  logo: string(),
  managerId: long(),
  members: longs(MEMBERS),
});

export const BandOfferDto = dto("BandOfferDto", "cz.muni.fi.bandmanagementservice.dto.BandOfferDto", {
  id: long(),
  bandId: long(),
  invitedMusicianId: long(),
  offeringManagerId: long(),
  status: enumeration(OFFER_STATUSES, "cz.muni.fi.bandmanagementservice.model.BandOfferStatus"),
});

export type BandInfoUpdate = BoundDto<typeof BandInfoUpdateDto>;
