import assert from "node:assert/strict";
import { catchAll, tourApi, type TourApi } from "./tour-api.js";

const DTO = "cz.muni.fi.tourmanagementservice.dto";
const REST = "cz.muni.fi.tourmanagementservice.rest";
const entity = (type: string) => `org.springframework.http.ResponseEntity<${type}>`;
const SIGNATURE = {
  createTour: `public ${entity(`${DTO}.TourDto`)} ${REST}.TourController.createTour(${DTO}.TourDto)`,
  updateTour: `public ${entity(`${DTO}.TourDto`)} ${REST}.TourController.updateTour(java.lang.Long,${DTO}.TourDto)`,
  addCityVisitToTour: `public ${entity("java.lang.Void")} ${REST}.TourController.addCityVisitToTour(java.lang.Long,${DTO}.CityVisitDto)`,
  createCityVisit: `public ${entity(`${DTO}.CityVisitDto`)} ${REST}.CityVisitController.createCityVisit(${DTO}.CityVisitDto)`,
  updateCityVisit: `public ${entity(`${DTO}.CityVisitDto`)} ${REST}.CityVisitController.updateCityVisit(java.lang.Long,${DTO}.CityVisitDto)`,
};
const mismatch = (name: string, value: string) =>
  catchAll(
    `Method parameter '${name}': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "${value}"`,
  );

describe("tour-service: framework errors become the catch-all 500 (contract §1.7, Q6)", () => {
  let api: TourApi;
  beforeEach(async () => {
    api = await tourApi();
  });
  afterEach(() => api.t.emu.close());

  it("unknown path → No static resource", async () => {
    const res = await api.get("/api/tour").expect(500);
    assert.equal(res.headers["content-type"], "application/json");
    assert.deepEqual(res.body, catchAll("No static resource api/tour."));
  });

  it("OPTIONS: Allow for a mapped path, the unknown-path 500 for any other", async () => {
    const http = () => api.t.http("tours");
    const known = await http().options("/api/tours/1/city-visit/2").expect(200);
    assert.equal(known.headers["allow"], "DELETE,OPTIONS");
    const unknown = await http().options("/api/tours/1/city-visits").expect(500);
    assert.deepEqual(unknown.body, catchAll("No static resource api/tours/1/city-visits."));
    assert.equal(unknown.headers["allow"], undefined);
  });

  it("wrong method on a known path → Request method not supported", async () => {
    assert.deepEqual(
      (await api.put("/api/tours", {}).expect(500)).body,
      catchAll("Request method 'PUT' is not supported"),
    );
    assert.deepEqual(
      (await api.get("/api/tours/1/city-visit").expect(500)).body,
      catchAll("Request method 'GET' is not supported"),
    );
  });

  it("malformed JSON → JSON parse error", async () => {
    const res = await api
      .post("/api/tours")
      .set("Content-Type", "application/json")
      .send('{"bandId": 1,')
      .expect(500);
    assert.match(res.body.message, /^An unexpected error occurred: JSON parse error: /);
    assert.deepEqual(Object.keys(res.body), ["status", "message"]);
    assert.equal(res.body.status, 500);
  });

  it("cityVisits that is not a list → JSON parse error naming the Java type", async () => {
    const res = await api.post("/api/tours", { bandId: 1, tourName: "x", cityVisits: {} }).expect(500);
    assert.deepEqual(
      res.body,
      catchAll(
        "JSON parse error: Cannot deserialize value of type `java.util.List<cz.muni.fi.tourmanagementservice.dto.CityVisitDto>` from Object value (token `JsonToken.START_OBJECT`)",
      ),
    );
  });

  it("missing body or literal null → Required request body is missing: <controller method>", async () => {
    const cases: [string, string, string][] = [
      ["POST", "/api/tours", SIGNATURE.createTour],
      ["PUT", "/api/tours/1", SIGNATURE.updateTour],
      ["POST", "/api/tours/1/city-visit", SIGNATURE.addCityVisitToTour],
      ["POST", "/api/cityVisits", SIGNATURE.createCityVisit],
      ["PUT", "/api/cityVisits/1", SIGNATURE.updateCityVisit],
    ];
    for (const [method, path, signature] of cases) {
      for (const body of [undefined, "null"]) {
        const request = method === "POST" ? api.post(path, body) : api.put(path, body);
        const res = await request.set("Content-Type", "application/json").expect(500);
        assert.deepEqual(
          res.body,
          catchAll(`Required request body is missing: ${signature}`),
          `${path} ${body}`,
        );
      }
    }
  });

  it("a text/plain body → Content-Type not supported, as sent", async () => {
    const res = await api
      .post("/api/cityVisits")
      .set("Content-Type", "text/plain;charset=UTF-8")
      .send("Prague")
      .expect(500);
    assert.deepEqual(res.body, catchAll("Content-Type 'text/plain;charset=UTF-8' is not supported"));
  });

  it("non-numeric ids → type mismatch naming the parameter", async () => {
    assert.deepEqual((await api.get("/api/tours/band").expect(500)).body, mismatch("id", "band"));
    assert.deepEqual((await api.get("/api/tours/band/x").expect(500)).body, mismatch("bandId", "x"));
    assert.deepEqual((await api.get("/api/cityVisits/one").expect(500)).body, mismatch("id", "one"));
    assert.deepEqual(
      (await api.delete("/api/tours/t/city-visit/1").expect(500)).body,
      mismatch("tourId", "t"),
    );
    assert.deepEqual(
      (await api.delete("/api/tours/1/city-visit/c").expect(500)).body,
      mismatch("cityVisitId", "c"),
    );
  });
});
