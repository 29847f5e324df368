import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { createArtist, createManager } from "../users/users-fixtures.js";
import { createBand, createOffer, expectedOffer } from "./bands-fixtures.js";
import { holdCommands, recordSends } from "../../helpers/bus.js";

/** Contract §7.2: every branch of the offer-acceptance saga, through both services. */
describe("offer-acceptance saga (band-service ↔ user-service)", () => {
  let t: TestEmulator;
  let log: string[];
  beforeEach(async () => {
    log = [];
    t = await testEmulator({ log: (line) => log.push(line) });
  });
  afterEach(() => t.emu.close());

  const accept = (id: number) =>
    t
      .http("bands")
      .post(`/api/bands/offers/${id}/accept`)
      .set("Authorization", t.bearer(["test_3"]));
  const offerStatus = async (id: number) =>
    (await t.http("bands").get(`/api/bands/offers/${id}`).set("Authorization", t.bearer())).body.status;
  const members = async (bandId: number) =>
    (await t.http("bands").get(`/api/bands/${bandId}`).set("Authorization", t.bearer())).body.members;
  const bandIdsOf = async (artistId: number) =>
    (await t.http("users").get(`/api/artists/${artistId}`).set("Authorization", t.bearer())).body.bandIds;
  const queues = (messages: { queue: string }[]) => messages.map((message) => message.queue);

  /** Manager 1, artist 2, band 1 managed by manager 1, offer 1 for the artist. */
  async function scene(): Promise<void> {
    await createManager(t);
    await createArtist(t);
    await createBand(t, "Band 1", 1);
    await createOffer(t, 1, 2, 1);
  }

  it("artist found: the artist is linked, then the offer ACCEPTED and the musician a member", async () => {
    await scene();
    const sent = recordSends(t);
    const res = await accept(1);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, expectedOffer(1, 1, 2, "PENDING", 1));
    await t.emu.bus.idle();
    assert.equal(await offerStatus(1), "ACCEPTED");
    assert.deepEqual(await members(1), [2]);
    assert.deepEqual(await bandIdsOf(2), [1]);
    assert.deepEqual(queues(sent), ["band.offer-accept.cmd", "band.offer-accept.ok"]);
    assert.equal(sent[1]?.type, "cz.muni.fi.events.bandoffer.BandOfferAcceptOkEvent");
    assert.deepEqual(sent[1]?.payload, sent[0]?.payload);
    assert.equal(sent[1]?.correlationId, sent[0]?.payload.sagaId);
    assert.deepEqual(t.emu.bus.deadLetters(), []);
    const sagaId = sent[0]?.payload.sagaId as string;
    assert.deepEqual(log, [
      `saga ${sagaId}: offer 1 accept requested, command sent`,
      `saga ${sagaId}: artist 2 linked to band 1 for offer 1`,
      `saga ${sagaId}: offer 1 ACCEPTED, musician 2 joined band 1`,
    ]);
    const again = await accept(1);
    assert.equal(again.body.detail, "Offer was already ACCEPTED and cannot be manipulated anymore!");
  });

  it("artist missing: a failed event, only logged; the offer stays PENDING and can still be rejected", async () => {
    await createBand(t, "Band 1", 1);
    await createOffer(t, 1, 9, 1);
    const sent = recordSends(t);
    await accept(1).expect(200);
    await t.emu.bus.idle();
    assert.deepEqual(queues(sent), ["band.offer-accept.cmd", "band.offer-accept.failed"]);
    assert.equal(sent[1]?.type, "cz.muni.fi.events.bandoffer.BandOfferAcceptFailedEvent");
    assert.equal(await offerStatus(1), "PENDING");
    assert.deepEqual(await members(1), []);
    const sagaId = sent[0]?.payload.sagaId as string;
    assert.deepEqual(log.slice(1), [
      `saga ${sagaId}: offer 1 not accepted: no artist with id 9`,
      `saga ${sagaId}: warning: offer 1 stays PENDING, user-service refused it`,
    ]);
    const reject = await t.http("bands").post("/api/bands/offers/1/reject").set("Authorization", t.bearer());
    assert.equal(reject.status, 201);
  });

  it("the invited id is a manager's: not an artist, so the same failure; the manager is untouched", async () => {
    await createManager(t);
    await createBand(t, "Band 1", 1);
    await createOffer(t, 1, 1, 1);
    await accept(1).expect(200);
    await t.emu.bus.idle();
    assert.equal(await offerStatus(1), "PENDING");
    const manager = await t.http("users").get("/api/managers/1").set("Authorization", t.bearer());
    assert.deepEqual(manager.body.managedBandIds, []);
  });

  it("artist already linked: the command is redelivered until dead-lettered and nothing changes", async () => {
    await scene();
    await t.http("users").patch("/api/artists/link/2/1").set("Authorization", t.bearer()).expect(200);
    const sent = recordSends(t);
    await accept(1).expect(200);
    await t.emu.bus.idle();
    assert.deepEqual(queues(sent), ["band.offer-accept.cmd"]);
    const [dead, ...more] = t.emu.bus.deadLetters();
    assert.deepEqual(more, []);
    assert.equal(dead?.queue, "band.offer-accept.cmd");
    assert.equal(dead?.deliveries, 10);
    assert.equal(dead?.lastError, "Artist with id 2 is already linked to band 1");
    assert.equal(await offerStatus(1), "PENDING");
    assert.deepEqual(await members(1), []);
    assert.deepEqual(await bandIdsOf(2), [1]);
    assert.match(log.at(-1) ?? "", /dead-lettered after 10 deliveries/);
  });

  for (const [what, act, status] of [
    ["rejected", "reject", 201],
    ["revoked", "revokes", 200],
  ] as const) {
    it(`offer ${what} in between: the artist stays linked, the confirmation is dead-lettered`, async () => {
      await scene();
      const hold = holdCommands(t);
      await accept(1).expect(200);
      assert.equal(hold.held, 1);
      const res = await t.http("bands").post(`/api/bands/offers/1/${act}`).set("Authorization", t.bearer());
      assert.equal(res.status, status);
      hold.release();
      await t.emu.bus.idle();
      assert.deepEqual(await bandIdsOf(2), [1]);
      assert.deepEqual(await members(1), []);
      const dead = t.emu.bus.deadLetters();
      assert.deepEqual(queues(dead), ["band.offer-accept.ok"]);
      assert.equal(
        dead[0]?.lastError,
        act === "reject"
          ? "Offer was already REJECTED and cannot be manipulated anymore!"
          : "Band offer with id 1 was not found",
      );
      const offer = await t.http("bands").get("/api/bands/offers/1").set("Authorization", t.bearer());
      assert.equal(offer.status, act === "reject" ? 200 : 404);
    });
  }

  it("a band overwritten by PATCH after the offer was made still gets the member", async () => {
    await scene();
    await t
      .http("bands")
      .patch("/api/bands/1")
      .set("Authorization", t.bearer())
      .send({ name: "New", musicalStyle: "Pop", managerId: 1 })
      .expect(200);
    await accept(1).expect(200);
    await t.emu.bus.idle();
    assert.deepEqual(await members(1), [2]);
  });

  it("accept twice while PENDING: two commands, accepted once, the second dead-lettered", async () => {
    await scene();
    const hold = holdCommands(t);
    assert.equal((await accept(1)).body.status, "PENDING");
    assert.equal((await accept(1)).body.status, "PENDING");
    assert.equal(hold.held, 2);
    hold.release();
    await t.emu.bus.idle();
    assert.equal(await offerStatus(1), "ACCEPTED");
    assert.deepEqual(await members(1), [2]);
    assert.deepEqual(await bandIdsOf(2), [1]);
    const dead = t.emu.bus.deadLetters();
    assert.deepEqual(queues(dead), ["band.offer-accept.cmd"]);
    assert.equal(dead[0]?.deliveries, 10);
  });
});
