import assert from "node:assert/strict";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { assertBoot, assertProblem } from "../../helpers/error-bodies.js";
import { createArtist, createManager, expectedArtist } from "./users-fixtures.js";

const notFound = (
  detail: string,
  instance: string,
): [number, string, string, string, Record<string, string>] => [
  404,
  "User Not Found Error",
  detail,
  instance,
  { errorCode: "USER_NOT_FOUND" },
];

describe("user-service: reading artists", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await testEmulator();
  });
  afterEach(() => t.emu.close());

  const get = (path: string) =>
    t
      .http("users")
      .get(path)
      .set("Authorization", t.bearer(["test_1"]));

  it("GET /api/artists lists the artists in id order, without managers", async () => {
    const first = await createArtist(t);
    await createManager(t);
    const second = await createArtist(t, { username: "b", email: "b@x.org", bandIds: [2] });
    const res = await get("/api/artists");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [
      expectedArtist(1, first.password),
      expectedArtist(3, second.password, { username: "b", email: "b@x.org", bandIds: [2] }),
    ]);
  });

  it("GET /api/artists is [] when there are none", async () => {
    assert.deepEqual((await get("/api/artists").expect(200)).body, []);
  });

  it("GET /api/artists/{id} answers the artist", async () => {
    const artist = await createArtist(t);
    const res = await get("/api/artists/1");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, expectedArtist(1, artist.password));
  });

  it("GET /api/artists/{id} answers 404 PD for an unknown id, a negative id (Q21) and a manager's id", async () => {
    await createManager(t);
    assertProblem(await get("/api/artists/9"), ...notFound("User not found with id: 9", "/api/artists/9"));
    assertProblem(await get("/api/artists/-1"), ...notFound("User not found with id: -1", "/api/artists/-1"));
    assertProblem(await get("/api/artists/1"), ...notFound("User not found with id: 1", "/api/artists/1"));
  });

  it("GET /api/artists/{id} writes the 404 PD to a client that accepts neither JSON nor problem+json", async () => {
    // Spring 6 falls back on application/problem+json for a ProblemDetail; only a 2xx gets a 406.
    for (const accept of ["application/xml", "text/html"]) {
      const res = await get("/api/artists/9").set("Accept", accept);
      assertProblem(res, ...notFound("User not found with id: 9", "/api/artists/9"));
    }
    await get("/api/artists").set("Accept", "application/xml").expect(406);
  });

  it("drops every body when the Accept header does not parse: 406 for the artist, an empty 404 PD", async () => {
    // Spring cannot read such an Accept at all, so even the ProblemDetail fallback does not apply.
    const artist = await createArtist(t);
    for (const accept of ["garbage", "*/json", "application/json;q=2", "text/html, /"]) {
      const ok = await get("/api/artists/1").set("Accept", accept);
      assert.deepEqual([ok.status, ok.text, ok.headers["content-type"]], [406, "", undefined], accept);
      const missing = await get("/api/artists/9").set("Accept", accept);
      assert.deepEqual([missing.status, missing.text, missing.headers["content-type"]], [404, "", undefined]);
    }
    for (const accept of ["*", "application/json;q=0.5, text/html", ', application/*+json;charset="utf-8"']) {
      const ok = await get("/api/artists/1").set("Accept", accept);
      assert.equal(ok.status, 200, accept);
      assert.deepEqual(ok.body, expectedArtist(1, artist.password));
    }
  });

  it("writes JSON as the +json type the client names, as Jackson's converter does for application/*+json", async () => {
    const artist = await createArtist(t);
    const cases: [string, string][] = [
      ["application/hal+json", "application/hal+json"],
      ["application/problem+json", "application/problem+json"],
      ["*/*, application/vnd.api+json", "application/vnd.api+json"],
      ["application/vnd.api+json;q=0.5, application/json", "application/json"],
      ["application/*+json", "application/json"],
      ["text/plain, application/*", "application/json"],
    ];
    for (const [accept, written] of cases) {
      const res = await get("/api/artists/1").set("Accept", accept);
      assert.deepEqual([res.status, res.headers["content-type"]], [200, written], accept);
      assert.deepEqual(res.body, expectedArtist(1, artist.password));
    }
    const boot = await get("/api/artists/abc").set("Accept", "application/hal+json");
    assert.deepEqual(
      [boot.status, boot.headers["content-type"], boot.body.path],
      [400, "application/hal+json", "/api/artists/abc"],
    );
    // A ProblemDetail is only ever application/problem+json.
    const problem = await get("/api/artists/9").set("Accept", "application/hal+json");
    assertProblem(problem, ...notFound("User not found with id: 9", "/api/artists/9"));
  });

  it("GET /api/artists/{id} prints an id beyond 2^53 exactly", async () => {
    const res = await get("/api/artists/9007199254740993");
    assertProblem(
      res,
      ...notFound("User not found with id: 9007199254740993", "/api/artists/9007199254740993"),
    );
  });

  it("GET /api/artists/{id} answers 400 BOOT for a non-numeric id", async () => {
    assertBoot(await get("/api/artists/abc"), 400, "/api/artists/abc");
  });

  it("GET /api/artists/username/{username} finds by exact, case-sensitive username", async () => {
    const artist = await createArtist(t);
    const res = await get("/api/artists/username/xlindemann");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, expectedArtist(1, artist.password));
    assertProblem(
      await get("/api/artists/username/XLindemann"),
      ...notFound("User not found with username: XLindemann", "/api/artists/username/XLindemann"),
    );
  });

  it("GET /api/artists/username/{username} answers 404 PD for a manager's username", async () => {
    await createManager(t);
    assertProblem(
      await get("/api/artists/username/boss"),
      ...notFound("User not found with username: boss", "/api/artists/username/boss"),
    );
  });

  describe("GET /api/artists/bands?bandIds=", () => {
    beforeEach(async () => {
      await createArtist(t, { username: "a1", email: "a1@x.org", bandIds: [1, 2] });
      await createArtist(t, { username: "a2", email: "a2@x.org", bandIds: [2] });
      await createArtist(t, { username: "a3", email: "a3@x.org", bandIds: [3] });
      await createManager(t, { managedBandIds: [1, 2, 3] });
    });
    const usernames = (body: { username: string }[]) => body.map((artist) => artist.username);

    it("answers the artists in any of the bands, each once, comma-separated", async () => {
      const res = await get("/api/artists/bands?bandIds=2,1");
      assert.equal(res.status, 200);
      assert.deepEqual(usernames(res.body), ["a1", "a2"]);
      assert.deepEqual(res.body[0].bandIds, [1, 2]);
    });

    it("accepts repeated parameters", async () => {
      const res = await get("/api/artists/bands?bandIds=3&bandIds=1");
      assert.deepEqual(usernames(res.body), ["a1", "a3"]);
    });

    it("answers [] for an empty value and for bands nobody is in (§10.8)", async () => {
      assert.deepEqual((await get("/api/artists/bands?bandIds=").expect(200)).body, []);
      assert.deepEqual((await get("/api/artists/bands?bandIds=99").expect(200)).body, []);
    });

    it("answers 400 BOOT without the parameter and for a non-numeric value", async () => {
      assertBoot(await get("/api/artists/bands"), 400, "/api/artists/bands");
      assertBoot(await get("/api/artists/bands?bandIds=x"), 400, "/api/artists/bands");
    });
  });

  describe("route shadows (§3.3)", () => {
    it("GET /api/artists/bands/5 and GET /api/artists/link/1/2 → 405 (only PATCH there)", async () => {
      const bands = await get("/api/artists/bands/5");
      assertBoot(bands, 405, "/api/artists/bands/5");
      assert.equal(bands.headers.allow, "PATCH");
      const link = await get("/api/artists/link/1/2");
      assertBoot(link, 405, "/api/artists/link/1/2");
      assert.equal(link.headers.allow, "PATCH");
    });

    it("GET /api/artists/username (no name) matches /{id} → 400 BOOT (type mismatch)", async () => {
      assertBoot(await get("/api/artists/username"), 400, "/api/artists/username");
    });

    it("POST /api/artists/x falls to permitAll and gets 405 from MVC", async () => {
      const res = await t.http("users").post("/api/artists/x").set("Authorization", t.bearer([]));
      assertBoot(res, 405, "/api/artists/x");
      assert.equal(res.headers.allow, "DELETE,GET,PUT");
    });

    it("OPTIONS answers the Allow of a mapped path, and 404 BOOT where nothing is mapped", async () => {
      const mapped = await t.http("users").options("/api/artists").expect(200);
      assert.equal(mapped.headers.allow, "GET,HEAD,POST,OPTIONS");
      // No mapping: the static-resource handler finds nothing, for OPTIONS as for GET (§1.7).
      for (const path of ["/api/nothing", "/api/artists/"]) {
        assertBoot(await t.http("users").options(path), 404, path);
      }
    });
  });
});
