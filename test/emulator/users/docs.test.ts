import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

describe("user-service: /v3/api-docs lists what it serves", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  it("has every path and method of §3.3 and the four DTO schemas", async () => {
    const res = await t.http("users").get("/v3/api-docs").expect(200);
    const operations = Object.entries(res.body.paths as Record<string, object>).map(
      ([path, item]) => `${Object.keys(item).sort().join(",")} ${path}`,
    );
    assert.deepEqual(operations.sort(), [
      "delete,get,put /api/artists/{id}",
      "delete,get,put /api/managers/{id}",
      "get /api/artists/bands",
      "get /api/artists/username/{username}",
      "get /api/managers/bands",
      "get,post /api/artists",
      "get,post /api/managers",
      "patch /api/artists/bands/{artistId}",
      "patch /api/artists/link/{artistId}/{bandId}",
      "patch /api/artists/unlink/{artistId}/{bandId}",
      "patch /api/managers/bands/{managerId}",
    ]);
    assert.deepEqual(Object.keys(res.body.components.schemas), [
      "ArtistDto",
      "ArtistUpdateDto",
      "ManagerDto",
      "ManagerUpdateDto",
    ]);
    assert.deepEqual(res.body.components.schemas.ArtistDto.required, ["username", "email"]);
  });
});
