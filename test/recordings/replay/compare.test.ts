import assert from "node:assert/strict";
import { join } from "node:path";
import { readRecording, type RecordedExchange } from "../../../common/recording/index.js";
import { packageRoot } from "../../../emulator/package-root.js";
import { compareExchange, type ActualAnswer } from "../../../replayer/recording/compare/compare-exchange.js";
import { CompareTally } from "../../../replayer/recording/compare/compare-tally.js";

const SAMPLE = join(packageRoot(), "recordings", "festival-sample.jsonl");

/** Every value changed, every type kept: what another store answers to the same requests. */
function otherValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(otherValues);
  if (typeof value === "number") return value + 1000;
  if (typeof value === "string") return `${value}-elsewhere`;
  if (typeof value === "boolean") return !value;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, otherValues(v)]));
  return value;
}

function answerOf(
  exchange: RecordedExchange,
  transform: (body: unknown) => unknown = otherValues,
): ActualAnswer {
  const contentType = exchange.responseHeaders["content-type"] as string | undefined;
  const body =
    exchange.responseBody === null ? undefined : JSON.stringify(transform(JSON.parse(exchange.responseBody)));
  return { status: exchange.status, contentType, body };
}

function exchange(responseBody: string | null, overrides: Partial<RecordedExchange> = {}): RecordedExchange {
  return {
    t: 0,
    session: "s",
    service: "bands",
    method: "GET",
    path: "/api/bands/4",
    query: "",
    requestHeaders: {},
    requestBody: null,
    status: 200,
    responseHeaders: responseBody === null ? {} : { "content-type": "application/json" },
    responseBody,
    durationMs: 1,
    ...overrides,
  };
}

const BAND = '{"id":4,"name":"Owls","musicalStyle":"Indie","logo":null,"managerId":7,"members":[9]}';

describe("compare: the shape of answers against the recording", () => {
  it("reports 100 % for a replay whose answers differ only in values (ids, dates, hashes, names)", async () => {
    const { exchanges } = await readRecording(SAMPLE);
    const tally = new CompareTally();
    for (const recorded of exchanges) tally.add(compareExchange(recorded, answerOf(recorded)));
    const summary = tally.summary();
    assert.deepEqual([summary.total, summary.matched, summary.matchRate], [24, 24, 1]);
    assert.ok(summary.byName.every((n) => n.matchRate === 1 && n.firstMismatches.length === 0));
    assert.deepEqual(summary.byName.map((n) => [n.name, n.total]).slice(0, 6), [
      ["/api/albums [POST]", 1],
      ["/api/artists [POST]", 2],
      ["/api/artists/bands [GET]", 1],
      ["/api/bands [GET]", 1],
      ["/api/bands [POST]", 1],
      ["/api/bands/offers [POST]", 1],
    ]);
  });

  it("names the route and the field of a changed shape", async () => {
    const { exchanges } = await readRecording(SAMPLE);
    const tally = new CompareTally();
    for (const recorded of exchanges) {
      const changed =
        recorded.method === "GET" && recorded.path === "/api/bands/4"
          ? answerOf(recorded, (body) => ({ ...(body as object), members: null }))
          : answerOf(recorded);
      tally.add(compareExchange(recorded, changed));
    }
    const summary = tally.summary();
    assert.deepEqual([summary.total, summary.matched], [24, 23]);
    assert.deepEqual(
      summary.byName.filter((n) => n.matchRate !== 1),
      [
        {
          name: "/api/bands/{id} [GET]",
          total: 2,
          matched: 1,
          matchRate: 0.5,
          firstMismatches: ["$.members: expected array, got null"],
        },
      ],
    );
  });

  const CASES: ReadonlyArray<readonly [string, RecordedExchange, ActualAnswer, string[]]> = [
    [
      "another status",
      exchange(BAND),
      { status: 404, contentType: "application/problem+json", body: '{"title":"Band not found"}' },
      ["status: expected 200, got 404"],
    ],
    [
      "another media type (charset ignored)",
      exchange('{"status":404,"message":"x"}', { status: 404 }),
      {
        status: 404,
        contentType: "application/problem+json;charset=UTF-8",
        body: '{"status":404,"message":"y"}',
      },
      ["content-type: expected application/json, got application/problem+json"],
    ],
    [
      "a missing and an unexpected field",
      exchange(BAND),
      {
        status: 200,
        contentType: "application/json",
        body: '{"id":5,"name":"x","musicalStyle":"y","managerId":1,"members":[],"logoUrl":"u"}',
      },
      ["$.logo: missing (expected null)", "$.logoUrl: unexpected field (string)"],
    ],
    [
      "a nested element type",
      exchange('[{"id":1,"cityVisits":[{"id":2,"dateFrom":"2025-07-01T00:00:00.000+00:00"}]}]', {
        path: "/api/tours",
      }),
      {
        status: 200,
        contentType: "application/json",
        body: '[{"id":1,"cityVisits":[{"id":2,"dateFrom":1751328000000}]}]',
      },
      ["$[].cityVisits[].dateFrom: expected string, got number"],
    ],
    [
      "a body where none was recorded",
      exchange(null, { status: 204, method: "DELETE" }),
      { status: 204, contentType: "application/json", body: '{"id":1}' },
      ["content-type: expected none, got application/json", "body: expected none, got JSON object"],
    ],
    [
      "text instead of JSON",
      exchange(BAND),
      { status: 200, contentType: "application/json", body: "<html>" },
      ["body: expected JSON object, got text"],
    ],
    [
      "an empty array against a full one: arrays compare by element shape only when both have some",
      exchange('{"members":[]}'),
      { status: 200, contentType: "application/json", body: '{"members":[1,2]}' },
      [],
    ],
    [
      "elements merged: optional fields and null-or-string values are both fine",
      exchange('[{"id":1,"logo":null},{"id":2,"logo":"a","extra":true}]', { path: "/api/bands" }),
      { status: 200, contentType: "application/json", body: '[{"id":3,"logo":"b"}]' },
      [],
    ],
    [
      "a field every element had is missing in some",
      exchange('[{"id":1,"name":"a"}]', { path: "/api/bands" }),
      { status: 200, contentType: "application/json", body: '[{"id":1,"name":"a"},{"id":2}]' },
      ["$[].name: missing in some elements"],
    ],
    [
      "two HTML pages (a browser's error page) match whatever their text",
      exchange("<html>a</html>", { responseHeaders: { "content-type": "text/html" } }),
      { status: 200, contentType: "text/html;charset=UTF-8", body: "<html>b</html>" },
      [],
    ],
  ];

  for (const [title, recorded, actual, expected] of CASES) {
    it(title, () => {
      const result = compareExchange(recorded, actual);
      assert.deepEqual(result.mismatches, expected);
      assert.equal(result.matched, expected.length === 0);
    });
  }

  it("does not judge a body that was never captured, but still its status and media type", () => {
    const missing = exchange(null, {
      responseHeaders: { "content-type": "application/json" },
      responseBodyMissing: true,
    });
    assert.deepEqual(
      compareExchange(missing, { status: 200, contentType: "application/json", body: BAND }).mismatches,
      [],
    );
    assert.deepEqual(
      compareExchange(missing, { status: 200, contentType: "text/html", body: "<p>" }).mismatches,
      ["content-type: expected application/json, got text/html"],
    );
    assert.deepEqual(compareExchange(missing, { status: 404, contentType: undefined, body: "" }).mismatches, [
      "status: expected 200, got 404",
    ]);
  });

  it("a tally with nothing in it has no rate", () => {
    assert.deepEqual(new CompareTally().summary(), {
      total: 0,
      matched: 0,
      matchRate: null,
      byName: [],
      firstMismatches: [],
    });
  });
});
