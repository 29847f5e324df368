import assert from "node:assert/strict";
import { JsonNumber, JsonParseError, parseJackson } from "../../../emulator/core/json/jackson-parser.js";

function parseError(text: string): string {
  try {
    parseJackson(text);
  } catch (error) {
    assert.ok(error instanceof JsonParseError, `expected JsonParseError for ${JSON.stringify(text)}`);
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(text)} to fail`);
}

describe("Jackson-like JSON reader", () => {
  it("reads objects, arrays, strings and literals, keeping number text", () => {
    const value = parseJackson('{"a": [1, 2.50, -3e2], "b": "x\\u00e9\\n", "c": true, "d": null}');
    assert.deepEqual(value, {
      a: [new JsonNumber("1"), new JsonNumber("2.50"), new JsonNumber("-3e2")],
      b: "xé\n",
      c: true,
      d: null,
    });
  });

  it("skips a UTF-8 BOM and ignores content after the first value (FAIL_ON_TRAILING_TOKENS off)", () => {
    assert.deepEqual(parseJackson('\ufeff{"a":"b"} trailing garbage'), { a: "b" });
  });

  it("keeps __proto__ as a plain key", () => {
    const value = parseJackson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ["__proto__"]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  const cases: [string, string][] = [
    ["", "No content to map due to end-of-input"],
    ["   ", "No content to map due to end-of-input"],
    ["{", "Unexpected end-of-input: expected close marker for Object"],
    ["[1,", "Unexpected end-of-input: expected close marker for Array"],
    ['{"a":}', "Unexpected character ('}' (code 125)): expected a value"],
    ["{a:1}", "Unexpected character ('a' (code 97)): was expecting double-quote to start field name"],
    [
      '{"a" 1}',
      "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value",
    ],
    [
      '{"a":1 "b":2}',
      "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
    ],
    [
      "nope",
      "Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
    ["NaN", "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"],
    ["01", "Invalid numeric value: Leading zeroes not allowed"],
    [
      '"a\nb"',
      "Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value",
    ],
    ['"\\x"', "Unrecognized character escape ('x' (code 120))"],
    ['"abc', "Unexpected end-of-input: was expecting closing quote for a string value"],
  ];
  for (const [text, message] of cases) {
    it(`fails ${JSON.stringify(text)} with Jackson's message`, () => {
      assert.equal(parseError(text), message);
    });
  }

  it("refuses nesting deeper than 1000 and numbers longer than 1000 digits", () => {
    assert.equal(
      parseError("[".repeat(1001)),
      "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)",
    );
    assert.doesNotThrow(() => parseJackson("[".repeat(1000) + "]".repeat(1000)));
    assert.match(
      parseError("1".repeat(1001)),
      /^Number value length \(1001\) exceeds the maximum allowed \(1000/,
    );
  });
});
