/**
 * Rewriting a recorded request for the target, with the ids learned so far in its session:
 *
 * - path variables the route table gives a kind (`/api/bands/{id}` → band,
 *   `/api/bands/{bandId}/members/{memberId}` → band and user);
 * - query and form parameters named in ID_FIELDS (`bandId=7`, `managerId=4`, `bandIds=1,2`,
 *   `bandIds=1&bandIds=2`); every other byte of the query stays as recorded;
 * - JSON bodies: ID_FIELDS at any depth (numbers, numeric strings, arrays of them), the `id` of
 *   each element of `cityVisits`/`songs`, the top-level `id` as the route's entity, and a bare
 *   array body (`PATCH /api/artists/bands/{id}`) as the route's `arrayBody` kind. A body is only
 *   re-serialised when an id in it changed.
 *
 * Ids never seen created pass through unchanged.
 */
import type { RecordedExchange } from "../../../common/recording/index.js";
import { matchRoute } from "../route-names.js";
import { ID_FIELDS, NESTED_ENTITIES, type EntityKind, type RouteEntry } from "../route-table.js";
import type { IdMap } from "./id-map.js";

export interface RewrittenRequest {
  path: string;
  query: string;
  /** The body to send (as recorded unless an id in it changed); base64 bodies are never touched. */
  requestBody: string | null;
}

const DIGITS = /^\d+$/;

function rewritePath(ids: IdMap, exchange: RecordedExchange, entry: RouteEntry | undefined): string {
  if (!entry) return exchange.path;
  const patternSegments = entry.pattern.split("/");
  const segments = exchange.path.split("/");
  return segments
    .map((segment, i) => {
      const part = patternSegments[i] ?? "";
      const kind = part.startsWith("{") ? entry.ids[part.slice(1, -1)] : undefined;
      return kind && DIGITS.test(segment) ? String(ids.map(kind, Number(segment))) : segment;
    })
    .join("/");
}

/** `a=1&bandIds=1,2&bandIds=3` with the id parameters mapped; separators (`,` or `%2C`) kept. */
export function rewriteForm(ids: IdMap, text: string): string {
  if (text.length === 0) return text;
  return text
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const kind = eq < 0 ? undefined : ID_FIELDS[pair.slice(0, eq)];
      if (!kind) return pair;
      const value = pair
        .slice(eq + 1)
        .split(/(,|%2C)/i)
        .map((token) => (DIGITS.test(token) ? String(ids.map(kind, Number(token))) : token))
        .join("");
      return `${pair.slice(0, eq)}=${value}`;
    })
    .join("&");
}

function mapId(ids: IdMap, kind: EntityKind, value: unknown): unknown {
  if (typeof value === "number" && Number.isInteger(value)) return ids.map(kind, value);
  if (typeof value === "string" && DIGITS.test(value)) return String(ids.map(kind, Number(value)));
  if (Array.isArray(value)) return value.map((v) => mapId(ids, kind, v));
  return value;
}

function rewriteJson(ids: IdMap, value: unknown, ownKind: EntityKind | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteJson(ids, v, undefined));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const idKind = key === "id" ? ownKind : ID_FIELDS[key];
    const nested = NESTED_ENTITIES[key];
    if (idKind) out[key] = mapId(ids, idKind, field);
    else if (nested && Array.isArray(field))
      out[key] = field.map((element) => rewriteJson(ids, element, nested));
    else out[key] = rewriteJson(ids, field, undefined);
  }
  return out;
}

function rewriteBody(ids: IdMap, exchange: RecordedExchange, entry: RouteEntry | undefined): string | null {
  const body = exchange.requestBody;
  if (body === null || exchange.requestBodyEncoding === "base64") return body;
  const type = String(exchange.requestHeaders["content-type"] ?? "").toLowerCase();
  if (type.includes("x-www-form-urlencoded")) return rewriteForm(ids, body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const rewritten =
    Array.isArray(parsed) && entry?.arrayBody
      ? mapId(ids, entry.arrayBody, parsed)
      : rewriteJson(ids, parsed, entry?.entity);
  return JSON.stringify(rewritten) === JSON.stringify(parsed) ? body : JSON.stringify(rewritten);
}

export function rewriteRequest(ids: IdMap, exchange: RecordedExchange): RewrittenRequest {
  const entry = matchRoute(exchange.service, exchange.method, exchange.path)?.entry;
  return {
    path: rewritePath(ids, exchange, entry),
    query: rewriteForm(ids, exchange.query),
    requestBody: rewriteBody(ids, exchange, entry),
  };
}
