/**
 * Request bodies and helpers shared by the user-service tests.
 */
import assert from "node:assert/strict";
import type { TestEmulator } from "../../helpers/emulator.js";
import { BCRYPT_HASH } from "../../helpers/error-bodies.js";

export function artistBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    username: "xlindemann",
    email: "lindemann_till@email.com",
    firstName: "Till",
    lastName: "Lindemann",
    password: "rammstein",
    stageName: "Till Lindemann",
    bio: "Singer of a German band.",
    skills: "Singer",
    ...overrides,
  };
}

export function managerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    username: "boss",
    email: "boss@label.com",
    firstName: "Big",
    lastName: "Boss",
    password: "secret",
    companyName: "Label Ltd",
    ...overrides,
  };
}

/** The body a fresh artist gets back: the hash checked by shape, everything else exactly. */
export function expectedArtist(id: number, password: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    username: "xlindemann",
    email: "lindemann_till@email.com",
    firstName: "Till",
    lastName: "Lindemann",
    role: "ARTIST",
    password,
    stageName: "Till Lindemann",
    bio: "Singer of a German band.",
    skills: "Singer",
    bandIds: [],
    ...overrides,
  };
}

export function expectedManager(id: number, password: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    username: "boss",
    email: "boss@label.com",
    firstName: "Big",
    lastName: "Boss",
    role: "MANAGER",
    password,
    companyName: "Label Ltd",
    managedBandIds: [],
    ...overrides,
  };
}

/** Checks the password is a BCrypt-shaped hash and returns it, to compare the rest exactly. */
export function hashOf(body: { password?: unknown }): string {
  assert.equal(typeof body.password, "string");
  assert.match(body.password as string, BCRYPT_HASH);
  return body.password as string;
}

export async function createArtist(t: TestEmulator, overrides: Record<string, unknown> = {}) {
  const res = await t
    .http("users")
    .post("/api/artists")
    .set("Authorization", t.bearer())
    .send(artistBody(overrides));
  assert.equal(res.status, 200, res.text);
  return res.body as ReturnType<typeof expectedArtist>;
}

export async function createManager(t: TestEmulator, overrides: Record<string, unknown> = {}) {
  const res = await t
    .http("users")
    .post("/api/managers")
    .set("Authorization", t.bearer())
    .send(managerBody(overrides));
  assert.equal(res.status, 201, res.text);
  return res.body as ReturnType<typeof expectedManager>;
}
