import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

describe("band-service: /v3/api-docs lists what it serves", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  it("has every path and method of §4.3, with the create parameters in the query", async () => {
    const res = await t.http("bands").get("/v3/api-docs").expect(200);
    const operations = Object.entries(res.body.paths as Record<string, object>).map(
      ([path, item]) => `${Object.keys(item).sort().join(",")} ${path}`,
    );
    assert.deepEqual(operations.sort(), [
      "delete,patch /api/bands/{bandId}/members/{memberId}",
      "get /api/bands/offers/byBand/{bandId}",
      "get /api/bands/offers/byMusician/{musicianId}",
      "get /api/bands/offers/{offerId}",
      "get,patch /api/bands/{id}",
      "get,post /api/bands",
      "get,post /api/bands/offers",
      "post /api/bands/offers/{offerId}/accept",
      "post /api/bands/offers/{offerId}/reject",
      "post /api/bands/offers/{offerId}/revokes",
    ]);
    const create = res.body.paths["/api/bands"].post;
    assert.deepEqual(
      create.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
      ["query:name", "query:musicalStyle", "query:managerId"],
    );
  });
});
