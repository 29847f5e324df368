/**
 * Bands and their members (contract §4.3). Checks come first, changes after, synchronously: two
 * racing creates of one name cannot both pass the existence check.
 */
import type { Id } from "../../core/dto/schema.js";
import { UnhandledError } from "../../core/http/errors.js";
import type { Store } from "../../core/store/store.js";
import { BANDS_BY_NAME, BANDS_COUNTER, type BandCollections, type BandRow } from "./collections.js";
import { firstTooLong } from "../jpa-errors.js";
import { storedId } from "../stored-id.js";
import { alreadyMember, bandAlreadyExists, bandNotFound, notMember } from "./errors.js";
import type { BandInfoUpdate } from "./validation.js";

const INSERT = "insert into band (logo_url,manager_id,musical_style,name,id) values (?,?,?,?,default)";
const UPDATE = "update band set logo_url=?,manager_id=?,musical_style=?,name=? where id=?";

export class BandDomain {
  constructor(
    private readonly collections: BandCollections,
    private readonly store: Store,
  ) {}

  list(): readonly BandRow[] {
    return this.collections.bands.all();
  }

  find(id: Id): BandRow {
    const band = this.collections.bands.get(id);
    if (!band) throw bandNotFound(id);
    return band;
  }

  /** The manager is not checked: no service asks another whether an id exists (§1.1). */
  create(name: string, musicalStyle: string, managerId: Id): BandRow {
    const { bands } = this.collections;
    const holders = bands.countUnique(BANDS_BY_NAME, name);
    // findByName returns an Optional: two bands of that name (made by PATCH) make it throw → 500.
    if (holders > 1) {
      throw new UnhandledError(`Query did not return a unique result: ${holders} results were returned`);
    }
    if (holders === 1) throw bandAlreadyExists(name);
    // H2 draws the identity value before the column refuses an over-long value: the id is spent.
    const id = this.store.nextId(BANDS_COUNTER);
    const refused = firstTooLong(
      [
        ["name", name],
        ["musical_style", musicalStyle],
      ],
      INSERT,
    );
    if (refused) throw refused;
    return bands.insert({
      id,
      name,
      musicalStyle,
      logoUrl: null,
      managerId: storedId(managerId),
      members: [],
    });
  }

  /**
   * PATCH is a full overwrite that also clears the members (§4.3, Q12). Missing required values
   * violate NOT NULL columns at commit: a 500, but only once the band was found (404 first).
   */
  overwrite(id: Id, info: BandInfoUpdate): BandRow {
    const band = this.find(id);
    const { name, musicalStyle, managerId, logoUrl } = info;
    if (name === null || musicalStyle === null || managerId === null) {
      throw new UnhandledError(
        `could not execute statement [NULL not allowed for column "${name === null ? "NAME" : musicalStyle === null ? "MUSICAL_STYLE" : "MANAGER_ID"}"]`,
      );
    }
    const refused = firstTooLong(
      [
        ["name", name],
        ["musical_style", musicalStyle],
        ["logo_url", logoUrl],
      ],
      UPDATE,
    );
    if (refused) throw refused;
    return this.collections.bands.update(band, (row) => {
      row.name = name;
      row.musicalStyle = musicalStyle;
      row.logoUrl = logoUrl;
      row.managerId = managerId;
      row.members = [];
    });
  }

  /** Directly, without telling user-service (§7.1, Q15). */
  addMember(bandId: Id, memberId: Id): BandRow {
    const band = this.find(bandId);
    const member = storedId(memberId);
    if (band.members.includes(member)) throw alreadyMember(bandId, memberId);
    return this.setMembers(band, [...band.members, member]);
  }

  removeMember(bandId: Id, memberId: Id): BandRow {
    const band = this.find(bandId);
    const member = storedId(memberId);
    if (!band.members.includes(member)) throw notMember(bandId, memberId);
    return this.setMembers(
      band,
      band.members.filter((id) => id !== member),
    );
  }

  /** Adding to the set again is no error (the saga's step 5). */
  setMembers(band: BandRow, members: number[]): BandRow {
    const sorted = [...new Set(members)].sort((a, b) => a - b);
    return this.collections.bands.update(band, (row) => {
      row.members = sorted;
    });
  }
}
