/**
 * Binding a parsed JSON body onto a DTO with Jackson 2.18's default coercions (contract §1.2):
 * unknown properties ignored, scalars coerced to String, "5" and 5.7 accepted for integers,
 * "" as null, and Jackson's own messages when a value cannot be bound.
 */
import { JsonNumber, type JsonObject, type JsonValue } from "../json/jackson-parser.js";
import {
  localDateTimeFromFields,
  localDateTimeParseError,
  parseJavaDate,
  parseLocalDateTime,
} from "./dates.js";
import { fieldEntries } from "./field-entries.js";
import type { Bound, Dto, FieldMap, FieldSpec, FieldType, LocalDateTimeValue } from "./schema.js";

/** Jackson could not bind the body: Spring reports `JSON parse error: <message>`. */
export class BindError extends Error {}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;

function tokenOf(value: JsonValue): string {
  if (value === null) return "VALUE_NULL";
  if (value === true) return "VALUE_TRUE";
  if (value === false) return "VALUE_FALSE";
  if (typeof value === "string") return "VALUE_STRING";
  if (value instanceof JsonNumber) return value.isInteger ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
  return Array.isArray(value) ? "START_ARRAY" : "START_OBJECT";
}

function shapeOf(value: JsonValue): string {
  if (typeof value === "boolean") return "Boolean value";
  if (typeof value === "string") return "String value";
  if (value instanceof JsonNumber) return value.isInteger ? "Integer value" : "Floating-point value";
  return Array.isArray(value) ? "Array value" : "Object value";
}

function mismatch(javaType: string, value: JsonValue): BindError {
  return new BindError(
    `Cannot deserialize value of type \`${javaType}\` from ${shapeOf(value)} (token \`JsonToken.${tokenOf(value)}\`)`,
  );
}

export function isJsonObject(value: JsonValue): value is JsonObject {
  return (
    typeof value === "object" && value !== null && !(value instanceof JsonNumber) && !Array.isArray(value)
  );
}

/** Bind `root` onto `schema`; the caller has already turned a `null` root into "body missing". */
export function bindDto<F extends FieldMap>(schema: Dto<F>, root: JsonValue): Bound<F> {
  if (!isJsonObject(root)) throw rootMismatch(schema.javaType, root);
  const result: Record<string, unknown> = {};
  for (const [name, spec] of fieldEntries(schema.fields)) {
    const present = Object.hasOwn(root, name);
    if (!present) {
      result[name] = spec.absent !== undefined ? copyOf(spec.absent) : absentValue(spec.type);
      continue;
    }
    const value = bindValue(spec.type, root[name] as JsonValue);
    const refused = spec.setter?.(value);
    if (refused) throw new BindError(refused);
    result[name] = value;
  }
  return result as Bound<F>;
}

function rootMismatch(javaType: string, value: JsonValue): BindError {
  if (Array.isArray(value)) return mismatch(javaType, value);
  const kind =
    typeof value === "string"
      ? `String-argument constructor/factory method to deserialize from String value ('${value}')`
      : typeof value === "boolean"
        ? `boolean/Boolean-argument constructor/factory method to deserialize from boolean value (${value})`
        : `int/Int-argument constructor/factory method to deserialize from Number value (${(value as JsonNumber).text})`;
  return new BindError(
    `Cannot construct instance of \`${javaType}\` (although at least one Creator exists): no ${kind}`,
  );
}

/**
 * Each DTO gets its own copy of an object default; a string or number is shared as is. The
 * defaults in use are lists of plain values (`[]`), copied with a slice, not a structured clone.
 */
function copyOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const flat = Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null);
  return flat ? value.slice() : structuredClone(value);
}

function absentValue(type: FieldType): unknown {
  return type.kind === "int" ? 0 : null;
}

function bindValue(type: FieldType, value: JsonValue): unknown {
  switch (type.kind) {
    case "string":
      if (value === null) return null;
      if (typeof value === "string") return value;
      if (typeof value === "boolean") return String(value);
      if (value instanceof JsonNumber) return value.text;
      throw mismatch("java.lang.String", value);
    case "long":
      return value === null ? null : bindInteger(value, "java.lang.Long", "long", LONG_MIN, LONG_MAX);
    case "int":
      return value === null ? 0 : (bindInteger(value, "int", "int", INT_MIN, INT_MAX) ?? 0);
    case "enum":
      return bindEnum(type.values, type.javaType, value);
    case "localDateTime":
      return bindLocalDateTime(value);
    case "date":
      return bindDate(value);
    case "longs":
      if (value === null) return null;
      if (!Array.isArray(value)) throw mismatch(type.javaType, value);
      return value.map((item) =>
        item === null ? null : bindInteger(item, "java.lang.Long", "long", LONG_MIN, LONG_MAX),
      );
    case "objects":
      if (value === null) return null;
      if (!Array.isArray(value)) throw mismatch(`java.util.List<${type.dto.javaType}>`, value);
      return value.map((item) => (item === null ? null : bindDto(type.dto, item)));
  }
}

function bindInteger(
  value: JsonValue,
  javaType: string,
  primitive: string,
  lo: bigint,
  hi: bigint,
): number | null {
  if (typeof value === "string") return bindIntegerString(value, javaType, lo, hi);
  if (!(value instanceof JsonNumber)) throw mismatch(javaType, value);
  const text = value.text;
  const integral = /[.eE]/.test(text) ? truncate(text) : BigInt(text);
  if (integral === undefined || integral < lo || integral > hi) {
    throw new BindError(`Numeric value (${text}) out of range of ${primitive} (${lo} - ${hi})`);
  }
  return Number(integral);
}

/**
 * A number sent as a string goes through Jackson's `_parseLong` / `_parseIntPrimitive`: the text
 * is trimmed (Java's trim), the word `null` is a null (0 for an int), and a value beyond the
 * type is a "weird string" reported with the string, not the parser's "Numeric value" overflow.
 * An int takes anything that fits a long first and only then reports its own overflow.
 */
function bindIntegerString(value: string, javaType: string, lo: bigint, hi: bigint): number | null {
  const text = javaTrim(value);
  if (text === "" || text === "null") return null;
  const weird = (reason: string) =>
    new BindError(`Cannot deserialize value of type \`${javaType}\` from String "${text}": ${reason}`);
  const invalid = weird(`not a valid \`${javaType}\` value`);
  if (!/^[+-]?\d+$/.test(text)) throw invalid;
  const integral = BigInt(text.replace(/^\+/, ""));
  if (integral >= lo && integral <= hi) return Number(integral);
  if (javaType !== "int" || integral < LONG_MIN || integral > LONG_MAX) throw invalid;
  throw weird(`Overflow: numeric value (${text}) out of range of int (${lo} -${hi})`);
}

/** `String.trim()`: every character up to U+0020 goes, nothing else (JavaScript's trim takes more). */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

function truncate(text: string): bigint | undefined {
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  return BigInt(Math.trunc(number));
}

/**
 * Jackson's EnumDeserializer: the name, or the name once trimmed; an empty or blank string is a
 * coercion it refuses (unlike "" for a number or a date); a string of digits is an index.
 */
function bindEnum(values: readonly string[], javaType: string, value: JsonValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") {
    const name = value.trim();
    if (values.includes(name)) return name;
    if (name === "") {
      const input = value === "" ? 'empty String ("")' : "blank String (all whitespace)";
      throw new BindError(
        `Cannot coerce ${input} to \`${javaType}\` value (but could if coercion was enabled using \`CoercionConfig\`)`,
      );
    }
    // "007" is not an index; "0" and "12" are.
    const index = /^(0|[1-9]\d{0,8})$/.test(name) ? values[Number(name)] : undefined;
    if (index !== undefined) return index;
    throw new BindError(
      `Cannot deserialize value of type \`${javaType}\` from String "${value}": not one of the values accepted for Enum class: [${values.join(", ")}]`,
    );
  }
  if (value instanceof JsonNumber && value.isInteger) {
    const index = Number(value.text);
    const name = values[index];
    if (name !== undefined) return name;
    throw new BindError(
      `Cannot deserialize value of type \`${javaType}\` from number ${value.text}: index value outside legal index range [0..${values.length - 1}]`,
    );
  }
  throw mismatch(javaType, value);
}

function bindLocalDateTime(value: JsonValue): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return localDateTimeFromArray(value);
  if (value instanceof JsonNumber && value.isInteger) {
    throw new BindError(
      `raw timestamp (${value.text}) not allowed for \`java.time.LocalDateTime\`: need additional information such as an offset or time-zone (see class Javadocs)`,
    );
  }
  if (isJsonObject(value)) throw mismatch("java.time.LocalDateTime", value);
  if (typeof value !== "string") throw new BindError("Expected array or string.");
  const text = value.trim();
  if (text === "") return null;
  const parsed = parseLocalDateTime(text);
  if (!parsed) {
    throw new BindError(
      `Cannot deserialize value of type \`java.time.LocalDateTime\` from String "${text}": Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) ${localDateTimeParseError(text)}`,
    );
  }
  return parsed;
}

/**
 * LocalDateTimeDeserializer's array form: `[]` is null; otherwise year, month, day, hour and
 * minute (`nextIntValue(-1)`: a scalar that is not an integer reads as -1), then an optional
 * second and fraction (read with `getIntValue`, so 7.9 is 7; below 1000 the fraction is in
 * milliseconds, else nanoseconds), then the end. A field out of range is Java's own
 * DateTimeException message, which Jackson wraps as the parse error. An array shorter than five
 * sends the real parser on past its end; it is refused here as a missing element.
 */
function localDateTimeFromArray(items: JsonValue[]): LocalDateTimeValue | null {
  if (items.length === 0) return null;
  const [first] = items;
  if (!(first instanceof JsonNumber && first.isInteger)) {
    throw new BindError(
      `Unexpected token (${tokenOf(first as JsonValue)}) within Array, expected VALUE_NUMBER_INT`,
    );
  }
  if (
    items.length < 5 ||
    items
      .slice(1, 5)
      .some((item) => typeof item === "object" && item !== null && !(item instanceof JsonNumber))
  ) {
    throw new BindError("Unexpected token (END_ARRAY) within Array, expected VALUE_NUMBER_INT");
  }
  if (items.length > 7) {
    throw new BindError(
      `Unexpected token (${tokenOf(items[7] as JsonValue)}), expected END_ARRAY: Expected array to end`,
    );
  }
  const [year, month, day, hour, minute] = items
    .slice(0, 5)
    .map((item, index) =>
      index === 0 || (item instanceof JsonNumber && item.isInteger) ? intValue(item as JsonNumber) : -1,
    ) as [number, number, number, number, number];
  const second = items.length > 5 ? intValue(items[5] as JsonValue) : 0;
  const partial = items.length > 6 ? intValue(items[6] as JsonValue) : 0;
  const nano = partial < 1000 ? partial * 1_000_000 : partial;
  const built = localDateTimeFromFields({ year, month, day, hour, minute, second }, nano);
  if ("error" in built) throw new BindError(built.error);
  return built;
}

/** `JsonParser.getIntValue()`: an int, a float truncated, anything else is no number at all. */
function intValue(item: JsonValue): number {
  if (!(item instanceof JsonNumber)) {
    throw new BindError(`Current token (${tokenOf(item)}) not numeric, can not use numeric value accessors`);
  }
  const integral = item.isInteger ? BigInt(item.text) : truncate(item.text);
  if (integral === undefined || integral < INT_MIN || integral > INT_MAX) {
    throw new BindError(`Numeric value (${item.text}) out of range of int (${INT_MIN} - ${INT_MAX})`);
  }
  return Number(integral);
}

/**
 * StdDeserializer._parseDate: an integer is epoch milliseconds, a float is not a date at all, a
 * string is trimmed and "null" in it is a null, everything else goes to StdDateFormat.
 */
function bindDate(value: JsonValue): Date | null {
  if (value === null) return null;
  if (value instanceof JsonNumber && value.isInteger) {
    if (!inLongRange(value.text)) {
      throw new BindError(
        `Cannot deserialize value of type \`java.util.Date\` from number ${value.text}: not a valid 64-bit \`long\` for creating \`java.util.Date\``,
      );
    }
    return representable(new Date(Number(value.text)), `Number ${value.text}`);
  }
  if (typeof value !== "string") throw mismatch("java.util.Date", value);
  const text = javaTrim(value);
  if (text === "" || text === "null") return null;
  const parsed = parseJavaDate(text);
  if (parsed) return representable(parsed, `String "${text}"`);
  throw new BindError(
    `Cannot deserialize value of type \`java.util.Date\` from String "${text}": not a valid representation (error: Failed to parse Date value '${text}': Cannot parse date "${text}": not compatible with any of standard forms ("yyyy-MM-dd'T'HH:mm:ss.SSSX", "yyyy-MM-dd'T'HH:mm:ss.SSS", "EEE, dd MMM yyyy HH:mm:ss zzz", "yyyy-MM-dd"))`,
  );
}

function inLongRange(integer: string): boolean {
  const value = BigInt(integer);
  return value >= LONG_MIN && value <= LONG_MAX;
}

/**
 * A JavaScript Date ends at ±8.64e15 ms (the year 275760), a Java one much later: an instant
 * past that cannot be held here, so it is refused like a value Jackson cannot bind (a stored
 * Invalid Date would crash every later answer that formats it).
 */
function representable(date: Date, text: string): Date {
  if (Number.isNaN(date.getTime())) {
    throw new BindError(
      `Cannot deserialize value of type \`java.util.Date\` from ${text}: beyond the year 275760, the last instant the emulator can hold`,
    );
  }
  return date;
}

/**
 * A bare JSON array of Longs as a body (`PATCH /api/artists/bands/{id}`). Null elements stay:
 * Jackson binds them, and it is the database that refuses them.
 */
export function bindLongList(root: JsonValue, javaType: string): (number | null)[] {
  return bindValue({ kind: "longs", javaType }, root) as (number | null)[];
}

export type { FieldSpec };
