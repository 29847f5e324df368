import assert from "node:assert/strict";
import { join } from "node:path";
import type { RecordedExchange } from "../../../common/recording/index.js";
import { packageRoot } from "../../../emulator/package-root.js";
import {
  HarError,
  importHar,
  readHarSessions,
  type HarImport,
} from "../../../replayer/recording/har/har-import.js";

const fixture = (name: string) => join(packageRoot(), "test", "fixtures", "har", name);

function only(result: HarImport): RecordedExchange[] {
  return result.sessions.flatMap((session) => session.exchanges);
}

describe("HAR import", () => {
  it("drops HTTP/2 pseudo-headers, decodes base64 bodies, redacts the bearer, keeps the page as session", async () => {
    const result = await readHarSessions(fixture("pseudo-headers.har"));
    assert.deepEqual(result.warnings, []);
    assert.equal(result.startedAt, "2025-05-21T10:00:00.250Z");
    assert.deepEqual(only(result), [
      {
        t: 0,
        session: "page:page_1",
        service: "bands",
        method: "GET",
        path: "/api/bands/7",
        query: "",
        requestHeaders: { accept: "application/json", authorization: "Bearer <redacted>" },
        requestBody: null,
        status: 200,
        responseHeaders: { "content-type": "application/json" },
        responseBody:
          '{"id":7,"name":"The Cure","musicalStyle":"Post Punk","logo":null,"managerId":4,"members":[]}',
        durationMs: 12.5,
      },
    ]);
  });

  it("keeps a base64 body that is not text as base64, flagged", async () => {
    const [album, icon] = only(await readHarSessions(fixture("base64-bodies.har")));
    assert.equal(
      album?.responseBody,
      '{"id":3,"title":"Disintegration","releaseDate":"1989-05-02T00:00:00","bandId":7,"songs":[]}',
    );
    assert.equal(album?.responseBodyEncoding, undefined);
    assert.deepEqual(
      [icon?.responseBody, icon?.responseBodyEncoding],
      ["iVBORw0KGgoAAAANSUhEUg==", "base64"],
    );
    assert.deepEqual(
      [icon?.service, icon?.path, icon?.t],
      ["catalog", "/swagger-ui/favicon-32x32.png", 1000],
    );
  });

  it("takes the query from the URL as written: no double encoding, repeated keys kept, only invalid characters escaped", async () => {
    const [artists, band] = only(await readHarSessions(fixture("encoded-query.har")));
    assert.equal(artists?.path, "/api/artists/bands");
    assert.equal(artists?.query, "bandIds=1&bandIds=2&name=The%20Cure&q=a+b%2Bc");
    assert.equal(band?.query, "name=S%C3%A3o%20Paulo%20Ska&musicalStyle=Ska&managerId=4");
    assert.equal(band?.t, 100);
  });

  it("tolerates a body without a MIME type, a body on a GET, and a form given only as params", async () => {
    const [visit, tour, offer] = only(await readHarSessions(fixture("loose-bodies.har")));
    assert.deepEqual(
      [visit?.method, visit?.requestHeaders, visit?.requestBody],
      [
        "POST",
        { authorization: "Bearer <redacted>" },
        '{"cityName":"Brno","dateFrom":"2025-07-01","dateTo":"2025-07-03"}',
      ],
    );
    assert.deepEqual(visit?.responseHeaders, { "content-type": "application/json" }, "from content.mimeType");
    assert.deepEqual(
      [tour?.method, tour?.requestHeaders, tour?.requestBody, tour?.status],
      ["GET", { "content-type": "application/json" }, '{"ignored":true}', 404],
    );
    assert.deepEqual(
      [offer?.requestHeaders["content-type"], offer?.requestBody],
      ["application/x-www-form-urlencoded", "bandId=9&invitedMusicianId=2&offeringManagerId=4"],
    );
  });

  it("skips entries for other hosts and counts them per host", async () => {
    const result = await readHarSessions(fixture("other-hosts.har"));
    assert.deepEqual(result.otherHosts, {
      "fonts.example.com:443": 2,
      "www.google-analytics.com:443": 1,
      "localhost:3000": 1,
    });
    assert.deepEqual(
      only(result).map((e) => [e.service, e.path, e.t]),
      [
        ["bands", "/api/bands", 0],
        ["users", "/api/artists", 10],
      ],
    );
    assert.deepEqual(result.warnings, []);
  });

  it("skips broken entries with a warning naming each, and imports the rest", async () => {
    const result = await readHarSessions(fixture("broken-entries.har"));
    assert.deepEqual(result.warnings, [
      "entry 2: no request.url",
      "entry 3: not an object",
      "entry 4: no request.method",
      "entry 5: no response.status",
      "entry 6: no response (status 0: the request failed or was blocked)",
      'entry 7: startedDateTime "yesterday" is not a date',
      "entry 8: request.url '/api/bands' is not an absolute URL",
    ]);
    assert.deepEqual(
      only(result).map((e) => [e.path, e.t]),
      [
        ["/api/bands/offers", 0],
        ["/api/bands", 500],
      ],
    );
  });

  it("recognises services by base URL when given a map, taking the prefix off the path", async () => {
    const result = await readHarSessions(fixture("gateway.har"), {
      services: { bands: "https://api.example.com/bands-api", users: "https://api.example.com/users-api/" },
    });
    assert.deepEqual(
      only(result).map((e) => [e.service, e.path]),
      [
        ["bands", "/api/bands/7"],
        ["users", "/api/managers/1"],
      ],
    );
    assert.deepEqual(result.otherHosts, {
      "api.example.com:443": 1,
      "api.example.com:80": 1,
      "api.example.com:8092": 1,
    });
  });

  it("groups by page, else connection, else initiator, else one session; each in time order", async () => {
    const result = await readHarSessions(fixture("sessions.har"));
    assert.deepEqual(
      result.sessions.map((s) => [s.key, s.exchanges.map((e) => e.path), s.startMs]),
      [
        ["page:page_2", ["/api/bands", "/api/bands/2"], 0],
        ["connection:4711", ["/api/bands/1"], 300],
        ["initiator:http://localhost:3000/app.js", ["/api/bands/3"], 400],
        ["initiator:other", ["/api/bands/4"], 500],
        ["har", ["/api/bands/5", "/api/bands/6"], 600],
      ],
    );
    assert.equal(result.spanMs, 701);
    assert.equal(result.exchangeCount, 7);
  });

  it("marks an answer whose body the HAR did not keep, and only that one", () => {
    // Chrome exports a response without content.text when it did not keep the body, with its
    // real size or -1; a size of 0, a 204 and a HEAD had no body.
    const entry = (method: string, status: number, content: unknown) => ({
      startedDateTime: "2025-05-21T12:00:00.000+02:00",
      time: 2,
      request: { method, url: "http://localhost:8092/api/bands/4", headers: [] },
      response: { status, headers: [], content },
    });
    const result = importHar({
      log: {
        entries: [
          entry("GET", 200, { size: 93, mimeType: "application/json" }),
          entry("GET", 200, { size: -1, mimeType: "application/json" }),
          entry("GET", 200, undefined),
          entry("GET", 200, { size: 0, mimeType: "application/json" }),
          entry("POST", 204, { size: -1 }),
          entry("HEAD", 200, { size: 93 }),
          entry("GET", 200, { size: 2, mimeType: "application/json", text: "[]" }),
        ],
      },
    });
    assert.deepEqual(
      only(result).map((e) => [e.responseBody, e.responseBodyMissing]),
      [
        [null, true],
        [null, true],
        [null, true],
        [null, undefined],
        [null, undefined],
        [null, undefined],
        ["[]", undefined],
      ],
    );
  });

  it("refuses what is not a HAR", async () => {
    assert.throws(
      () => importHar({ entries: [] }, {}, "x.har"),
      new HarError("x.har", "no log.entries (not a HAR file)"),
    );
    await assert.rejects(readHarSessions(fixture("missing.har")), {
      message: `har ${fixture("missing.har")}: cannot read (ENOENT)`,
    });
  });
});
