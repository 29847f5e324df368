import assert from "node:assert/strict";
import { summaryLine } from "../../../emulator/bin/summary.js";

describe("emu start: the periodic traffic summary", () => {
  const at = new Date(Date.UTC(2025, 4, 21, 10, 15, 30));

  it("totals, the rate over the interval and the new errors, per service", () => {
    const totals: [string, { count: number; errors: number }][] = [
      ["users", { count: 120, errors: 2 }],
      ["bands", { count: 380, errors: 5 }],
    ];
    const { line, now } = summaryLine(totals, { count: 400, errors: 3 }, 10_000, at);
    assert.equal(line, "[10:15:30] 500 requests (10.0/s), 7 errors (+4) — users 120, bands 380");
    assert.deepEqual(now, { count: 500, errors: 7 });
  });

  it("one request and one error are singular", () => {
    const { line } = summaryLine([["tours", { count: 1, errors: 1 }]], { count: 0, errors: 0 }, 1000, at);
    assert.equal(line, "[10:15:30] 1 request (1.0/s), 1 error (+1) — tours 1");
  });
});
