/**
 * user-service's DTOs with their Bean Validation constraints and messages (contract §3.2).
 * The create DTOs are validated (`@Valid`); the update DTOs carry no constraints that run,
 * because the real controller never asks for validation on PUT.
 */
import {
  dto,
  email,
  enumeration,
  long,
  longs,
  notBlank,
  size,
  string,
  withField,
  type BoundDto,
} from "../../core/dto/schema.js";
import type { Role } from "./collections.js";

const ROLE_TYPE = "cz.muni.fi.enums.Role";
const ROLES = ["ARTIST", "MANAGER"] as const;
const NAME_SIZE = "Name must be between 2 and 50 characters";
const BAND_IDS = "java.util.Set<java.lang.Long>";

/**
 * The DTO's constructor sets its role and its setter refuses any other value, explicit null
 * included; Jackson reports the setter's exception as a parse error → 400 (contract §3.2).
 */
function fixedRole(role: Role, dtoName: string) {
  return withField(enumeration(ROLES, ROLE_TYPE), {
    absent: role,
    setter: (value) =>
      value === role
        ? undefined
        : `Problem deserializing property 'role' (expected type: [simple type, class ${ROLE_TYPE}]; actual type: \`${ROLE_TYPE}\`), problem: ${dtoName} can only have${role} role`,
  });
}

const userFields = (role: Role, dtoName: string) => ({
  id: long(),
  username: string(notBlank("username is mandatory")),
  email: string(notBlank("email is mandatory"), email("email should be valid")),
  firstName: string(size(2, 50, NAME_SIZE)),
  lastName: string(size(2, 50, NAME_SIZE)),
  role: fixedRole(role, dtoName),
  password: string(),
});

export const ArtistDto = dto("ArtistDto", "cz.muni.fi.userservice.dto.ArtistDto", {
  ...userFields("ARTIST", "ArtistDTO"),
  stageName: string(),
  bio: string(),
  skills: string(),
  bandIds: withField(longs(BAND_IDS), { absent: [] }),
});

export const ManagerDto = dto("ManagerDto", "cz.muni.fi.userservice.dto.ManagerDto", {
  ...userFields("MANAGER", "ManagerDTO"),
  companyName: string(),
  managedBandIds: withField(longs(BAND_IDS), { absent: [] }),
});

const updateFields = {
  username: string(),
  email: string(),
  firstName: string(),
  lastName: string(),
  role: enumeration(ROLES, ROLE_TYPE),
  password: string(),
};

export const ArtistUpdateDto = dto("ArtistUpdateDto", "cz.muni.fi.userservice.dto.ArtistUpdateDto", {
  ...updateFields,
  stageName: string(),
  bio: string(),
  skills: string(),
  bandIds: longs(BAND_IDS),
});

export const ManagerUpdateDto = dto("ManagerUpdateDto", "cz.muni.fi.userservice.dto.ManagerUpdateDto", {
  ...updateFields,
  companyName: string(),
  managedBandIds: longs(BAND_IDS),
});

export type ArtistInput = BoundDto<typeof ArtistDto>;
export type ManagerInput = BoundDto<typeof ManagerDto>;
export type ArtistUpdate = BoundDto<typeof ArtistUpdateDto>;
export type ManagerUpdate = BoundDto<typeof ManagerUpdateDto>;
