import assert from "node:assert/strict";
import type { RecordedExchange } from "../../../common/recording/index.js";
import {
  parseSpeed,
  planSchedule,
  plannedRequests,
  plannedStartMs,
  type ScheduleOptions,
} from "../../../replayer/recording/schedule.js";
import { groupSessions } from "../../../replayer/recording/sessions.js";

function at(session: string, t: number, durationMs: number): RecordedExchange {
  return {
    t,
    session,
    service: "bands",
    method: "GET",
    path: `/api/bands/${t}`,
    query: "",
    requestHeaders: {},
    requestBody: null,
    status: 200,
    responseHeaders: {},
    responseBody: null,
    durationMs,
  };
}

// Two users as recorded: A at 1000, 1100, 1300 ms; B at 1050, 1150 ms. Span 1000 → 1310 = 310 ms.
const SESSIONS = groupSessions([
  at("A", 1000, 10),
  at("B", 1050, 20),
  at("A", 1100, 10),
  at("B", 1150, 20),
  at("A", 1300, 10),
]);

type Row = [instance: string, iteration: number, index: number, atMs: number];

const CASES: ReadonlyArray<
  readonly [string, ScheduleOptions, { untilMs?: number; iterations?: number }, Row[]]
> = [
  [
    "once at the recorded pace: offsets from the first arrival, the sessions overlapping as recorded",
    { speed: 1, repeat: "once", copies: 1 },
    {},
    [
      ["A#1", 0, 0, 0],
      ["B#1", 0, 0, 50],
      ["A#1", 0, 1, 100],
      ["B#1", 0, 1, 150],
      ["A#1", 0, 2, 300],
    ],
  ],
  [
    "twice as fast",
    { speed: 2, repeat: "once", copies: 1 },
    {},
    [
      ["A#1", 0, 0, 0],
      ["B#1", 0, 0, 25],
      ["A#1", 0, 1, 50],
      ["B#1", 0, 1, 75],
      ["A#1", 0, 2, 150],
    ],
  ],
  [
    "max: no waits, each session paced only by its own answers",
    { speed: "max", repeat: "once", copies: 1 },
    {},
    [
      ["A#1", 0, 0, 0],
      ["A#1", 0, 1, 0],
      ["A#1", 0, 2, 0],
      ["B#1", 0, 0, 0],
      ["B#1", 0, 1, 0],
    ],
  ],
  [
    "two copies of each session at once",
    { speed: 1, repeat: "once", copies: 2 },
    {},
    [
      ["A#1", 0, 0, 0],
      ["A#2", 0, 0, 0],
      ["B#1", 0, 0, 50],
      ["B#2", 0, 0, 50],
      ["A#1", 0, 1, 100],
      ["A#2", 0, 1, 100],
      ["B#1", 0, 1, 150],
      ["B#2", 0, 1, 150],
      ["A#1", 0, 2, 300],
      ["A#2", 0, 2, 300],
    ],
  ],
  [
    "looped until 700 ms: a pass every 310 ms",
    { speed: 1, repeat: "loop", copies: 1 },
    { untilMs: 700 },
    [
      ["A#1", 0, 0, 0],
      ["B#1", 0, 0, 50],
      ["A#1", 0, 1, 100],
      ["B#1", 0, 1, 150],
      ["A#1", 0, 2, 300],
      ["A#1", 1, 0, 310],
      ["B#1", 1, 0, 360],
      ["A#1", 1, 1, 410],
      ["B#1", 1, 1, 460],
      ["A#1", 1, 2, 610],
      ["A#1", 2, 0, 620],
      ["B#1", 2, 0, 670],
    ],
  ],
  [
    "looped at 4× for two passes",
    { speed: 4, repeat: "loop", copies: 1 },
    { iterations: 2 },
    [
      ["A#1", 0, 0, 0],
      ["B#1", 0, 0, 12.5],
      ["A#1", 0, 1, 25],
      ["B#1", 0, 1, 37.5],
      ["A#1", 0, 2, 75],
      ["A#1", 1, 0, 77.5],
      ["B#1", 1, 0, 90],
      ["A#1", 1, 1, 102.5],
      ["B#1", 1, 1, 115],
      ["A#1", 1, 2, 152.5],
    ],
  ],
  [
    "looped at max for two passes: the next pass right after the last answer",
    { speed: "max", repeat: "loop", copies: 1 },
    { iterations: 2 },
    [
      ["A#1", 0, 0, 0],
      ["A#1", 0, 1, 0],
      ["A#1", 0, 2, 0],
      ["A#1", 1, 0, 0],
      ["A#1", 1, 1, 0],
      ["A#1", 1, 2, 0],
      ["B#1", 0, 0, 0],
      ["B#1", 0, 1, 0],
      ["B#1", 1, 0, 0],
      ["B#1", 1, 1, 0],
    ],
  ],
];

describe("replay scheduling", () => {
  for (const [title, options, bound, expected] of CASES) {
    it(title, () => {
      const schedule = planSchedule(SESSIONS, options);
      assert.deepEqual(
        plannedRequests(schedule, bound).map((r): Row => [r.instance, r.iteration, r.index, r.atMs]),
        expected,
      );
    });
  }

  it("gives each instance its offsets and the period, and a start for any pass", () => {
    const schedule = planSchedule(SESSIONS, { speed: 2, repeat: "loop", copies: 1 });
    assert.equal(schedule.periodMs, 155);
    assert.deepEqual(
      schedule.instances.map((i) => [i.id, i.copy, i.offsetsMs]),
      [
        ["A#1", 1, [0, 50, 150]],
        ["B#1", 1, [25, 75]],
      ],
    );
    const b = schedule.instances[1];
    assert.ok(b);
    assert.equal(plannedStartMs(schedule, b, 10, 1), 1625, "B's second request in the eleventh pass");
  });

  it("refuses plans that cannot end or make no sense", () => {
    const loop = planSchedule(SESSIONS, { speed: 1, repeat: "loop", copies: 1 });
    assert.throws(() => plannedRequests(loop), /a loop needs iterations/);
    const maxLoop = planSchedule(SESSIONS, { speed: "max", repeat: "loop", copies: 1 });
    assert.throws(() => plannedRequests(maxLoop, { untilMs: 1000 }), /a loop needs iterations/);
    assert.throws(() => planSchedule(SESSIONS, { speed: 1, repeat: "once", copies: 0 }), /copies/);
    assert.throws(() => planSchedule(SESSIONS, { speed: 0, repeat: "once", copies: 1 }), /speed/);
  });

  it("parses --speed", () => {
    assert.deepEqual(["1", "2", "1.5", "max", " max ", "0", "-2", "fast", "2x", ""].map(parseSpeed), [
      1,
      2,
      1.5,
      "max",
      "max",
      "'0' must be a number > 0 or max",
      "'-2' must be a number > 0 or max",
      "'fast' must be a number > 0 or max",
      "'2x' must be a number > 0 or max",
      "'' must be a number > 0 or max",
    ]);
  });
});
