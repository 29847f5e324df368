import assert from "node:assert/strict";
import supertest from "supertest";
import { musicStyle, tourStyle } from "../../../emulator/core/http/error-styles.js";
import { probeApp, SIGNATURE } from "../../helpers/probe-service.js";

const catchAll = (message: string) => ({ status: 500, message: `An unexpected error occurred: ${message}` });

describe("pipeline, music-catalog/tour style (the catch-all 500)", () => {
  const { app, tokens } = probeApp(musicStyle);
  const http = supertest(app);
  const all = `Bearer ${tokens.issue({ scopes: ["test_1", "test_2", "test_3"] }).token}`;

  const table: [string, () => supertest.Test, unknown][] = [
    [
      "unknown path",
      () => http.get("/api/foo/bar").set("Authorization", all),
      catchAll("No static resource api/foo/bar."),
    ],
    [
      "OPTIONS of an unknown path",
      () => http.options("/api/foo/bar"),
      catchAll("No static resource api/foo/bar."),
    ],
    [
      "wrong method",
      () => http.put("/api/widgets/1").set("Authorization", all).send({}),
      catchAll("Request method 'PUT' is not supported"),
    ],
    [
      "text/plain body",
      () =>
        http
          .post("/api/widgets")
          .set("Authorization", all)
          .set("Content-Type", "text/plain; charset=UTF-8")
          .send("x"),
      catchAll("Content-Type 'text/plain;charset=UTF-8' is not supported"),
    ],
    [
      "missing body",
      () => http.post("/api/widgets").set("Authorization", all).set("Content-Type", "application/json"),
      catchAll(`Required request body is missing: ${SIGNATURE}`),
    ],
    [
      "malformed JSON",
      () =>
        http.post("/api/widgets").set("Authorization", all).set("Content-Type", "application/json").send("{"),
      catchAll("JSON parse error: Unexpected end-of-input: expected close marker for Object"),
    ],
    [
      "non-numeric id",
      () => http.get("/api/widgets/abc").set("Authorization", all),
      catchAll(
        `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "abc"`,
      ),
    ],
  ];
  for (const [name, send, body] of table) {
    it(`${name} → 500 with the exception message`, async () => {
      const res = await send().expect(500);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, body);
    });
  }

  it("400 MC-VAL for bean validation, one message per field", async () => {
    const res = await http.post("/api/widgets").set("Authorization", all).send({}).expect(400);
    assert.deepEqual(res.body, { name: "Widget name cannot be blank", bandId: "Band ID cannot be null" });
  });

  it("keeps security answers and the CSRF BOOT body", async () => {
    const res = await http.post("/api/widgets").expect(403);
    assert.equal(res.body.error, "Forbidden");
    await http.get("/api/widgets/1").expect(401);
  });

  it("tour style has the same catch-all", async () => {
    const tour = supertest(probeApp(tourStyle).app);
    const res = await tour.get("/api/nothing").set("Authorization", all).expect(500);
    assert.deepEqual(res.body, catchAll("No static resource api/nothing."));
  });
});
