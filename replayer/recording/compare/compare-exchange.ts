/**
 * `--compare`: does the target answer a replayed request as the recording says — the same
 * status, the same media type, and a body of the same shape (shape.ts: field names and JSON
 * types, not values)? One result per exchange, named by its route.
 */
import type { RecordedExchange, RecordedHeaders } from "../../../common/recording/index.js";
import { nameFor } from "../route-names.js";
import { compareShapes } from "./compare-shapes.js";
import { describeKinds, shapeOf } from "./shape.js";

export interface ActualAnswer {
  status: number;
  /** The answer's Content-Type, if it had one. */
  contentType: string | undefined;
  /** The body as text; undefined or empty for none. */
  body: string | undefined;
}

export interface ExchangeComparison {
  /** `/api/bands/{id} [GET]` */
  name: string;
  matched: boolean;
  /** Readable, one per difference; empty when matched. */
  mismatches: string[];
}

function mediaType(value: string | undefined): string | undefined {
  const essence = value?.split(";")[0]?.trim().toLowerCase();
  return essence || undefined;
}

function headerValue(headers: RecordedHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

type Body = { kind: "none" } | { kind: "text" } | { kind: "json"; value: unknown };

function classify(text: string | undefined): Body {
  if (text === undefined || text.length === 0) return { kind: "none" };
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch {
    return { kind: "text" };
  }
}

function describeBody(body: Body): string {
  if (body.kind === "json") return `JSON ${describeKinds(shapeOf(body.value))}`;
  return body.kind === "none" ? "none" : "text";
}

export function compareExchange(recorded: RecordedExchange, actual: ActualAnswer): ExchangeComparison {
  const name = nameFor(recorded.service, recorded.method, recorded.path);
  const mismatches: string[] = [];
  if (recorded.status !== actual.status) {
    // A different status means a different answer: its body would only add noise.
    mismatches.push(`status: expected ${recorded.status}, got ${actual.status}`);
    return { name, matched: false, mismatches };
  }
  const expectedType = mediaType(headerValue(recorded.responseHeaders, "content-type"));
  const actualType = mediaType(actual.contentType);
  if (expectedType !== actualType)
    mismatches.push(`content-type: expected ${expectedType ?? "none"}, got ${actualType ?? "none"}`);
  // A body that was never captured cannot be compared; the status and media type still are.
  if (recorded.responseBodyMissing) return { name, matched: mismatches.length === 0, mismatches };
  const expected: Body =
    recorded.responseBodyEncoding === "base64"
      ? { kind: "text" }
      : classify(recorded.responseBody ?? undefined);
  const got = classify(actual.body);
  if (expected.kind === "json" && got.kind === "json")
    compareShapes(shapeOf(expected.value), shapeOf(got.value), "$", mismatches);
  else if (expected.kind !== got.kind)
    mismatches.push(`body: expected ${describeBody(expected)}, got ${describeBody(got)}`);
  return { name, matched: mismatches.length === 0, mismatches };
}
