import assert from "node:assert/strict";
import type { Test } from "supertest";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";

const INSUFFICIENT =
  'Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';

/** Each endpoint of §6.3 with its enforced scope and what it answers on an empty store. */
const ENDPOINTS: [
  method: "get" | "post" | "put" | "delete",
  path: string,
  scope: string | null,
  status: number,
][] = [
  ["get", "/api/tours", "test_1", 200],
  ["get", "/api/tours/1", "test_1", 404],
  ["get", "/api/tours/band/1", "test_1", 200],
  ["post", "/api/tours", "test_2", 400],
  ["put", "/api/tours/1", "test_2", 400],
  ["delete", "/api/tours/1", "test_2", 404],
  ["post", "/api/tours/1/city-visit", "test_2", 400],
  ["delete", "/api/tours/1/city-visit/1", "test_2", 404],
  ["get", "/api/cityVisits", "test_1", 200],
  ["get", "/api/cityVisits/1", "test_1", 404],
  ["post", "/api/cityVisits", "test_2", 400],
  ["put", "/api/cityVisits/1", "test_2", 400],
  ["delete", "/api/cityVisits/1", "test_2", 404],
];

describe("tour-service: the scope of every endpoint (contract §6.1, §6.3)", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  const call = (method: string, path: string, authorization?: string): Test => {
    const http = t.http("tours");
    let test =
      method === "get"
        ? http.get(path)
        : method === "post"
          ? http.post(path)
          : method === "put"
            ? http.put(path)
            : http.delete(path);
    if (authorization) test = test.set("Authorization", authorization);
    return method === "post" || method === "put" ? test.send({}) : test;
  };

  for (const [method, path, scope, status] of ENDPOINTS) {
    const name = `${method.toUpperCase()} ${path}`;
    it(`${name}: ${scope ?? "no scope"} is enough, ${scope ? "the other scopes → 403" : "any token will do"}`, async () => {
      const enough = await call(method, path, t.bearer(scope ? [scope] : ["test_3"]));
      assert.equal(enough.status, status, enough.text);
      if (scope) {
        const others = ["test_1", "test_2", "test_3"].filter((s) => s !== scope);
        const refused = await call(method, path, t.bearer(others));
        assert.equal(refused.status, 403);
        assert.equal(refused.headers["www-authenticate"], INSUFFICIENT);
        assert.equal(refused.text, "");
      }
    });

    it(`${name} without a token: ${method === "get" ? "401" : "403 CSRF"}`, async () => {
      const res = await call(method, path);
      if (method === "get") {
        assert.equal(res.status, 401);
        assert.equal(res.headers["www-authenticate"], "Bearer");
      } else {
        assert.equal(res.status, 403);
        assert.deepEqual(
          { status: res.body.status, error: res.body.error, path: res.body.path },
          { status: 403, error: "Forbidden", path },
        );
      }
    });
  }
});
