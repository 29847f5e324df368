import assert from "node:assert/strict";
import type { RecordedExchange } from "../../common/recording/index.js";
import type { RequestSpec } from "../../replayer/engine/scenario.js";
import {
  CompareTally,
  groupSessions,
  planSchedule,
  type ScheduleOptions,
} from "../../replayer/recording/index.js";
import { recordedScenario } from "../../replayer/scenario/recorded/recorded-scenario.js";
import { AnsweringSender, jsonAnswer, type Answering } from "./helpers/answering-sender.js";

const JSON_REQUEST = {
  accept: "application/json",
  authorization: "Bearer <redacted>",
  "content-type": "application/json",
};
const JSON_ANSWER = { "content-type": "application/json" };

function exchange(
  fields: Partial<RecordedExchange> & Pick<RecordedExchange, "t" | "method" | "path">,
): RecordedExchange {
  return {
    session: "jti:one",
    service: "bands",
    query: "",
    requestHeaders: { accept: "application/json", authorization: "Bearer <redacted>" },
    requestBody: null,
    status: 200,
    responseHeaders: JSON_ANSWER,
    responseBody: null,
    durationMs: 2,
    ...fields,
  };
}

/** A manager is registered, creates a band, looks at it. */
const SESSION: RecordedExchange[] = [
  exchange({
    t: 0,
    service: "users",
    method: "POST",
    path: "/api/managers",
    requestHeaders: JSON_REQUEST,
    requestBody: '{"username":"mgr_a","email":"a@x.example","password":"pw"}',
    status: 201,
    responseBody: '{"id":7,"username":"mgr_a"}',
  }),
  exchange({
    t: 100,
    method: "POST",
    path: "/api/bands",
    query: "name=Owls&musicalStyle=Indie&managerId=7",
    status: 201,
    responseBody: '{"id":4,"name":"Owls","managerId":7,"members":[]}',
  }),
  exchange({
    t: 250,
    method: "GET",
    path: "/api/bands/4",
    responseBody: '{"id":4,"name":"Owls","members":[]}',
  }),
];

function play(
  exchanges: RecordedExchange[],
  options: Partial<ScheduleOptions> = {},
  extra: { compare?: CompareTally; shiftDays?: number } = {},
) {
  const schedule = planSchedule(groupSessions(exchanges), {
    speed: 1,
    repeat: "once",
    copies: 1,
    ...options,
  });
  const scenario = recordedScenario({
    schedule,
    token: "TARGET-TOKEN",
    compare: extra.compare ?? null,
    shiftDays: extra.shiftDays ?? 0,
  });
  return { schedule, scenario };
}

/** A target whose counters are ahead: creates answer the recorded body with the id + 100. */
const aheadBy100: Answering = (spec) => {
  if (spec.route.method !== "POST") return jsonAnswer(200, { id: 104, name: "Owls", members: [] });
  const id = spec.route.service === "users" ? 107 : 104;
  return jsonAnswer(201, { id, name: "x", managerId: 107, members: [] });
};

async function runAll(
  user: ReturnType<ReturnType<typeof play>["scenario"]["createUser"]>,
  sender: AnsweringSender,
) {
  const due: (number | null)[] = [];
  for (;;) {
    const next = user.nextDueMs?.() ?? null;
    due.push(next);
    if (next === null || !(await user.iterate(sender))) return due;
  }
}

function line(spec: RequestSpec<unknown>): string {
  return `${spec.route.method} ${spec.path}${typeof spec.body === "string" ? ` ${spec.body}` : ""}`;
}

describe("a recorded session as a virtual user", () => {
  it("sends each exchange when due, with the ids the target gave, under the route's name", async () => {
    const { scenario } = play(SESSION);
    assert.deepEqual(
      scenario.routes.map((route) => route.name),
      ["/api/managers [POST]", "/api/bands [POST]", "/api/bands/{id} [GET]"],
    );
    const user = scenario.createUser(0);
    assert.equal(user.key, "jti:one#1");
    const sender = new AnsweringSender(aheadBy100);
    assert.deepEqual(await runAll(user, sender), [0, 100, 250, null]);
    assert.deepEqual(sender.sent.map(line), [
      'POST /api/managers {"username":"mgr_a","email":"a@x.example","password":"pw"}',
      "POST /api/bands?name=Owls&musicalStyle=Indie&managerId=107",
      "GET /api/bands/104",
    ]);
    assert.ok(sender.replies.every((reply) => reply.ok));
  });

  it("sends the recorded headers, the target's token for a redacted bearer, no cookie", async () => {
    const { scenario } = play([
      exchange({
        t: 0,
        method: "GET",
        path: "/api/bands",
        requestHeaders: { ...JSON_REQUEST, cookie: "JSESSIONID=<redacted>" },
      }),
      exchange({
        t: 1,
        method: "GET",
        path: "/api/bands",
        requestHeaders: { accept: ["application/json", "text/plain"] },
      }),
      exchange({
        t: 2,
        method: "GET",
        path: "/api/bands",
        requestHeaders: { authorization: "Basic <redacted>" },
      }),
      exchange({
        t: 3,
        method: "OPTIONS",
        path: "/api/bands",
        requestHeaders: { origin: "http://app.example", "access-control-request-method": "POST" },
      }),
    ]);
    const sender = new AnsweringSender(() => jsonAnswer(200, []));
    await runAll(scenario.createUser(0), sender);
    assert.deepEqual(
      sender.sent.map((spec) => spec.headers),
      [
        {
          accept: "application/json",
          authorization: "Bearer TARGET-TOKEN",
          "content-type": "application/json",
        },
        { accept: "application/json, text/plain" },
        { authorization: "Basic <redacted>" },
        { origin: "http://app.example", "access-control-request-method": "POST" },
      ],
    );
  });

  it("judges by the recording: a 4xx it also got is no failure, a 5xx or another 4xx is, and so is a create without an id", async () => {
    const { scenario } = play([
      exchange({
        t: 0,
        method: "GET",
        path: "/api/bands/99",
        status: 404,
        responseBody: '{"title":"Band not found"}',
      }),
      exchange({ t: 1, method: "GET", path: "/api/bands/98", status: 404 }),
      exchange({ t: 2, method: "GET", path: "/api/bands/1" }),
      exchange({ t: 3, method: "POST", path: "/api/bands", status: 201, responseBody: '{"id":4}' }),
      exchange({ t: 4, method: "GET", path: "/api/bands/2" }),
    ]);
    const answers = [
      jsonAnswer(404, { title: "Band not found" }),
      jsonAnswer(500, { status: 500 }),
      { status: 400, headers: {}, body: '{"title":"Bad Request"}' },
      jsonAnswer(201, { name: "no id" }),
      { status: 302, headers: {}, body: "" },
    ];
    const sender = new AnsweringSender(() => answers.shift() ?? null);
    await runAll(scenario.createUser(0), sender);
    assert.deepEqual(
      sender.replies.map((reply) => (reply.ok ? "ok" : reply.reason)),
      [
        "ok",
        "HTTP 500 Internal Server Error",
        "HTTP 400 Bad Request: Bad Request",
        "HTTP 201 with an unexpected body",
        "ok",
      ],
    );
  });

  it("--compare: every answer into the tally, naming the exchange of each mismatch", async () => {
    const compare = new CompareTally();
    const { scenario } = play(SESSION, {}, { compare });
    const answers = [
      jsonAnswer(201, { id: 107, username: "mgr_a" }),
      jsonAnswer(201, { id: 104, name: "Owls", managerId: 107, members: null }),
      null,
    ];
    await runAll(scenario.createUser(0), new AnsweringSender(() => answers.shift() ?? null));
    const summary = compare.summary();
    assert.deepEqual([summary.total, summary.matched], [3, 1]);
    assert.deepEqual(summary.firstMismatches, [
      {
        name: "/api/bands [POST]",
        exchange: "jti:one#1, exchange 2: POST /api/bands?name=Owls&musicalStyle=Indie&managerId=7",
        mismatches: ["$.members: expected array, got null"],
      },
      {
        name: "/api/bands/{id} [GET]",
        exchange: "jti:one#1, exchange 3: GET /api/bands/4",
        mismatches: ["status: expected 200, got no answer (timeout)"],
      },
    ]);
  });

  it("ids another session created map too (a second login), within the same copy only", async () => {
    // The manager's token was refreshed after the band was created: a second session uses the
    // band and its manager in a query, a nested body field and a list.
    const later = [
      exchange({ t: 300, session: "jti:two", method: "GET", path: "/api/bands/4" }),
      exchange({
        t: 310,
        session: "jti:two",
        service: "tours",
        method: "GET",
        path: "/api/tours",
        query: "bandId=4",
        responseBody: "[]",
      }),
      exchange({
        t: 320,
        session: "jti:two",
        service: "users",
        method: "PATCH",
        path: "/api/managers/bands/7",
        requestHeaders: JSON_REQUEST,
        requestBody: "[4,1]",
        responseBody: '{"id":7}',
      }),
    ];
    const { scenario } = play([...SESSION, ...later], { copies: 2 });
    const sender = new AnsweringSender(aheadBy100);
    await runAll(scenario.createUser(0), sender);
    await runAll(scenario.createUser(2), sender);
    await runAll(scenario.createUser(3), sender);
    assert.deepEqual(sender.sent.slice(3).map(line), [
      "GET /api/bands/104",
      "GET /api/tours?bandId=104",
      "PATCH /api/managers/bands/107 [104,1]",
      "GET /api/bands/4",
      "GET /api/tours?bandId=4",
      "PATCH /api/managers/bands/7 [4,1]",
    ]);
  });

  it("a loop starts each pass at its period, with a fresh correlation", async () => {
    const { schedule, scenario } = play(SESSION, { repeat: "loop" });
    assert.equal(schedule.periodMs, 252);
    const user = scenario.createUser(0);
    let sent = 0;
    const sender = new AnsweringSender((spec) => {
      sent += 1;
      // The second pass's manager is refused (it exists from the first pass): nothing to map.
      return sent === 4 ? jsonAnswer(409, { title: "User Already Exists Error" }) : aheadBy100(spec);
    });
    const due: (number | null)[] = [];
    for (let i = 0; i < 6; i++) {
      due.push(user.nextDueMs?.() ?? null);
      await user.iterate(sender);
    }
    assert.deepEqual(due, [0, 100, 250, 252, 352, 502]);
    assert.deepEqual(sender.sent.slice(3).map(line).slice(1), [
      "POST /api/bands?name=Owls&musicalStyle=Indie&managerId=7",
      "GET /api/bands/104",
    ]);
  });

  it("copies are users of their own, and moves request dates by the days since the recording", async () => {
    const tour = exchange({
      t: 0,
      service: "tours",
      method: "POST",
      path: "/api/tours",
      requestHeaders: JSON_REQUEST,
      requestBody:
        '{"bandId":4,"tourName":"Summer","cityVisits":[{"cityName":"Prague","dateFrom":"2025-07-01","dateTo":"2025-07-03"}]}',
      status: 201,
      responseBody: '{"id":2,"cityVisits":[{"id":3}]}',
    });
    const binary = exchange({
      t: 5,
      method: "PATCH",
      path: "/api/bands/4",
      requestHeaders: { "content-type": "application/octet-stream" },
      requestBody: Buffer.from([0xff, 0x00, 0x9c]).toString("base64"),
      requestBodyEncoding: "base64",
    });
    const { schedule, scenario } = play([tour, binary], { copies: 2 }, { shiftDays: 30 });
    assert.deepEqual(
      schedule.instances.map((instance) => instance.id),
      ["jti:one#1", "jti:one#2"],
    );
    assert.equal(scenario.createUser(1).key, "jti:one#2");
    const sender = new AnsweringSender(() => jsonAnswer(201, { id: 9, cityVisits: [{ id: 10 }] }));
    await runAll(scenario.createUser(1), sender);
    assert.equal(
      sender.sent[0]?.body,
      '{"bandId":4,"tourName":"Summer","cityVisits":[{"cityName":"Prague","dateFrom":"2025-07-31","dateTo":"2025-08-02"}]}',
    );
    assert.deepEqual(sender.sent[1]?.body, Buffer.from([0xff, 0x00, 0x9c]));
    assert.throws(() => scenario.createUser(2), /no session instance 2/);
  });
});
