import assert from "node:assert/strict";
import { BindError, bindDto, bindLongList } from "../../../emulator/core/dto/bind.js";
import { localDateTimeParseError } from "../../../emulator/core/dto/dates.js";
import {
  dto,
  email,
  int,
  localDateTime,
  long,
  longs,
  min,
  notBlank,
  notNull,
  pastOrPresent,
  size,
  string,
  enumeration,
  withField,
} from "../../../emulator/core/dto/schema.js";
import { validateDto } from "../../../emulator/core/dto/validate.js";
import { parseJackson } from "../../../emulator/core/json/jackson-parser.js";

const Sample = dto("SampleDto", "cz.example.SampleDto", {
  id: long(),
  name: string(notBlank("name is mandatory"), size(2, 50, "Name must be between 2 and 50 characters")),
  mail: string(email("email should be valid")),
  duration: int(min(1, "at least 1")),
  releasedAt: localDateTime(notNull("date cannot be null"), pastOrPresent("must be past")),
  role: withField(enumeration(["ARTIST", "MANAGER"], "cz.example.Role"), {
    absent: "ARTIST",
    setter: (value) => (value === "ARTIST" ? undefined : "Role must be ARTIST"),
  }),
  bandIds: withField(longs("java.util.Set<java.lang.Long>"), { absent: [] }),
});

const bind = (text: string) => bindDto(Sample, parseJackson(text));

function bindError(text: string): string {
  try {
    bind(text);
  } catch (error) {
    assert.ok(error instanceof BindError);
    return error.message;
  }
  assert.fail("expected a bind error");
}

describe("DTO binding (Jackson coercions)", () => {
  it("applies absent values and ignores unknown properties", () => {
    assert.deepEqual(bind('{"unknown": 1}'), {
      id: null,
      name: null,
      mail: null,
      duration: 0,
      releasedAt: null,
      role: "ARTIST",
      bandIds: [],
    });
  });

  it("coerces scalars the way Jackson does", () => {
    const bound = bind(
      '{"id": "5", "name": 12.50, "duration": 7.9, "mail": true, "releasedAt": "2024-03-01T10:00Z", "bandIds": [1, "2"]}',
    );
    assert.equal(bound.id, 5);
    assert.equal(bound.name, "12.50");
    assert.equal(bound.duration, 7);
    assert.equal(bound.mail, "true");
    assert.deepEqual(bound.releasedAt, { text: "2024-03-01T10:00:00", epochMs: Date.UTC(2024, 2, 1, 10) });
    assert.deepEqual(bound.bandIds, [1, 2]);
  });

  it('reads the string "null" as null, and as 0 for a primitive int (Jackson\'s textual null)', () => {
    const bound = bind('{"id": "null", "duration": " null ", "bandIds": ["null", " 7 "]}');
    assert.equal(bound.id, null);
    assert.equal(bound.duration, 0);
    assert.deepEqual(bound.bandIds, [null, 7]);
  });

  it("treats an empty string as null and a null primitive int as 0", () => {
    const bound = bind('{"id": "", "duration": null, "releasedAt": ""}');
    assert.equal(bound.id, null);
    assert.equal(bound.duration, 0);
    assert.equal(bound.releasedAt, null);
  });

  const failures: [string, string][] = [
    [
      '{"id": "abc"}',
      'Cannot deserialize value of type `java.lang.Long` from String "abc": not a valid `java.lang.Long` value',
    ],
    [
      '{"id": true}',
      "Cannot deserialize value of type `java.lang.Long` from Boolean value (token `JsonToken.VALUE_TRUE`)",
    ],
    [
      '{"id": 99999999999999999999}',
      "Numeric value (99999999999999999999) out of range of long (-9223372036854775808 - 9223372036854775807)",
    ],
    ['{"duration": 3000000000}', "Numeric value (3000000000) out of range of int (-2147483648 - 2147483647)"],
    // Numbers sent as strings: Jackson trims them and reports a value beyond the type as a weird
    // string, not with the parser's "Numeric value … out of range" overflow message.
    [
      '{"id": " 9223372036854775808 "}',
      'Cannot deserialize value of type `java.lang.Long` from String "9223372036854775808": not a valid `java.lang.Long` value',
    ],
    [
      '{"duration": "3000000000"}',
      'Cannot deserialize value of type `int` from String "3000000000": Overflow: numeric value (3000000000) out of range of int (-2147483648 -2147483647)',
    ],
    [
      '{"duration": "99999999999999999999"}',
      'Cannot deserialize value of type `int` from String "99999999999999999999": not a valid `int` value',
    ],
    [
      '{"duration": " 5.0 "}',
      'Cannot deserialize value of type `int` from String "5.0": not a valid `int` value',
    ],
    [
      '{"name": {"a": 1}}',
      "Cannot deserialize value of type `java.lang.String` from Object value (token `JsonToken.START_OBJECT`)",
    ],
    [
      '{"name": [1]}',
      "Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`)",
    ],
    [
      '{"role": "DRUMMER"}',
      'Cannot deserialize value of type `cz.example.Role` from String "DRUMMER": not one of the values accepted for Enum class: [ARTIST, MANAGER]',
    ],
    [
      '{"role": ""}',
      'Cannot coerce empty String ("") to `cz.example.Role` value (but could if coercion was enabled using `CoercionConfig`)',
    ],
    [
      '{"role": " "}',
      "Cannot coerce blank String (all whitespace) to `cz.example.Role` value (but could if coercion was enabled using `CoercionConfig`)",
    ],
    [
      '{"role": "01"}',
      'Cannot deserialize value of type `cz.example.Role` from String "01": not one of the values accepted for Enum class: [ARTIST, MANAGER]',
    ],
    ['{"role": " MANAGER "}', "Role must be ARTIST"],
    ['{"role": "1"}', "Role must be ARTIST"],
    ['{"role": "MANAGER"}', "Role must be ARTIST"],
    ['{"role": null}', "Role must be ARTIST"],
    [
      '{"bandIds": 5}',
      "Cannot deserialize value of type `java.util.Set<java.lang.Long>` from Integer value (token `JsonToken.VALUE_NUMBER_INT`)",
    ],
    [
      "[1]",
      "Cannot deserialize value of type `cz.example.SampleDto` from Array value (token `JsonToken.START_ARRAY`)",
    ],
    [
      '"text"',
      "Cannot construct instance of `cz.example.SampleDto` (although at least one Creator exists): no String-argument constructor/factory method to deserialize from String value ('text')",
    ],
  ];
  for (const [text, message] of failures) {
    it(`refuses ${text}`, () => assert.equal(bindError(text), message));
  }

  it("binds a bare array of Longs", () => {
    assert.deepEqual(bindLongList(parseJackson('[3, "4", 5.2, null]'), "java.util.Set<java.lang.Long>"), [
      3,
      4,
      5,
      null,
    ]);
  });
});

describe("LocalDateTime parse errors (ISO_LOCAL_DATE_TIME, strict)", () => {
  const table: [string, string][] = [
    ["2024-03-01", "Text '2024-03-01' could not be parsed at index 10"],
    ["garbage", "Text 'garbage' could not be parsed at index 0"],
    ["24-03-01T10:00", "Text '24-03-01T10:00' could not be parsed at index 0"],
    ["2024/03/01T10:00", "Text '2024/03/01T10:00' could not be parsed at index 4"],
    ["2024-3-01T10:00", "Text '2024-3-01T10:00' could not be parsed at index 5"],
    ["2024-03-01 10:00", "Text '2024-03-01 10:00' could not be parsed at index 10"],
    ["2024-03-01T10", "Text '2024-03-01T10' could not be parsed at index 13"],
    [
      "2024-03-01T10:00+02:00",
      "Text '2024-03-01T10:00+02:00' could not be parsed, unparsed text found at index 16",
    ],
    ["2024-03-01T10:00:5", "Text '2024-03-01T10:00:5' could not be parsed, unparsed text found at index 16"],
    [
      "2024-03-01T10:00:00.1234567891",
      "Text '2024-03-01T10:00:00.1234567891' could not be parsed, unparsed text found at index 29",
    ],
    // Jackson strips a trailing Z before it parses, and quotes what it parsed.
    [
      "2024-03-01T10:00:00+01:00Z",
      "Text '2024-03-01T10:00:00+01:00' could not be parsed, unparsed text found at index 19",
    ],
    [
      "2024-13-01T10:00",
      "Text '2024-13-01T10:00' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13",
    ],
    [
      "2024-01-32T10:00",
      "Text '2024-01-32T10:00' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 32",
    ],
    ["2024-02-30T10:00", "Text '2024-02-30T10:00' could not be parsed: Invalid date 'FEBRUARY 30'"],
    [
      "2023-02-29T10:00",
      "Text '2023-02-29T10:00' could not be parsed: Invalid date 'February 29' as '2023' is not a leap year",
    ],
    ["2024-04-31T10:00", "Text '2024-04-31T10:00' could not be parsed: Invalid date 'APRIL 31'"],
    [
      "2024-03-01T24:00",
      "Text '2024-03-01T24:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24",
    ],
    [
      "2024-03-01T10:60",
      "Text '2024-03-01T10:60' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 60",
    ],
    [
      "2024-03-01T10:00:61",
      "Text '2024-03-01T10:00:61' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - 59): 61",
    ],
  ];
  for (const [text, message] of table) {
    it(JSON.stringify(text), () => assert.equal(localDateTimeParseError(text), message));
  }
});

describe("Bean Validation", () => {
  const now = Date.UTC(2025, 0, 1);
  it("reports one message per field, in declaration order", () => {
    const errors = validateDto(
      Sample,
      bind('{"name": " ", "mail": "not-an-email", "releasedAt": "2030-01-01T00:00:00"}'),
      now,
    );
    assert.deepEqual(errors, [
      { field: "name", message: "name is mandatory" },
      { field: "mail", message: "email should be valid" },
      { field: "duration", message: "at least 1" },
      { field: "releasedAt", message: "must be past" },
    ]);
  });

  it("accepts what Hibernate accepts", () => {
    const errors = validateDto(
      Sample,
      bind('{"name": "Al", "mail": "a@b", "duration": 1, "releasedAt": "2024-12-31T23:59:59.5"}'),
      now,
    );
    assert.deepEqual(errors, []);
  });
});
