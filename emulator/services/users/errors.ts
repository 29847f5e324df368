/**
 * user-service's business errors. Its `@RestControllerAdvice` answers only the two user
 * exceptions, as ProblemDetails with an `errorCode` (contract §3.3, §11 Q22); the link conflicts
 * have no handler and reach Boot's `/error` as a 500.
 */
import type { Id } from "../../core/dto/schema.js";
import { ProblemError, UnhandledError } from "../../core/http/errors.js";

export function userNotFound(id: Id): ProblemError {
  return new ProblemError(404, "User Not Found Error", `User not found with id: ${id}`, {
    errorCode: "USER_NOT_FOUND",
  });
}

export function userNotFoundByUsername(username: string): ProblemError {
  return new ProblemError(404, "User Not Found Error", `User not found with username: ${username}`, {
    errorCode: "USER_NOT_FOUND",
  });
}

export function userAlreadyExists(username: string | null): ProblemError {
  return new ProblemError(409, "User Already Exists Error", `User with username ${username} already exists`, {
    errorCode: "USER_ALREADY_EXISTS",
  });
}

/** ArtistAlreadyInBandException has no handler → 500 BOOT (§3.3, §11 Q10). */
export function artistAlreadyLinked(artistId: Id, bandId: Id): UnhandledError {
  return new UnhandledError(`Artist with id ${artistId} is already linked to band ${bandId}`);
}

/** ArtistNotInBandException has no handler either → 500 BOOT (§3.3, §11 Q10). */
export function artistNotLinked(artistId: Id, bandId: Id): UnhandledError {
  return new UnhandledError(`Artist with id ${artistId} is not linked to band ${bandId}`);
}
