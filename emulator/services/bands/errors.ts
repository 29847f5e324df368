/**
 * band-service's business errors: ProblemDetails with these titles and details and no extra
 * properties (contract §4.3).
 */
import type { Id } from "../../core/dto/schema.js";
import { ProblemError } from "../../core/http/errors.js";
import type { OfferStatus } from "./collections.js";

export const bandNotFound = (id: Id) =>
  new ProblemError(404, "Band not found", `Band with id ${id} was not found`);

export const offerNotFound = (id: Id) =>
  new ProblemError(404, "Band Offer not found", `Band offer with id ${id} was not found`);

export const bandAlreadyExists = (name: string) =>
  new ProblemError(400, "Band already exists", `Band with name "${name}" already exists`);

export const alreadyMember = (bandId: Id, memberId: Id) =>
  new ProblemError(
    400,
    "Member is already part of band",
    `Member with id ${memberId} is already part of band ${bandId}`,
  );

/** The real detail text says "already exists" for a member that is *not* there (§4.3). */
export const notMember = (bandId: Id, memberId: Id) =>
  new ProblemError(
    400,
    "Member is not part of band",
    `Member with id ${memberId} already exists in band ${bandId}`,
  );

export const offerAlreadyExists = (bandId: Id, musicianId: Id) =>
  new ProblemError(
    400,
    "Band offer already exists",
    `There is already a pending band offer for musician ${musicianId} to join band ${bandId}`,
  );

export const invalidManager = (bandId: Id, managerId: Id) =>
  new ProblemError(
    400,
    "Invalid manager",
    `The manager ${managerId} is not manager of band ${bandId} and cannot manipulate it`,
  );

export const offerClosed = (status: OfferStatus) =>
  new ProblemError(
    400,
    "Band Offer can no longer be manipulated",
    `Offer was already ${status} and cannot be manipulated anymore!`,
  );
