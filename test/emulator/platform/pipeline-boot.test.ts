import assert from "node:assert/strict";
import supertest from "supertest";
import { bootStyle } from "../../../emulator/core/http/error-styles.js";
import { CHALLENGE } from "../../../emulator/core/security/bearer.js";
import { probeApp } from "../../helpers/probe-service.js";

const TIMESTAMP = "2025-05-21T10:15:30.123+00:00";
const boot = (status: number, error: string, path: string) => ({ timestamp: TIMESTAMP, status, error, path });

describe("pipeline, user/band style (BOOT and PD bodies)", () => {
  const { app, tokens } = probeApp(bootStyle);
  const http = supertest(app);
  const all = `Bearer ${tokens.issue({ scopes: ["test_1", "test_2", "test_3"] }).token}`;
  const only1 = `Bearer ${tokens.issue({ scopes: ["test_1"] }).token}`;

  it("sends Spring Security's default headers on every answer", async () => {
    const res = await http.get("/api/widgets/1").set("Authorization", all).expect(200);
    assert.deepEqual(res.body, { id: 1, name: "w", bandId: 1 });
    assert.equal(res.headers["content-type"], "application/json");
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["x-xss-protection"], "0");
    assert.equal(res.headers["cache-control"], "no-cache, no-store, max-age=0, must-revalidate");
    assert.equal(res.headers["pragma"], "no-cache");
    assert.equal(res.headers["expires"], "0");
    assert.equal(res.headers["x-frame-options"], "DENY");
    assert.equal(
      res.headers["vary"],
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    );
    assert.equal(res.headers["x-powered-by"], undefined);
  });

  describe("security, in filter order", () => {
    it("403 BOOT for a write without a bearer (CSRF), before 401/404/405", async () => {
      for (const path of ["/api/widgets", "/api/nothing", "/api/widgets/1/x"]) {
        const res = await http.post(path).expect(403);
        assert.deepEqual(res.body, boot(403, "Forbidden", path));
      }
      const malformed = await http.delete("/api/widgets/1").set("Authorization", "Bearer ").expect(403);
      assert.deepEqual(malformed.body, boot(403, "Forbidden", "/api/widgets/1"));
    });

    it("401 with the exact challenges", async () => {
      const anonymous = await http.get("/api/widgets/1").set("Accept", "application/json").expect(401);
      assert.equal(anonymous.headers["www-authenticate"], "Bearer");
      assert.equal(anonymous.headers["set-cookie"], undefined);
      assert.equal(anonymous.text, "");
      const malformed = await http.get("/unprotected").set("Authorization", "Bearer ").expect(401);
      assert.equal(malformed.headers["www-authenticate"], CHALLENGE.malformed);
      const inactive = await http
        .get("/api/widgets/1")
        .set("Authorization", "Bearer not.a.token")
        .expect(401);
      assert.equal(inactive.headers["www-authenticate"], CHALLENGE.inactive);
      const expired = `Bearer ${tokens.issue({ scopes: ["test_1"], ttlSeconds: -60 }).token}`;
      assert.equal(
        (await http.get("/api/widgets/1").set("Authorization", expired).expect(401)).headers[
          "www-authenticate"
        ],
        CHALLENGE.inactive,
      );
    });

    it("403 insufficient_scope, and any-of rules", async () => {
      const res = await http
        .post("/api/widgets")
        .set("Authorization", only1)
        .send({ name: "x", bandId: 1 })
        .expect(403);
      assert.equal(res.headers["www-authenticate"], CHALLENGE.insufficientScope);
      assert.equal(res.text, "");
      const musician = `Bearer ${tokens.issue({ scopes: ["test_3"] }).token}`;
      await http.delete("/api/widgets/1").set("Authorization", musician).expect(204);
    });

    it("lets HEAD and OPTIONS through every rule", async () => {
      const head = await http.head("/api/widgets/1").expect(200);
      assert.equal(head.headers["content-length"], "30");
      const options = await http.options("/api/widgets/1").expect(200);
      assert.equal(options.headers["allow"], "DELETE,GET,HEAD,PATCH,OPTIONS");
      const preflight = await http
        .options("/api/widgets/1")
        .set("Origin", "http://other")
        .set("Access-Control-Request-Method", "GET")
        .expect(200);
      assert.equal(preflight.headers["allow"], undefined);
    });

    it("an anonymous 401 to a GET that does not ask for JSON opens a session (the saved request)", async () => {
      const first = await http.get("/api/widgets/1").set("Accept", "*/*").expect(401);
      assert.equal(first.headers["www-authenticate"], "Bearer");
      const cookie = (first.headers["set-cookie"] as unknown as string[] | undefined) ?? [];
      assert.equal(cookie.length, 1);
      assert.match(cookie[0]!, /^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
      const again = await http.get("/api/widgets/1").set("Cookie", cookie[0]!.split(";")[0]!).expect(401);
      assert.equal(again.headers["set-cookie"], undefined);
      // No session for a bad token, or a HEAD (no rule matches it).
      const bad = await http.get("/api/widgets/1").set("Authorization", "Bearer x").expect(401);
      assert.equal(bad.headers["set-cookie"], undefined);
      assert.equal((await http.head("/api/widgets/1").expect(200)).headers["set-cookie"], undefined);
    });

    it("a CSRF 403 opens a session too: the expected CSRF token is generated and saved in one", async () => {
      for (const accept of ["application/json", "text/html", "application/xml"]) {
        const first = await http.post("/unprotected").set("Accept", accept).expect(403);
        const cookie = (first.headers["set-cookie"] as unknown as string[] | undefined) ?? [];
        assert.equal(cookie.length, 1, accept);
        assert.match(cookie[0]!, /^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
        const session = cookie[0]!.split(";")[0]!;
        // The session the 403 opened is known again: no new cookie, on a write or a saved GET.
        const again = await http.delete("/api/widgets/1").set("Cookie", session).expect(403);
        assert.equal(again.headers["set-cookie"], undefined);
        const get = await http.get("/api/widgets/1").set("Cookie", session).expect(401);
        assert.equal(get.headers["set-cookie"], undefined);
      }
      // A session id the service never issued is replaced by a new one.
      const stale = await http.put("/api/widgets/1").set("Cookie", "JSESSIONID=0123").expect(403);
      assert.match(String(stale.headers["set-cookie"]), /^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
      // A parseable bearer exempts the write from CSRF: no token is loaded, no session opened.
      const bearer = await http.post("/api/widgets").set("Authorization", "Bearer x").expect(401);
      assert.equal(bearer.headers["set-cookie"], undefined);
    });

    it("ignores a Basic Authorization header (the request stays anonymous)", async () => {
      const res = await http.get("/api/widgets/1").set("Authorization", "Basic dXNlcjpwYXNz").expect(401);
      assert.equal(res.headers["www-authenticate"], "Bearer");
    });
  });

  describe("framework errors", () => {
    it("404 BOOT for an unknown path and for a trailing slash", async () => {
      for (const path of ["/api/nothing", "/api/widgets/1/"]) {
        const res = await http.get(path).set("Authorization", all).expect(404);
        assert.deepEqual(res.body, boot(404, "Not Found", path));
      }
    });

    it("404 BOOT for OPTIONS on an unknown path (the resource handler looks for it first)", async () => {
      const res = await http.options("/api/nothing").expect(404);
      assert.deepEqual(res.body, boot(404, "Not Found", "/api/nothing"));
      assert.equal(res.headers["allow"], undefined);
    });

    it("405 BOOT with Allow for a known path and a wrong method", async () => {
      const res = await http.put("/api/widgets/1").set("Authorization", all).send({}).expect(405);
      assert.deepEqual(res.body, boot(405, "Method Not Allowed", "/api/widgets/1"));
      assert.equal(res.headers["allow"], "DELETE,GET,PATCH");
    });

    it("400 BOOT for a non-numeric path id", async () => {
      const res = await http.get("/api/widgets/abc").set("Authorization", all).expect(400);
      assert.deepEqual(res.body, boot(400, "Bad Request", "/api/widgets/abc"));
    });

    it("415 BOOT with Accept (and Accept-Patch on PATCH) for a non-JSON body", async () => {
      const post = await http
        .post("/api/widgets")
        .set("Authorization", all)
        .set("Content-Type", "text/plain")
        .send("hi")
        .expect(415);
      assert.deepEqual(post.body, boot(415, "Unsupported Media Type", "/api/widgets"));
      assert.equal(post.headers["accept"], "application/json, application/*+json");
      const patch = await http
        .patch("/api/widgets/1")
        .set("Authorization", all)
        .set("Content-Type", "text/plain")
        .send("hi")
        .expect(415);
      assert.equal(patch.headers["accept-patch"], "application/json, application/*+json");
    });

    it("400 BOOT for a missing body, a null body, malformed JSON and failed validation", async () => {
      const cases: [string | undefined][] = [
        [undefined],
        ["null"],
        ["{bad"],
        ['{"name": " ", "bandId": 1}'],
        ['{"name": "x"}'],
      ];
      for (const [body] of cases) {
        const req = http
          .post("/api/widgets")
          .set("Authorization", all)
          .set("Content-Type", "application/json");
        const res = await (body === undefined ? req : req.send(body)).expect(400);
        assert.deepEqual(res.body, boot(400, "Bad Request", "/api/widgets"));
      }
    });

    it("accepts JSON with parameters, +json types, a UTF-8 BOM and latin1", async () => {
      for (const type of [
        "application/json;",
        "application/json; charset=UTF-8",
        "application/vnd.widget+json",
      ]) {
        await http
          .post("/api/widgets")
          .set("Authorization", all)
          .set("Content-Type", type)
          .send('\ufeff{"name":"ok","bandId":1}')
          .expect(201);
      }
      const latin1 = Buffer.from('{"name":"Bj\u00f6rk","bandId":1}', "latin1");
      const res = await http
        .post("/api/widgets")
        .set("Authorization", all)
        .set("Content-Type", "application/json;charset=latin1")
        .serialize((bytes: Buffer) => bytes as unknown as string)
        .send(latin1)
        .expect(201);
      assert.equal(res.body.name, "Bj\u00f6rk");
    });

    it("415 for an unknown charset or a content type Spring cannot parse", async () => {
      for (const type of ["application/json; charset=klingon", "garbage"]) {
        await http
          .post("/api/widgets")
          .set("Authorization", all)
          .set("Content-Type", type)
          .send("{}")
          .expect(415);
      }
    });

    it("400 BOOT for missing, empty-numeric, mistyped and blank request parameters", async () => {
      const ok = await http
        .post("/api/widgets/search?name=x&managerId=7&ids=1,2")
        .set("Authorization", all)
        .expect(200);
      assert.deepEqual(ok.body, { name: "x", managerId: 7, ids: [1, 2] });
      for (const query of [
        "managerId=7",
        "name=x",
        "name=x&managerId=",
        "name=x&managerId=abc",
        "name=%20&managerId=1",
      ]) {
        const res = await http.post(`/api/widgets/search?${query}`).set("Authorization", all).expect(400);
        assert.deepEqual(res.body, boot(400, "Bad Request", "/api/widgets/search"));
      }
    });

    it("reads request parameters from a form body", async () => {
      const res = await http
        .post("/api/widgets/search")
        .set("Authorization", all)
        .type("form")
        .send("name=formed&managerId=3")
        .expect(200);
      assert.deepEqual(res.body, { name: "formed", managerId: 3, ids: null });
    });

    it("413 BOOT for a body over the limit", async () => {
      const res = await http
        .post("/api/widgets")
        .set("Authorization", all)
        .set("Content-Type", "application/json")
        .send(JSON.stringify({ name: "x".repeat(2000), bandId: 1 }))
        .expect(413);
      assert.deepEqual(res.body, boot(413, "Content Too Large", "/api/widgets"));
    });

    it("406 when the client refuses JSON, the Whitelabel page for browsers", async () => {
      const xml = await http
        .get("/api/widgets/1")
        .set("Authorization", all)
        .set("Accept", "application/xml")
        .expect(406);
      assert.equal(xml.text, "");
      const browser = await http
        .get("/api/nothing")
        .set("Authorization", all)
        .set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .expect(404);
      assert.equal(browser.headers["content-type"], "text/html;charset=UTF-8");
      assert.match(
        browser.text,
        /<h1>Whitelabel Error Page<\/h1>.*There was an unexpected error \(type=Not Found, status=404\)\./s,
      );
    });

    it("400 BOOT for requests the firewall refuses, 405 for TRACE", async () => {
      assert.deepEqual(
        (await http.get("/api//widgets").expect(400)).body,
        boot(400, "Bad Request", "/api//widgets"),
      );
      await http.trace("/api/widgets/1").expect(405);
    });
  });

  it("writes ProblemDetails for business errors", async () => {
    const res = await http.get("/api/widgets/404").set("Authorization", all).expect(404);
    assert.equal(res.headers["content-type"], "application/problem+json");
    assert.deepEqual(res.body, {
      type: "about:blank",
      title: "Widget not found",
      status: 404,
      detail: "Widget with id 404 was not found",
      instance: "/api/widgets/404",
    });
  });

  it("turns every check off with --auth off", async () => {
    const open = supertest(probeApp(bootStyle, false).app);
    await open.get("/api/widgets/1").expect(200);
    await open.post("/api/widgets").send({ name: "n", bandId: 2 }).expect(201);
  });
});
