import assert from "node:assert/strict";
import { captureExchange, recordHeaders, type RawExchange } from "../../common/recording/index.js";

// A JWT-shaped value: header {"alg":"HS256"}, payload {"sub":"x"}, a signature.
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

function exchange(overrides: Partial<RawExchange>): RawExchange {
  return {
    time: 1000,
    session: "s",
    service: "auth",
    method: "GET",
    path: "/token",
    query: "",
    requestHeaders: {},
    requestBody: undefined,
    status: 200,
    responseHeaders: [],
    responseBody: undefined,
    durationMs: 1,
    ...overrides,
  };
}

describe("recording redaction", () => {
  it("keeps the scheme of Authorization and never its credentials", () => {
    const headers = (authorization: string) =>
      recordHeaders({ authorization }, ["authorization"]).authorization;
    assert.equal(headers(`Bearer ${JWT}`), "Bearer <redacted>");
    assert.equal(headers("bearer opaque-token-value"), "bearer <redacted>");
    assert.equal(headers("Basic c291bmRjaGVjazpzZWNyZXQ="), "Basic <redacted>");
    assert.equal(headers("Bearer"), "Bearer", "a malformed header with no token has nothing to hide");
    assert.equal(headers("raw-token-without-scheme"), "<redacted>");
  });

  it("keeps cookie names and attributes, never their values", () => {
    const headers = recordHeaders(
      [
        ["Cookie", "JSESSIONID=ABC123; XSRF-TOKEN=xyz"],
        ["Set-Cookie", "JSESSIONID=DEF456; Path=/; HttpOnly"],
        ["Set-Cookie", "XSRF-TOKEN=q"],
      ],
      ["cookie", "set-cookie"],
    );
    assert.deepEqual(headers, {
      cookie: "JSESSIONID=<redacted>; XSRF-TOKEN=<redacted>",
      "set-cookie": ["JSESSIONID=<redacted>; Path=/; HttpOnly", "XSRF-TOKEN=<redacted>"],
    });
  });

  it("redacts the tokens of /token answers, in the real shape and the OAuth shape", () => {
    const real = captureExchange(
      exchange({
        responseHeaders: [["Content-Type", "application/json"]],
        responseBody: JSON.stringify({
          accessToken: "opaque-muni-token",
          expiresAt: "2025-05-21T14:03:12.345678Z[Etc/UTC]",
          scopes: "[openid, test_1]",
        }),
      }),
      0,
    );
    assert.equal(
      real.responseBody,
      '{"accessToken":"<redacted>","expiresAt":"2025-05-21T14:03:12.345678Z[Etc/UTC]","scopes":"[openid, test_1]"}',
    );
    const oauth = captureExchange(
      exchange({
        method: "POST",
        requestHeaders: { "content-type": "application/x-www-form-urlencoded" },
        requestBody: Buffer.from(
          "grant_type=client_credentials&client_id=ci&client_secret=s3cret&scope=test_1",
        ),
        responseHeaders: { "content-type": "application/json" },
        responseBody: `{"access_token":"${JWT}","token_type":"Bearer","expires_in":3600,"scope":"test_1"}`,
      }),
      0,
    );
    assert.equal(
      oauth.requestBody,
      "grant_type=client_credentials&client_id=ci&client_secret=<redacted>&scope=test_1",
    );
    assert.equal(
      oauth.responseBody,
      '{"access_token":"<redacted>","token_type":"Bearer","expires_in":3600,"scope":"test_1"}',
    );
  });

  it("redacts the token sent to /introspect and any JWT in a query or another body", () => {
    const introspect = captureExchange(
      exchange({
        method: "POST",
        path: "/introspect",
        requestHeaders: { "content-type": "application/x-www-form-urlencoded" },
        requestBody: `token=${JWT}`,
        responseBody: '{"active":true,"jti":"j1"}',
      }),
      0,
    );
    assert.equal(introspect.requestBody, "token=<redacted>");
    const elsewhere = captureExchange(
      exchange({
        service: "bands",
        path: "/api/bands",
        query: `access_token=opaque&name=x&debug=${JWT}`,
        requestBody: `{"note":"token ${JWT} pasted"}`,
        responseBody: '{"id":1}',
      }),
      0,
    );
    assert.equal(elsewhere.query, "access_token=<redacted>&name=x&debug=<redacted>");
    assert.equal(elsewhere.requestBody, '{"note":"token <redacted> pasted"}');
    assert.equal(elsewhere.responseBody, '{"id":1}');
  });

  it("drops headers outside the allow-list", () => {
    assert.deepEqual(
      recordHeaders(
        { host: "h", "user-agent": "u", "x-api-key": "k", accept: "application/json", "content-length": "2" },
        ["accept"],
      ),
      { accept: "application/json" },
    );
  });
});
