/**
 * A table-driven check of a service's enforced scopes (contract §1.5): the scope a rule names is
 * enough, the other two scopes get the 403 `insufficient_scope`, and without a token a GET gets
 * 401 and a write the CSRF 403.
 */
import assert from "node:assert/strict";
import type { Test } from "supertest";
import type { ServiceName } from "../../emulator/services/service-module.js";
import { testEmulator, type TestEmulator } from "./emulator.js";

const INSUFFICIENT =
  'Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';

export type ScopedEndpoint = [
  method: "get" | "post" | "put" | "patch" | "delete",
  path: string,
  scope: string | null,
  /** What the endpoint answers on an empty store once security let the request through. */
  status: number,
];

export function describeScopes(
  service: ServiceName,
  title: string,
  endpoints: readonly ScopedEndpoint[],
): void {
  describe(title, () => {
    let t: TestEmulator;
    beforeEach(async () => {
      t = await testEmulator();
    });
    afterEach(() => t.emu.close());

    const call = (method: ScopedEndpoint[0], path: string, authorization?: string): Test => {
      const http = t.http(service);
      let test = http[method](path);
      if (authorization) test = test.set("Authorization", authorization);
      return method === "get" || method === "delete" ? test : test.send({});
    };

    for (const [method, path, scope, status] of endpoints) {
      const name = `${method.toUpperCase()} ${path}`;
      it(`${name}: ${scope ?? "no scope"} is enough${scope ? ", the other scopes → 403" : ""}`, async () => {
        const enough = await call(method, path, t.bearer(scope ? [scope] : []));
        assert.equal(enough.status, status, enough.text);
        if (!scope) return;
        const refused = await call(
          method,
          path,
          t.bearer(["test_1", "test_2", "test_3"].filter((s) => s !== scope)),
        );
        assert.equal(refused.status, 403);
        assert.equal(refused.headers["www-authenticate"], INSUFFICIENT);
        assert.equal(refused.text, "");
      });

      it(`${name} without a token: ${method === "get" ? "401" : "403 CSRF"}`, async () => {
        const res = await call(method, path);
        if (method === "get") {
          assert.equal(res.status, 401);
          assert.equal(res.headers["www-authenticate"], "Bearer");
          return;
        }
        assert.equal(res.status, 403);
        assert.deepEqual(
          { status: res.body.status, error: res.body.error, path: res.body.path },
          { status: 403, error: "Forbidden", path: path.split("?")[0] },
        );
      });
    }
  });
}
