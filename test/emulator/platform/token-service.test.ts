import assert from "node:assert/strict";
import jwt from "jsonwebtoken";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

describe("token service (GET /token)", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  it("answers the real shape: three strings, Java's ZonedDateTime and Set formats", async () => {
    const res = await t.http("auth").get("/token").expect(200);
    assert.equal(res.headers["content-type"], "application/json");
    assert.deepEqual(Object.keys(res.body), ["accessToken", "expiresAt", "scopes"]);
    assert.equal(res.body.scopes, "[openid, profile, test_1, test_2, test_3]");
    assert.match(res.body.expiresAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z\[Etc\/UTC\]$/);
    const claims = jwt.decode(res.body.accessToken) as jwt.JwtPayload;
    assert.equal(claims.scope, "test_1 test_2 test_3");
    assert.equal(claims.exp! - claims.iat!, 3600);
    for (const claim of ["sub", "iss", "jti"]) assert.equal(typeof claims[claim], "string");
  });

  it("narrows the scopes with ?scope= (space or comma separated)", async () => {
    const spaced = await t.http("auth").get("/token?scope=test_1%20test_3").expect(200);
    assert.equal(spaced.body.scopes, "[openid, profile, test_1, test_3]");
    const comma = await t.http("auth").get("/token?scope=test_2").expect(200);
    assert.equal((jwt.decode(comma.body.accessToken) as jwt.JwtPayload).scope, "test_2");
  });

  it("refuses an unknown scope with an OAuth error", async () => {
    const res = await t.http("auth").get("/token?scope=admin").expect(400);
    assert.deepEqual(res.body, { error: "invalid_scope", error_description: "Unknown scope: admin" });
  });

  it("sets the lifetime with ?ttl=", async () => {
    const res = await t.http("auth").get("/token?ttl=10m").expect(200);
    const claims = jwt.decode(res.body.accessToken) as jwt.JwtPayload;
    assert.equal(claims.exp! - claims.iat!, 600);
  });
});
