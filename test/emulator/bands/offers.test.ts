import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { assertBoot, assertProblem } from "../../helpers/error-bodies.js";
import { createBand, createOffer, expectedOffer } from "./bands-fixtures.js";
import { recordSends } from "../../helpers/bus.js";

const offerNotFound = (id: string, path: string) =>
  [404, "Band Offer not found", `Band offer with id ${id} was not found`, path] as const;
const closed = (status: string, path: string) =>
  [
    400,
    "Band Offer can no longer be manipulated",
    `Offer was already ${status} and cannot be manipulated anymore!`,
    path,
  ] as const;

describe("band-service: offers", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  const get = (path: string) =>
    t
      .http("bands")
      .get(path)
      .set("Authorization", t.bearer(["test_1"]));
  const offer = (band: number, musician: number, manager = 10) =>
    t
      .http("bands")
      .post(`/api/bands/offers?bandId=${band}&invitedMusicianId=${musician}&offeringManagerId=${manager}`)
      .set("Authorization", t.bearer(["test_2"]));
  const act = (id: number | string, action: "accept" | "reject" | "revokes") =>
    t
      .http("bands")
      .post(`/api/bands/offers/${id}/${action}`)
      .set("Authorization", t.bearer(action === "revokes" ? ["test_2"] : ["test_3"]));

  describe("POST /api/bands/offers", () => {
    it("answers 201 with a PENDING offer", async () => {
      await createBand(t, "Band 1");
      const res = await offer(1, 5);
      assert.equal(res.status, 201);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, expectedOffer(1, 1, 5));
      assert.deepEqual(Object.keys(res.body), Object.keys(expectedOffer(1, 1, 5)));
    });

    it("takes form parameters too", async () => {
      await createBand(t, "Band 1");
      const res = await t
        .http("bands")
        .post("/api/bands/offers")
        .set("Authorization", t.bearer())
        .type("form")
        .send({ bandId: "1", invitedMusicianId: "5", offeringManagerId: "10" });
      assert.equal(res.status, 201);
      assert.deepEqual(res.body, expectedOffer(1, 1, 5));
    });

    it("answers 400 BOOT for a missing or non-numeric parameter", async () => {
      await createBand(t, "Band 1");
      for (const query of [
        "?invitedMusicianId=5&offeringManagerId=10",
        "?bandId=1&offeringManagerId=10",
        "?bandId=1&invitedMusicianId=5",
        "?bandId=1&invitedMusicianId=x&offeringManagerId=10",
      ]) {
        const res = await t.http("bands").post(`/api/bands/offers${query}`).set("Authorization", t.bearer());
        assertBoot(res, 400, "/api/bands/offers");
      }
    });

    it("answers 404 PD for an unknown band first", async () => {
      assertProblem(
        await offer(3, 5, 99),
        404,
        "Band not found",
        "Band with id 3 was not found",
        "/api/bands/offers",
      );
    });

    it("accepts a second PENDING offer for the same band and musician (the check is swapped, Q13)", async () => {
      await createBand(t, "Band 1");
      await createOffer(t, 1, 5);
      const again = await offer(1, 5);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, expectedOffer(2, 1, 5));
    });

    it("answers 400 PD when a PENDING offer exists for the mirrored pair (band = musician, musician = band)", async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2");
      await createOffer(t, 1, 2);
      assertProblem(
        await offer(2, 1),
        400,
        "Band offer already exists",
        "There is already a pending band offer for musician 1 to join band 2",
        "/api/bands/offers",
      );
    });

    it("so a repeated offer is refused only when the band id equals the musician id", async () => {
      await createBand(t, "Band 1");
      await createOffer(t, 1, 1);
      assertProblem(
        await offer(1, 1),
        400,
        "Band offer already exists",
        "There is already a pending band offer for musician 1 to join band 1",
        "/api/bands/offers",
      );
    });

    it("ignores mirrored offers that are no longer PENDING", async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2");
      await createOffer(t, 1, 2);
      await act(1, "reject").expect(201);
      assert.equal((await offer(2, 1)).status, 201);
    });

    it("answers 500 BOOT when the mirrored lookup finds more than one row", async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2");
      await createOffer(t, 1, 2);
      await createOffer(t, 1, 2);
      assertBoot(await offer(2, 1), 500, "/api/bands/offers");
    });

    it("checks the duplicate before the manager", async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2");
      await createOffer(t, 1, 2);
      assert.equal((await offer(2, 1, 77)).body.title, "Band offer already exists");
    });

    it("answers 400 PD Invalid manager when the band has another manager", async () => {
      await createBand(t, "Band 1", 10);
      assertProblem(
        await offer(1, 5, 11),
        400,
        "Invalid manager",
        "The manager 11 is not manager of band 1 and cannot manipulate it",
        "/api/bands/offers",
      );
    });

    it("answers 400 PD when the musician is already a member", async () => {
      await createBand(t, "Band 1");
      await t.http("bands").patch("/api/bands/1/members/5").set("Authorization", t.bearer()).expect(200);
      assertProblem(
        await offer(1, 5),
        400,
        "Member is already part of band",
        "Member with id 5 is already part of band 1",
        "/api/bands/offers",
      );
    });
  });

  describe("reading offers", () => {
    beforeEach(async () => {
      await createBand(t, "Band 1");
      await createBand(t, "Band 2");
      await createOffer(t, 1, 5);
      await createOffer(t, 2, 5);
      await createOffer(t, 2, 6);
      await act(2, "reject").expect(201);
    });

    it("GET /api/bands/offers lists every offer of every status", async () => {
      assert.deepEqual((await get("/api/bands/offers").expect(200)).body, [
        expectedOffer(1, 1, 5),
        expectedOffer(2, 2, 5, "REJECTED"),
        expectedOffer(3, 2, 6),
      ]);
    });

    it("GET /api/bands/offers/{id} answers one; 404 PD for unknown and negative; 400 BOOT non-numeric", async () => {
      assert.deepEqual(
        (await get("/api/bands/offers/2").expect(200)).body,
        expectedOffer(2, 2, 5, "REJECTED"),
      );
      assertProblem(await get("/api/bands/offers/9"), ...offerNotFound("9", "/api/bands/offers/9"));
      assertProblem(await get("/api/bands/offers/-9"), ...offerNotFound("-9", "/api/bands/offers/-9"));
      assertBoot(await get("/api/bands/offers/x"), 400, "/api/bands/offers/x");
    });

    it("GET byBand and byMusician filter by any status; [] for unknown ids", async () => {
      assert.deepEqual((await get("/api/bands/offers/byBand/2").expect(200)).body, [
        expectedOffer(2, 2, 5, "REJECTED"),
        expectedOffer(3, 2, 6),
      ]);
      assert.deepEqual((await get("/api/bands/offers/byMusician/5").expect(200)).body, [
        expectedOffer(1, 1, 5),
        expectedOffer(2, 2, 5, "REJECTED"),
      ]);
      assert.deepEqual((await get("/api/bands/offers/byBand/42").expect(200)).body, []);
      assert.deepEqual((await get("/api/bands/offers/byMusician/42").expect(200)).body, []);
    });

    it("every offer GET needs only test_1 (rule 2 shadows the offer rules, Q4)", async () => {
      for (const path of ["/api/bands/offers", "/api/bands/offers/1", "/api/bands/offers/byBand/1"]) {
        assert.equal((await get(path)).status, 200);
      }
    });
  });

  describe("accept, reject, revoke", () => {
    beforeEach(async () => {
      await createBand(t, "Band 1");
      await createOffer(t, 1, 5);
    });

    it("accept answers 200 with the offer still PENDING and sends one command (Q14)", async () => {
      const sent = recordSends(t);
      const res = await act(1, "accept");
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, expectedOffer(1, 1, 5));
      // By now user-service may already have answered (the artist is unknown): count commands only.
      const [command, ...rest] = sent.filter((message) => message.queue === "band.offer-accept.cmd");
      assert.deepEqual(rest, []);
      assert.equal(command?.type, "cz.muni.fi.events.bandoffer.BandOfferAcceptCommand");
      const payload = command?.payload as Record<string, unknown>;
      assert.deepEqual(Object.keys(payload), [
        "bandOfferId",
        "bandId",
        "invitedMusicianId",
        "offeringManagerId",
        "sagaId",
      ]);
      assert.deepEqual(
        { ...payload, sagaId: undefined },
        {
          bandOfferId: 1,
          bandId: 1,
          invitedMusicianId: 5,
          offeringManagerId: 10,
          sagaId: undefined,
        },
      );
      assert.match(
        payload.sagaId as string,
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      assert.equal(command?.correlationId, payload.sagaId);
    });

    it("reject answers 201 with status REJECTED and sends nothing", async () => {
      const sent = recordSends(t);
      const res = await act(1, "reject");
      assert.equal(res.status, 201);
      assert.deepEqual(res.body, expectedOffer(1, 1, 5, "REJECTED"));
      assert.deepEqual(sent, []);
    });

    it("revoke answers 200 with an empty body and deletes the offer", async () => {
      const res = await act(1, "revokes");
      assert.equal(res.status, 200);
      assert.equal(res.text, "");
      assert.equal(res.headers["content-type"], undefined);
      assertProblem(await get("/api/bands/offers/1"), ...offerNotFound("1", "/api/bands/offers/1"));
    });

    it("each answers 404 PD for an unknown offer", async () => {
      for (const action of ["accept", "reject", "revokes"] as const) {
        const path = `/api/bands/offers/7/${action}`;
        assertProblem(await act(7, action), ...offerNotFound("7", path));
      }
    });

    it("each answers 400 PD once the offer is REJECTED or ACCEPTED", async () => {
      await act(1, "reject").expect(201);
      for (const action of ["accept", "reject", "revokes"] as const) {
        assertProblem(await act(1, action), ...closed("REJECTED", `/api/bands/offers/1/${action}`));
      }
      await createOffer(t, 1, 6);
      t.emu.store.data.tables.band_offers?.forEach((row) => Object.assign(row, { status: "ACCEPTED" }));
      assertProblem(await act(2, "accept"), ...closed("ACCEPTED", "/api/bands/offers/2/accept"));
    });

    it("GET /api/bands/offers/1/accept → 405 (only POST there)", async () => {
      const res = await get("/api/bands/offers/1/accept");
      assertBoot(res, 405, "/api/bands/offers/1/accept");
      assert.equal(res.headers.allow, "POST");
    });
  });
});
