/**
 * A JSON reader that fails the way Jackson 2.18 fails, because clients of the music-catalog and
 * tour services see Jackson's message inside their 500 bodies (contract §1.4, §1.7).
 *
 * Differences from JSON.parse that the real services have: content after the first value is
 * ignored (FAIL_ON_TRAILING_TOKENS is off), nesting deeper than 1000 and numbers longer than
 * 1000 digits are refused (StreamReadConstraints), and numbers keep their source text so that the
 * binder can coerce them like Jackson does (`5.7` into a Long is 5, `5.0` into a String is "5.0").
 */
export class JsonNumber {
  constructor(readonly text: string) {}
  get isInteger(): boolean {
    return !/[.eE]/.test(this.text);
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export class JsonParseError extends Error {}

const MAX_DEPTH = 1000;
const MAX_NUMBER_LENGTH = 1000;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function parseJackson(text: string): JsonValue {
  return new Reader(text).readRoot();
}

/** Jackson's `_getCharDesc`, wrapped in parentheses as its messages print it. */
function describe(code: number): string {
  if (code < 0x20) return `((CTRL-CHAR, code ${code}))`;
  return `('${String.fromCharCode(code)}' (code ${code}))`;
}

class Reader {
  private pos = 0;
  private depth = 0;
  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  readRoot(): JsonValue {
    this.skipWhitespace();
    if (this.pos >= this.text.length) throw new JsonParseError("No content to map due to end-of-input");
    return this.readValue();
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && WHITESPACE.has(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private readValue(): JsonValue {
    const code = this.text.charCodeAt(this.pos);
    switch (code) {
      case 0x7b:
        return this.readObject();
      case 0x5b:
        return this.readArray();
      case 0x22:
        return this.readString();
      case 0x74:
        return this.readLiteral("true", true);
      case 0x66:
        return this.readLiteral("false", false);
      case 0x6e:
        return this.readLiteral("null", null);
      default:
        if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.readNumber();
        return this.unexpectedValue();
    }
  }

  private unexpectedValue(): never {
    if (this.pos >= this.text.length) throw new JsonParseError("Unexpected end-of-input: expected a value");
    const code = this.text.charCodeAt(this.pos);
    if (/[A-Za-z]/.test(this.text[this.pos] ?? "")) {
      const word = /^[A-Za-z0-9_$]+/.exec(this.text.slice(this.pos, this.pos + 256))?.[0] ?? "";
      if (word === "NaN" || word === "Infinity") {
        throw new JsonParseError(
          `Non-standard token '${word}': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow`,
        );
      }
      throw new JsonParseError(
        `Unrecognized token '${word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
      );
    }
    throw new JsonParseError(`Unexpected character ${describe(code)}: expected a value`);
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      throw new JsonParseError(
        `Document nesting depth (${this.depth}) exceeds the maximum allowed (${MAX_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
      );
    }
  }

  private readObject(): JsonObject {
    this.enter();
    this.pos++;
    const result: JsonObject = {};
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.pos);
      if (code !== 0x22) {
        if (this.pos >= this.text.length) throw this.endOfInput("Object");
        throw new JsonParseError(
          `Unexpected character ${describe(code)}: was expecting double-quote to start field name`,
        );
      }
      const key = this.readString();
      this.skipWhitespace();
      const colon = this.text.charCodeAt(this.pos);
      if (colon !== 0x3a) {
        if (this.pos >= this.text.length) throw this.endOfInput("Object");
        throw new JsonParseError(
          `Unexpected character ${describe(colon)}: was expecting a colon to separate field name and value`,
        );
      }
      this.pos++;
      this.skipWhitespace();
      if (this.pos >= this.text.length) throw this.endOfInput("Object");
      const value = this.readValue();
      // A "__proto__" key is data, never a prototype: only that key needs defineProperty (the only
      // setter on Object.prototype); plain assignment makes the same property, far cheaper.
      if (key === "__proto__")
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.pos);
      this.pos++;
      if (next === 0x2c) continue;
      if (next === 0x7d) break;
      this.pos--;
      if (this.pos >= this.text.length) throw this.endOfInput("Object");
      throw new JsonParseError(
        `Unexpected character ${describe(next)}: was expecting comma to separate Object entries`,
      );
    }
    this.depth--;
    return result;
  }

  private readArray(): JsonValue[] {
    this.enter();
    this.pos++;
    const result: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.text.length) throw this.endOfInput("Array");
      result.push(this.readValue());
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.pos);
      this.pos++;
      if (next === 0x2c) continue;
      if (next === 0x5d) break;
      this.pos--;
      if (this.pos >= this.text.length) throw this.endOfInput("Array");
      throw new JsonParseError(
        `Unexpected character ${describe(next)}: was expecting comma to separate Array entries`,
      );
    }
    this.depth--;
    return result;
  }

  private endOfInput(kind: "Object" | "Array"): JsonParseError {
    return new JsonParseError(`Unexpected end-of-input: expected close marker for ${kind}`);
  }

  private readLiteral<T extends boolean | null>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      const after = this.text.charCodeAt(this.pos + word.length);
      if (!/[A-Za-z0-9_]/.test(String.fromCharCode(after)) || Number.isNaN(after)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.unexpectedValue();
  }

  private readString(): string {
    const start = ++this.pos;
    let out = "";
    let chunkStart = start;
    for (;;) {
      if (this.pos >= this.text.length) {
        throw new JsonParseError("Unexpected end-of-input: was expecting closing quote for a string value");
      }
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) {
        throw new JsonParseError(
          `Illegal unquoted character ${describe(code)}: has to be escaped using backslash to be included in string value`,
        );
      }
      if (code === 0x5c) {
        out += this.text.slice(chunkStart, this.pos);
        out += this.readEscape();
        chunkStart = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private readEscape(): string {
    const code = this.text.charCodeAt(this.pos + 1);
    this.pos += 2;
    switch (code) {
      case 0x22:
        return '"';
      case 0x5c:
        return "\\";
      case 0x2f:
        return "/";
      case 0x62:
        return "\b";
      case 0x66:
        return "\f";
      case 0x6e:
        return "\n";
      case 0x72:
        return "\r";
      case 0x74:
        return "\t";
      case 0x75: {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw new JsonParseError(
            "Unexpected character: expected a hex-digit for character escape sequence",
          );
        }
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        if (Number.isNaN(code))
          throw new JsonParseError("Unexpected end-of-input in character escape sequence");
        throw new JsonParseError(`Unrecognized character escape ${describe(code)}`);
    }
  }

  private readNumber(): JsonNumber {
    const match = /^-?(0|[1-9]\d*)?(\.\d*)?([eE][+-]?\d*)?/.exec(
      this.text.slice(this.pos, this.pos + MAX_NUMBER_LENGTH + 2),
    );
    const text = match?.[0] ?? "";
    if (text.length > MAX_NUMBER_LENGTH) {
      throw new JsonParseError(
        `Number value length (${text.length}) exceeds the maximum allowed (${MAX_NUMBER_LENGTH}, from \`StreamReadConstraints.getMaxNumberLength()\`)`,
      );
    }
    const integerPart = match?.[1];
    const next = this.text.charCodeAt(this.pos + text.length);
    if (integerPart === undefined) {
      throw new JsonParseError(
        `Unexpected character ${describe(this.text.charCodeAt(this.pos + 1))}: expected digit (0-9) to follow minus sign, for valid numeric value`,
      );
    }
    if (integerPart === "0" && next >= 0x30 && next <= 0x39) {
      throw new JsonParseError("Invalid numeric value: Leading zeroes not allowed");
    }
    if (match?.[2] === "." || /[eE][+-]?$/.test(text)) {
      throw new JsonParseError(
        `Unexpected character ${describe(next)}: Decimal point not followed by a digit, or exponent marker without digits`,
      );
    }
    this.pos += text.length;
    return new JsonNumber(text);
  }
}
