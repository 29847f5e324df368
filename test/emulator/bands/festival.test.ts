import assert from "node:assert/strict";
import { readFixture } from "../../../emulator/fixtures/fixtures.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

interface Festival {
  users: { artists: { id: number; bandIds: number[] }[]; managers: { id: number }[] };
  bands: { bands: { id: number; members: number[]; managerId: number }[]; offers: { id: number }[] };
}

describe("the festival fixture in user- and band-service", () => {
  let t: TestEmulator;
  let festival: Festival;
  before(async () => {
    const fixture = await readFixture("festival");
    festival = fixture as unknown as Festival;
    t = await testEmulator({ fixtures: fixture });
  });
  after(() => t.emu.close());

  it("loads every user, band and offer; the counters continue after them", async () => {
    const get = (service: "users" | "bands", path: string) =>
      t.http(service).get(path).set("Authorization", t.bearer()).expect(200);
    assert.equal((await get("users", "/api/artists")).body.length, festival.users.artists.length);
    assert.equal((await get("users", "/api/managers")).body.length, festival.users.managers.length);
    assert.equal((await get("bands", "/api/bands/offers")).body.length, festival.bands.offers.length);
    const counters = t.emu.store.counters();
    assert.equal(counters.users, festival.users.artists.length + festival.users.managers.length);
    assert.equal(counters.bands, festival.bands.bands.length);
    assert.equal(counters.band_offers, festival.bands.offers.length);
  });

  it("answers a band's members through the artists' bandIds index", async () => {
    const band = festival.bands.bands.find((b) => b.members.length > 1) as Festival["bands"]["bands"][number];
    const res = await t
      .http("users")
      .get(`/api/artists/bands?bandIds=${band.id}`)
      .set("Authorization", t.bearer())
      .expect(200);
    assert.deepEqual(
      res.body.map((artist: { id: number }) => artist.id),
      [...band.members].sort((a, b) => a - b),
    );
    const managers = await t
      .http("users")
      .get(`/api/managers/bands?bandIds=${band.id}`)
      .set("Authorization", t.bearer())
      .expect(200);
    assert.deepEqual(
      managers.body.map((manager: { id: number }) => manager.id),
      [band.managerId],
    );
  });
});
