import assert from "node:assert/strict";
import {
  formatCount,
  formatFixed,
  formatSigned,
  metText,
  renderTable,
  type TableLine,
} from "../../bench/table.js";

const line = (overrides: Partial<TableLine>): TableLine => ({
  id: "1",
  what: "emulator",
  figure: "9,070 req/s",
  reference: "13,725 req/s",
  ratio: "0.66",
  target: "≥ 0.5",
  met: true,
  ...overrides,
});

describe("bench table", () => {
  it("renders a Markdown table padded to its widest cell, as prettier pads one", () => {
    const table = renderTable([
      line({}),
      line({
        id: "4",
        what: "… its p99",
        figure: "81.5 ms",
        ratio: "1.361",
        target: "within 5 %",
        met: false,
      }),
      line({
        id: "6",
        what: "festival",
        figure: "1,832 req/s",
        reference: "—",
        ratio: "—",
        target: "stated",
        met: null,
      }),
    ]);
    assert.equal(
      table,
      [
        "| #   | what      | figure      | reference    | ratio | target     | met    |",
        "| --- | --------- | ----------- | ------------ | ----- | ---------- | ------ |",
        "| 1   | emulator  | 9,070 req/s | 13,725 req/s | 0.66  | ≥ 0.5      | yes    |",
        "| 4   | … its p99 | 81.5 ms     | 13,725 req/s | 1.361 | within 5 % | **no** |",
        "| 6   | festival  | 1,832 req/s | —            | —     | stated     | —      |",
      ].join("\n"),
    );
  });

  it("escapes a pipe inside a cell, so it cannot end the cell", () => {
    const [, , row] = renderTable([line({ what: "a | b" })]).split("\n");
    assert.equal(row, "| 1   | a \\| b | 9,070 req/s | 13,725 req/s | 0.66  | ≥ 0.5  | yes |");
  });

  it("says met, missed or stated", () => {
    assert.deepEqual([true, false, null].map(metText), ["yes", "**no**", "—"]);
  });

  describe("numbers", () => {
    const cases: [string, string, string][] = [
      ["count", formatCount(12_523.4), "12,523"],
      ["count of NaN", formatCount(Number.NaN), "n/a"],
      ["fixed", formatFixed(0.6521, 2), "0.65"],
      ["fixed with a unit", formatFixed(50.4, 0, " ms"), "50 ms"],
      ["fixed of Infinity", formatFixed(Number.POSITIVE_INFINITY, 2), "n/a"],
      ["signed positive", formatSigned(1.956, 2, " ms"), "+1.96 ms"],
      ["signed negative", formatSigned(-0.4, 1, " MB"), "-0.4 MB"],
      ["signed zero", formatSigned(0, 0), "+0"],
      ["signed tiny negative rounds to -0", formatSigned(-0.001, 1), "-0.0"],
    ];
    for (const [name, got, expected] of cases) it(`${name}: ${expected}`, () => assert.equal(got, expected));
  });
});
