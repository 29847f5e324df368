import assert from "node:assert/strict";
import { parseJavaLong } from "../../../emulator/core/routing/convert.js";
import { compilePattern, matchPattern } from "../../../emulator/core/routing/path-pattern.js";
import { parseParameters } from "../../../emulator/core/routing/query.js";
import { defineRoute } from "../../../emulator/core/routing/route.js";
import { Router } from "../../../emulator/core/routing/router.js";
import { FrameworkError } from "../../../emulator/core/http/errors.js";
import { empty } from "../../../emulator/core/http/reply.js";

const segments = (path: string) => path.split("/").slice(1);

describe("Spring path patterns", () => {
  const table: [string, string, Record<string, string> | undefined][] = [
    ["/api/bands/**", "/api/bands", {}],
    ["/api/bands/**", "/api/bands/", {}],
    ["/api/bands/**", "/api/bands/1/members/2", {}],
    ["/api/bands", "/api/bands/", undefined],
    ["/api/bands/{id}", "/api/bands/7", { id: "7" }],
    ["/api/bands/{id}", "/api/bands/", undefined],
    ["/api/bands/{id}", "/api/bands/7/x", undefined],
    ["/api/Bands", "/api/bands", undefined],
    ["/api/artists/link/{artistId}/**", "/api/artists/link/3/4", { artistId: "3" }],
  ];
  for (const [pattern, path, expected] of table) {
    it(`${pattern} ${expected ? "matches" : "does not match"} ${path}`, () => {
      assert.deepEqual(matchPattern(compilePattern(pattern), segments(path)), expected);
    });
  }
});

describe("router", () => {
  const route = (method: "GET" | "PATCH" | "DELETE", path: string) =>
    defineRoute({
      method,
      path,
      operationId: `${method}${path}`,
      summary: "",
      responses: {},
      handle: () => empty(200),
    });
  const router = new Router([
    route("GET", "/api/bands/{id}"),
    route("GET", "/api/bands/offers"),
    route("PATCH", "/api/bands/{bandId}/members/{memberId}"),
    route("DELETE", "/api/bands/{bandId}/members/{memberId}"),
  ]);

  it("prefers a literal over a variable", () => {
    assert.equal(router.resolve("GET", segments("/api/bands/offers")).route.path, "/api/bands/offers");
    assert.deepEqual(router.resolve("GET", segments("/api/bands/5")).variables, { id: "5" });
  });

  it("serves HEAD with the GET mapping", () => {
    assert.equal(router.resolve("HEAD", segments("/api/bands/5")).route.method, "GET");
  });

  it("raises 405 with the declared methods, and 404 for unknown paths", () => {
    assert.throws(
      () => router.resolve("GET", segments("/api/bands/1/members/2")),
      (error: unknown) => {
        assert.ok(error instanceof FrameworkError);
        assert.deepEqual(error.problem, { kind: "methodNotAllowed", allow: ["DELETE", "PATCH"] });
        return true;
      },
    );
    assert.throws(
      () => router.resolve("GET", segments("/api/nothing")),
      (error: unknown) => error instanceof FrameworkError && error.problem.kind === "noResource",
    );
  });

  it("answers OPTIONS with the declared methods plus HEAD and OPTIONS", () => {
    assert.deepEqual(router.allowFor(segments("/api/bands/5")), ["GET", "HEAD", "OPTIONS"]);
    assert.deepEqual(router.allowFor(segments("/api/bands/1/members/2")), ["DELETE", "PATCH", "OPTIONS"]);
    // No mapping: Spring's resource handler answers OPTIONS with its 404 (§1.7).
    assert.equal(router.allowFor(segments("/unknown")), undefined);
  });
});

describe("String → Long conversion (Spring NumberUtils)", () => {
  const table: [string, ReturnType<typeof parseJavaLong>][] = [
    ["42", { ok: true, value: 42 }],
    ["+42", { ok: true, value: 42 }],
    ["-7", { ok: true, value: -7 }],
    [" 5 ", { ok: true, value: 5 }],
    ["0x10", { ok: true, value: 16 }],
    ["", { ok: true, value: null }],
    ["9223372036854775807", { ok: true, value: 9223372036854775807n }],
    ["9223372036854775808", { ok: false, reason: 'For input string: "9223372036854775808"' }],
    ["abc", { ok: false, reason: 'For input string: "abc"' }],
    ["5.0", { ok: false, reason: 'For input string: "5.0"' }],
  ];
  for (const [text, expected] of table) {
    it(`converts ${JSON.stringify(text)}`, () => assert.deepEqual(parseJavaLong(text), expected));
  }
});

describe("query strings (Tomcat decoding)", () => {
  it("keeps repeated keys, decodes + and %, drops broken encodings", () => {
    const params = parseParameters("bandIds=1&bandIds=2&name=The+Who%21&bad=%zz&flag&=x");
    assert.deepEqual(
      [...params],
      [
        ["bandIds", ["1", "2"]],
        ["name", ["The Who!"]],
        ["flag", [""]],
      ],
    );
  });
});
