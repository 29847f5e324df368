import assert from "node:assert/strict";
import jwt from "jsonwebtoken";
import { fixedClock } from "../../../emulator/core/clock.js";
import { CHALLENGE } from "../../../emulator/core/security/bearer.js";
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

describe("token service (standard endpoints)", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  it("issues RFC 6749 client-credentials tokens on POST /token", async () => {
    const res = await t
      .http("auth")
      .post("/token")
      .auth("my-client", "secret")
      .type("form")
      .send("grant_type=client_credentials&scope=test_1")
      .expect(200);
    assert.deepEqual(Object.keys(res.body), ["access_token", "token_type", "expires_in", "scope"]);
    assert.equal(res.body.token_type, "Bearer");
    assert.equal(res.body.expires_in, 3600);
    assert.equal(res.body.scope, "test_1");
    assert.equal((jwt.decode(res.body.access_token) as jwt.JwtPayload).client_id, "my-client");
  });

  it("reads a Basic client id form-decoded, as RFC 6749 §2.3.1 sends it", async () => {
    const clientOf = async (basic: string) => {
      const res = await t
        .http("auth")
        .post("/token")
        .set("Authorization", `Basic ${Buffer.from(basic).toString("base64")}`)
        .type("form")
        .send("grant_type=client_credentials")
        .expect(200);
      return (jwt.decode(res.body.access_token) as jwt.JwtPayload).client_id;
    };
    assert.equal(await clientOf("my+client:secret"), "my client");
    assert.equal(await clientOf("caf%C3%A9:secret"), "café");
    assert.equal(await clientOf("100%:secret"), "100%");
  });

  it("answers OAuth errors for a missing or unsupported grant", async () => {
    const missing = await t.http("auth").post("/token").type("form").send("scope=test_1").expect(400);
    assert.deepEqual(missing.body, { error: "invalid_request", error_description: "Missing grant_type" });
    const password = await t.http("auth").post("/token").type("form").send("grant_type=password").expect(400);
    assert.deepEqual(password.body, {
      error: "unsupported_grant_type",
      error_description: "Unsupported grant type: password",
    });
  });

  it("introspects its tokens (RFC 7662), so a real resource server can use it", async () => {
    const token = t.token(["test_2"]);
    const active = await t.http("auth").post("/introspect").type("form").send(`token=${token}`).expect(200);
    assert.equal(active.body.active, true);
    assert.equal(active.body.scope, "test_2");
    const inactive = await t.http("auth").post("/introspect").type("form").send("token=nope").expect(200);
    assert.deepEqual(inactive.body, { active: false });
  });

  it("publishes OIDC discovery pointing at its endpoints", async () => {
    const res = await t.http("auth").get("/.well-known/openid-configuration").expect(200);
    const issuer = t.emu.tokens.issuer;
    assert.equal(res.body.issuer, issuer);
    assert.equal(res.body.token_endpoint, `${issuer}/token`);
    assert.equal(res.body.introspection_endpoint, `${issuer}/introspect`);
    assert.equal(res.body.jwks_uri, `${issuer}/.well-known/jwks.json`);
    assert.deepEqual(res.body.grant_types_supported, ["client_credentials"]);
  });

  it("publishes the RSA public key as a JWK set, never a shared secret", async () => {
    const rsa = await testEmulator({ auth: { signing: { kind: "generated" } } });
    try {
      const res = await rsa.http("auth").get("/.well-known/jwks.json").expect(200);
      const [key] = res.body.keys;
      assert.equal(key.kty, "RSA");
      assert.equal(key.alg, "RS256");
      assert.equal(key.use, "sig");
      assert.equal(key.kid, rsa.emu.tokens.keyId);
      assert.equal(key.d, undefined, "no private part");
    } finally {
      rsa.emu.close();
    }
    const hs = await t.http("auth").get("/.well-known/jwks.json").expect(200);
    assert.deepEqual(hs.body, { keys: [] });
  });

  it("redirects other paths to the login like the real auth-service does to a visitor", async () => {
    const health = await t.http("auth").get("/health").set("Host", "localhost:8084").expect(302);
    assert.equal(health.headers.location, "http://localhost:8084/oauth2/authorization/muni");
    assert.match(String(health.headers["set-cookie"]), /^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
    // A client that asks for JSON is redirected all the same, but the request cache does not
    // save its request, so no session is opened; nor for OPTIONS (not CSRF-checked, not saved).
    const json = await t.http("auth").get("/health").set("Accept", "application/json").expect(302);
    assert.equal(json.headers["set-cookie"], undefined);
    const options = await t.http("auth").options("/token").set("Host", "localhost:8084").expect(302);
    assert.equal(options.headers.location, "http://localhost:8084/oauth2/authorization/muni");
    assert.equal(options.headers["set-cookie"], undefined);
    const idp = await t
      .http("auth")
      .get("/oauth2/authorization/muni")
      .set("Host", "localhost:8084")
      .expect(302);
    assert.match(
      String(idp.headers.location),
      /^https:\/\/id\.muni\.cz\/oidc\/authorize\?response_type=code&client_id=soundcheck&scope=openid%20profile%20test_1%20test_2%20test_3&state=[\w-]+&redirect_uri=http:\/\/localhost:8084\/login\/oauth2\/code\/muni&nonce=[\w-]+$/,
    );
  });

  it("answers / and the docs paths (permitAll, served by nothing) with 404, writes with the CSRF 403", async () => {
    for (const path of ["/", "/v3/api-docs"]) {
      const res = await t.http("auth").options(path).expect(404);
      assert.equal(res.body.status, 404);
      assert.equal(res.body.path, path);
    }
    assert.equal((await t.http("auth").delete("/token").expect(403)).body.error, "Forbidden");
  });

  it("sits behind the same firewall as the resource services", async () => {
    const doubled = await t.http("auth").get("//token").expect(400);
    assert.equal(doubled.body.error, "Bad Request");
    assert.equal(doubled.body.path, "//token");
    const trace = await t.http("auth").trace("/token").expect(405);
    assert.equal(trace.headers.allow, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
  });
});

describe("token service and the resource services share one clock", () => {
  const start = Date.UTC(2025, 4, 21, 12, 0, 0);
  const clock = fixedClock(start);
  let t: TestEmulator;
  beforeEach(async () => {
    clock.set(start);
    t = await testEmulator({ clock });
  });
  afterEach(() => t.emu.close());

  async function bandsWith(token: string) {
    const res = await t.http("bands").get("/api/bands").set("Authorization", `Bearer ${token}`);
    return { status: res.status, challenge: res.headers["www-authenticate"] };
  }

  it("a token stays active a 2 s clock-skew leeway past its expiresAt, then is inactive", async () => {
    const res = await t.http("auth").get("/token?ttl=10").expect(200);
    assert.equal(res.body.expiresAt, "2025-05-21T12:00:10Z[Etc/UTC]");
    clock.advance(11_999);
    assert.deepEqual(await bandsWith(res.body.accessToken), { status: 200, challenge: undefined });
    clock.advance(1);
    assert.deepEqual(await bandsWith(res.body.accessToken), { status: 401, challenge: CHALLENGE.inactive });
    const introspected = await t
      .http("auth")
      .post("/introspect")
      .type("form")
      .send(`token=${res.body.accessToken}`)
      .expect(200);
    assert.deepEqual(introspected.body, { active: false });
  });

  it("refuses a ?ttl= or ?nbf= beyond the dates Java prints, instead of a NaN expiresAt and a null exp", async () => {
    const last = (Date.UTC(9999, 11, 31, 23, 59, 59) - start) / 1000;
    const edge = await t.http("auth").get(`/token?ttl=${last}`).expect(200);
    assert.equal(edge.body.expiresAt, "9999-12-31T23:59:59Z[Etc/UTC]");
    const refusals = {
      [`ttl=${last + 1}`]: `ttl: out of range '${last + 1}'`,
      "ttl=99999999999999": "ttl: out of range '99999999999999'",
      [`ttl=${"9".repeat(400)}`]: `ttl: out of range '${"9".repeat(400)}'`,
      "ttl=99999999999999h": "ttl: out of range '99999999999999h'",
      "ttl=-99999999999": "ttl: out of range '-99999999999'",
      "nbf=99999999999999": "nbf: out of range '99999999999999'",
    };
    for (const [query, text] of Object.entries(refusals)) {
      const res = await t.http("auth").get(`/token?${query}`).expect(400);
      assert.deepEqual(
        res.body,
        {
          error: "invalid_request",
          error_description: `${text} (the instant must fall in the years 1970 to 9999)`,
        },
        query,
      );
    }
  });

  it("?ttl=-60 is expired and ?nbf=60 not valid yet, beyond the leeway", async () => {
    for (const query of ["ttl=-60", "ttl=-3", "nbf=60", "nbf=3"]) {
      const res = await t.http("auth").get(`/token?${query}`).expect(200);
      assert.deepEqual(
        await bandsWith(res.body.accessToken),
        { status: 401, challenge: CHALLENGE.inactive },
        query,
      );
    }
  });
});
