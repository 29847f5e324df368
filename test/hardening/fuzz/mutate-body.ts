/**
 * Bending a JSON body: broken syntax, wrong types, numbers no Long holds, nesting past Jackson's
 * limit, byte-order marks and other encodings, invalid UTF-8, prototype keys, huge values.
 */
import { HOSTILE_DATES, HOSTILE_NUMBER_TOKENS, HOSTILE_STRINGS } from "./hostile-values.js";
import type { FuzzState } from "./state.js";

type BodyMutation = (text: string, s: FuzzState) => [string, Buffer | undefined];

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

function asObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every field path of a JSON value, nested ones too (`cityVisits.0.dateFrom`), a few levels deep. */
function fieldPaths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 3 || value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value)
    ? value.map((item, i) => [String(i), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [
    [...prefix, key],
    ...fieldPaths(item, [...prefix, key], depth + 1),
  ]);
}

/** Replace one field's value, nested or not (or add one), and serialise; `raw` goes in as JSON text. */
function withField(text: string, s: FuzzState, raw: string, prefer?: RegExp): string {
  const object = asObject(text) ?? {};
  const all = fieldPaths(object);
  const preferred = prefer ? all.filter((path) => prefer.test(path[path.length - 1] ?? "")) : [];
  const paths = preferred.length > 0 ? preferred : all;
  const path = paths.length > 0 && s.chance(0.85) ? s.pick(paths) : [s.pick(["id", "cityVisits", "extra"])];
  let holder: Record<string, unknown> = object;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  holder[path[path.length - 1] as string] = "\u0000PLACEHOLDER\u0000";
  try {
    return JSON.stringify(object).replace('"\\u0000PLACEHOLDER\\u0000"', raw);
  } catch {
    return text; // nested too deep for JSON.stringify: keep the earlier mutation
  }
}

function nested(depth: number, s: FuzzState): string {
  return s.chance(0.5)
    ? "[".repeat(depth) + "]".repeat(depth)
    : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

const WRONG_VALUES = [
  "[]",
  "{}",
  '"str"',
  "true",
  "12",
  "null",
  '[{"id":1}]',
  '{"x":{"y":[1,"2",null]}}',
  '""',
  '" "',
];

const BODY_MUTATIONS: Readonly<Record<string, BodyMutation>> = {
  truncate: (t, s) => ["truncated", utf8(t.slice(0, s.int(0, Math.max(0, t.length - 1))))],
  trailingComma: (t) => ["trailing comma", utf8(t.replace(/}$/, ",}").replace(/]$/, ",]"))],
  singleQuotes: (t) => ["single quotes", utf8(t.replaceAll('"', "'"))],
  garbageAfter: (t, s) => [
    "garbage after the value",
    utf8(t + s.pick(["}{", " trailing", "\u0000", "]]]", "{}"])),
  ],
  replace: (_t, s) => {
    const text = s.pick([
      "",
      " ",
      "null",
      "[]",
      "{}",
      '"text"',
      "123",
      "true",
      "{",
      "[",
      "nul",
      '{"a":}',
      "/* c */ {}",
      "NaN",
      "\r\n",
    ]);
    return [`body replaced by ${JSON.stringify(text)}`, utf8(text)];
  },
  wrongType: (t, s) => ["a field of the wrong type", utf8(withField(t, s, s.pick(WRONG_VALUES)))],
  hostileNumber: (t, s) => {
    const token = s.pick(HOSTILE_NUMBER_TOKENS);
    return [`number ${token.slice(0, 30)}`, utf8(withField(t, s, token))];
  },
  hostileString: (t, s) => [
    "a hostile string",
    utf8(withField(t, s, JSON.stringify(s.pick(HOSTILE_STRINGS)))),
  ],
  hostileDate: (t, s) => {
    const value = s.pick(HOSTILE_DATES);
    return [`date ${value}`, utf8(withField(t, s, value, /date/i))];
  },
  nullField: (t, s) => ["a null field", utf8(withField(t, s, "null"))],
  deepNesting: (t, s) => {
    const depth = s.pick([999, 1001, 5000, 100_000]);
    return [
      `nested ${depth} deep`,
      utf8(s.chance(0.5) ? nested(depth, s) : withField(t, s, nested(depth, s))),
    ];
  },
  bom: (t) => ["UTF-8 BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(t)])],
  utf16: (t, s) => [
    "UTF-16LE",
    Buffer.concat([s.chance(0.5) ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(t, "utf16le")]),
  ],
  latin1: (t) => ["latin1 bytes", Buffer.from(withFieldPlain(t, "Zoë Øster"), "latin1")],
  invalidUtf8: (t, s) => {
    const at = s.int(0, t.length);
    const bad = s.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82]]);
    return ["invalid UTF-8", Buffer.concat([utf8(t.slice(0, at)), Buffer.from(bad), utf8(t.slice(at))])];
  },
  hugeString: (t, s) => [
    "a 100 000 character string",
    utf8(withField(t, s, JSON.stringify("z".repeat(100_000)))),
  ],
  hugeBody: () => ["a body over the 2 MB limit", utf8(`[${"1,".repeat(1_200_000)}1]`)],
  protoKeys: (t) => [
    "__proto__ and constructor keys",
    utf8(t.replace(/^{/, '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},')),
  ],
  duplicateKeys: (t) => {
    const object = asObject(t);
    const first = object ? Object.keys(object)[0] : undefined;
    return ["a duplicate key", utf8(first ? t.replace(/^{/, `{"${first}":[1,2],`) : t)];
  },
  unknownFields: (t) => ["unknown fields", utf8(t.replace(/^{/, '{"unknown":[1,{"x":null}],"__x":true,'))],
  form: () => ["a form body", utf8("name=x&musicalStyle=y&managerId=1")],
};

function withFieldPlain(text: string, value: string): string {
  const object = asObject(text);
  if (!object) return text;
  const key = Object.keys(object).find((k) => typeof object[k] === "string") ?? "name";
  object[key] = value;
  try {
    return JSON.stringify(object);
  } catch {
    return text;
  }
}

/** Values that keep the JSON valid: what domain code, not the parser, has to cope with. */
const VALUE_MUTATIONS = ["wrongType", "hostileNumber", "hostileString", "hostileDate", "nullField"];

/** One mutation of the body (which may be missing: then one is made up). */
export function mutateBody(body: Buffer | undefined, s: FuzzState): [string, Buffer | undefined] {
  const text = body?.toString("utf8") ?? "{}";
  const syntax = Object.keys(BODY_MUTATIONS).filter((k) => k !== "hugeBody" && !VALUE_MUTATIONS.includes(k));
  const name = s.chance(0.02) ? "hugeBody" : s.chance(0.5) ? s.pick(VALUE_MUTATIONS) : s.pick(syntax);
  return (BODY_MUTATIONS[name] as BodyMutation)(text, s);
}
