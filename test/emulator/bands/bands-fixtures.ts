/**
 * Helpers shared by the band-service tests.
 */
import assert from "node:assert/strict";
import type { TestEmulator } from "../../helpers/emulator.js";

export interface BandBody {
  id: number;
  name: string;
  musicalStyle: string;
  logo: null;
  managerId: number;
  members: number[];
}

export function expectedBand(id: number, overrides: Partial<BandBody> = {}): BandBody {
  return {
    id,
    name: `Band ${id}`,
    musicalStyle: "Rock",
    logo: null,
    managerId: 10,
    members: [],
    ...overrides,
  };
}

export async function createBand(
  t: TestEmulator,
  name: string,
  managerId = 10,
  style = "Rock",
): Promise<BandBody> {
  const query = new URLSearchParams({ name, musicalStyle: style, managerId: String(managerId) });
  const res = await t.http("bands").post(`/api/bands?${query}`).set("Authorization", t.bearer());
  assert.equal(res.status, 201, res.text);
  return res.body as BandBody;
}

export async function createOffer(t: TestEmulator, bandId: number, musicianId: number, managerId = 10) {
  const res = await t
    .http("bands")
    .post(`/api/bands/offers?bandId=${bandId}&invitedMusicianId=${musicianId}&offeringManagerId=${managerId}`)
    .set("Authorization", t.bearer());
  assert.equal(res.status, 201, res.text);
  return res.body as { id: number; status: string };
}

export function expectedOffer(
  id: number,
  bandId: number,
  musicianId: number,
  status = "PENDING",
  managerId = 10,
) {
  return { id, bandId, invitedMusicianId: musicianId, offeringManagerId: managerId, status };
}
