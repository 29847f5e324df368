/**
 * Learning ids: when a request whose recorded answer was a 2xx create (route table: `creates`)
 * is replayed and the target answers 2xx too, the `id` of both bodies belong together — and so do
 * the ids of nested entities created with it (`cityVisits[i].id` of a tour, `songs[i].id` of an
 * album), paired by position.
 */
import { bodyText, type RecordedExchange } from "../../../common/recording/index.js";
import { matchRoute } from "../route-names.js";
import { NESTED_ENTITIES, type EntityKind } from "../route-table.js";
import type { IdMap } from "./id-map.js";

export interface ReplayedAnswer {
  status: number;
  /** The target's response body as text (undefined for none). */
  body: string | undefined;
}

const is2xx = (status: number) => status >= 200 && status < 300;

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function pair(ids: IdMap, kind: EntityKind, recorded: unknown, actual: unknown): number {
  if (!isObject(recorded) || !isObject(actual)) return 0;
  let learned = 0;
  if (Number.isInteger(recorded.id) && Number.isInteger(actual.id)) {
    ids.set(kind, recorded.id as number, actual.id as number);
    learned++;
  }
  for (const [field, nestedKind] of Object.entries(NESTED_ENTITIES)) {
    const mine = recorded[field];
    const theirs = actual[field];
    if (!Array.isArray(mine) || !Array.isArray(theirs)) continue;
    for (let i = 0; i < Math.min(mine.length, theirs.length); i++)
      learned += pair(ids, nestedKind, mine[i], theirs[i]);
  }
  return learned;
}

/** Learn what this replayed exchange created; returns how many ids were learned. */
export function learnIds(ids: IdMap, recorded: RecordedExchange, actual: ReplayedAnswer): number {
  if (!is2xx(recorded.status) || !is2xx(actual.status)) return 0;
  const entry = matchRoute(recorded.service, recorded.method, recorded.path)?.entry;
  if (!entry?.creates || !entry.entity || entry.method !== recorded.method) return 0;
  const recordedBody = parseJson(bodyText(recorded.responseBody, recorded.responseBodyEncoding));
  return pair(ids, entry.entity, recordedBody, parseJson(actual.body));
}
