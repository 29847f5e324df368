import assert from "node:assert/strict";
import { createHmac, createPublicKey, generateKeyPairSync, type JsonWebKey } from "node:crypto";
import jwt from "jsonwebtoken";
import { fixedClock } from "../../../emulator/core/clock.js";
import { resolveBearer } from "../../../emulator/core/security/bearer.js";
import { decodeSegments, refuse } from "../../../emulator/core/security/firewall.js";
import { HttpSessions, savesRequest } from "../../../emulator/core/security/sessions.js";
import { TokenAuthority } from "../../../emulator/core/security/tokens.js";

describe("bearer token resolution (DefaultBearerTokenResolver)", () => {
  const table: [string | undefined, ReturnType<typeof resolveBearer>][] = [
    [undefined, { kind: "none" }],
    ["Basic dXNlcjpwYXNz", { kind: "none" }],
    ["Bearer abc.DEF-ghi_~+/==", { kind: "token", token: "abc.DEF-ghi_~+/==" }],
    ["bearer abc", { kind: "token", token: "abc" }],
    ["BEARER abc", { kind: "token", token: "abc" }],
    ["Bearer ", { kind: "malformed" }],
    ["Bearer", { kind: "malformed" }],
    ["Bearer  abc", { kind: "malformed" }],
    ["Bearer a b", { kind: "malformed" }],
    ["Bearer abc=def", { kind: "malformed" }],
    ["Bearerabc", { kind: "malformed" }],
  ];
  for (const [header, expected] of table) {
    it(`${JSON.stringify(header)} → ${expected.kind}`, () =>
      assert.deepEqual(resolveBearer(header), expected));
  }
});

describe("saved-request matcher (HttpSessionRequestCache's default)", () => {
  const table: [string, string, Record<string, string>, boolean][] = [
    ["GET", "/api/bands", {}, true],
    ["GET", "/api/bands", { accept: "*/*" }, true],
    ["GET", "/api/bands", { accept: "text/html" }, true],
    ["GET", "/api/bands", { accept: "text/plain, application/xml" }, true],
    ["GET", "/api/bands", { accept: "application/json" }, false],
    ["GET", "/api/bands", { accept: "application/*" }, false],
    ["GET", "/api/bands", { accept: "application/*+json" }, false],
    // A browser's */*;q=0.8 is not exactly */*, so it counts, and it takes JSON.
    ["GET", "/api/bands", { accept: "text/html,application/xhtml+xml,*/*;q=0.8" }, false],
    ["GET", "/api/bands", { accept: "multipart/form-data" }, false],
    ["GET", "/api/bands", { accept: "text/event-stream" }, false],
    ["GET", "/api/bands", { "x-requested-with": "XMLHttpRequest" }, false],
    ["GET", "/api/favicon.ico", {}, false],
    ["POST", "/api/bands", {}, false],
    ["DELETE", "/api/bands", {}, false],
  ];
  for (const [method, path, headers, saved] of table) {
    it(`${method} ${path} ${JSON.stringify(headers)} → ${saved ? "saved" : "not saved"}`, () =>
      assert.equal(savesRequest(method, path, headers), saved));
  }

  it("opens a session once per client: a cookie it issued is known, another id is not", () => {
    const sessions = new HttpSessions();
    const first = sessions.ensure(undefined);
    assert.match(String(first), /^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
    const id = String(first).slice("JSESSIONID=".length, "JSESSIONID=".length + 32);
    assert.equal(sessions.ensure(`other=1; JSESSIONID=${id}`), undefined);
    assert.match(String(sessions.ensure("JSESSIONID=0123456789ABCDEF0123456789ABCDEF")), /^JSESSIONID=/);
  });
});

describe("request firewall (Tomcat + StrictHttpFirewall)", () => {
  const table: [string, string, number | undefined][] = [
    ["GET", "/api/bands", undefined],
    ["GET", "/api/b%61nds", undefined],
    ["TRACE", "/api/bands", 405],
    ["PROPFIND", "/api/bands", 400],
    ["GET", "/api//bands", 400],
    ["GET", "/api/./bands", 400],
    ["GET", "/api/bands/..", 400],
    ["GET", "/api/bands;jsessionid=1", 400],
    ["GET", "/api/bands%2F1", 400],
    ["GET", "/api/bands%252F", 400],
    ["GET", "/api/bands\\1", 400],
  ];
  for (const [method, path, status] of table) {
    it(`${method} ${path} → ${status ?? "passes"}`, () => assert.equal(refuse(method, path)?.status, status));
  }

  it("decodes segments and reports broken encodings", () => {
    assert.deepEqual(decodeSegments("/api/b%61nds/"), ["api", "bands", ""]);
    assert.equal(decodeSegments("/api/%zz"), undefined);
  });
});

describe("token authority", () => {
  const start = Date.UTC(2025, 4, 21, 12);
  const clock = fixedClock(start);
  const authority = new TokenAuthority(
    {
      issuer: "http://127.0.0.1:8084",
      signing: { kind: "generated" },
      defaultTtlSeconds: 3600,
      leewaySeconds: 2,
    },
    clock,
  );
  const now = () => Math.floor(clock.now() / 1000);
  /** The public key as the PEM text an attacker would HMAC with. */
  const publicPem = () =>
    createPublicKey({ key: authority.jwks().keys[0] as JsonWebKey, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
  afterEach(() => clock.set(start));

  it("accepts its own tokens with their scopes", () => {
    const { token } = authority.issue({ scopes: ["test_1", "test_3"] });
    assert.deepEqual([...(authority.verify(token)?.scopes ?? [])], ["test_1", "test_3"]);
  });

  it("expires tokens after their lifetime plus the leeway", () => {
    const { token } = authority.issue({ scopes: ["test_1"], ttlSeconds: 10 });
    clock.advance(11_000);
    assert.ok(authority.verify(token), "within the 2 s leeway");
    clock.advance(1_000);
    assert.equal(authority.verify(token), undefined);
  });

  it("refuses a token that is not yet valid", () => {
    const { token } = authority.issue({ scopes: ["test_1"], notBeforeSeconds: 60 });
    assert.equal(authority.verify(token), undefined);
    clock.advance(60_000);
    assert.ok(authority.verify(token));
  });

  it("refuses alg none, a tampered payload, another issuer and an HS256 token signed with the public key", () => {
    const { token } = authority.issue({ scopes: ["test_1"] });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: "test_1 test_2 test_3" })).toString("base64url")}.${signature}`;
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const foreignIssuer = jwt.sign({ ...claims, iss: "https://evil.example" }, otherKey, {
      algorithm: "RS256",
    });
    const pem = publicPem();
    const hsHeader = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
    const confused = `${hsHeader}.${payload}.${createHmac("sha256", pem).update(`${hsHeader}.${payload}`).digest("base64url")}`;
    for (const bad of [none, tampered, foreignIssuer, confused, "not-a-jwt", "x".repeat(10_000)]) {
      assert.equal(authority.verify(bad), undefined, bad.slice(0, 40));
    }
  });

  it("refuses a token whose signature's last character was changed within its unused bits", () => {
    const { token } = authority.issue({ scopes: ["test_1"] });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(token.at(-1) as string);
    // 256 signature bytes are 342 characters, the last holding 2 bits of data and 4 unused ones.
    const sameBytes = `${token.slice(0, -1)}${alphabet[last ^ 0b1111]}`;
    const signature = (t: string) => Buffer.from(t.slice(t.lastIndexOf(".") + 1), "base64url");
    assert.deepEqual(signature(sameBytes), signature(token));
    assert.ok(authority.verify(token));
    assert.equal(authority.verify(sameBytes), undefined);
    assert.deepEqual(authority.introspect(sameBytes), { active: false });
  });

  it("authenticates a token whose scope is not a string, with no authorities", () => {
    const secret = new TokenAuthority(
      {
        issuer: "http://emu",
        signing: { kind: "secret", secret: "s" },
        defaultTtlSeconds: 60,
        leewaySeconds: 0,
      },
      clock,
    );
    const token = jwt.sign(
      { sub: "x", scope: ["test_1"], iat: now(), exp: now() + 60, iss: "http://emu" },
      "s",
      { algorithm: "HS256" },
    );
    assert.deepEqual([...(secret.verify(token)?.scopes ?? ["unexpected"])], []);
  });

  it("introspects like RFC 7662", () => {
    const { token, claims } = authority.issue({ scopes: ["test_2"] });
    assert.deepEqual(authority.introspect(token), {
      active: true,
      scope: "test_2",
      client_id: "soundcheck",
      username: claims.sub,
      token_type: "Bearer",
      exp: claims.exp,
      iat: claims.iat,
      sub: claims.sub,
      iss: "http://127.0.0.1:8084",
      jti: claims.jti,
    });
    assert.deepEqual(authority.introspect("garbage"), { active: false });
  });
});
