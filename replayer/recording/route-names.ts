/**
 * Concrete request → route: `nameFor("bands", "GET", "/api/bands/7")` is
 * `/api/bands/{id} [GET]`, the name statistics and comparisons are grouped by. A path no route
 * knows keeps its shape with numeric segments as `{id}`, so unknown paths cannot flood the report
 * with one name per id.
 */
import type { RecordingService } from "../../common/recording/index.js";
import { ROUTE_TABLE, type RouteEntry } from "./route-table.js";

interface Compiled {
  entry: RouteEntry;
  segments: readonly string[];
  variables: number;
}

const isVariable = (segment: string) => segment.startsWith("{") && segment.endsWith("}");

const compiled: Compiled[] = ROUTE_TABLE.map((entry) => {
  const segments = entry.pattern.split("/").slice(1);
  return { entry, segments, variables: segments.filter(isVariable).length };
}).sort((a, b) => a.variables - b.variables); // a literal segment beats a variable, as in Spring

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((part, i) => (isVariable(part) ? (segments[i] ?? "") !== "" : part === segments[i]));
}

export interface RouteMatch {
  entry: RouteEntry;
  /** Each path variable's raw value. */
  variables: Record<string, string>;
}

/** The route of this request: same method first; else the path's route under another method. */
export function matchRoute(service: RecordingService, method: string, path: string): RouteMatch | undefined {
  const segments = path.split("/").slice(1);
  const wanted = method === "HEAD" ? "GET" : method;
  let fallback: Compiled | undefined;
  let found: Compiled | undefined;
  for (const candidate of compiled) {
    if (candidate.entry.service !== service || !matches(candidate.segments, segments)) continue;
    if (candidate.entry.method === wanted) {
      found = candidate;
      break;
    }
    fallback ??= candidate;
  }
  const chosen = found ?? fallback;
  if (!chosen) return undefined;
  const variables: Record<string, string> = {};
  chosen.segments.forEach((part, i) => {
    if (isVariable(part)) variables[part.slice(1, -1)] = segments[i] as string;
  });
  return { entry: chosen.entry, variables };
}

export function nameFor(service: RecordingService, method: string, path: string): string {
  const match = matchRoute(service, method, path);
  const pattern = match
    ? match.entry.pattern
    : path
        .split("/")
        .map((segment) => (/^-?\d+$/.test(segment) ? "{id}" : segment))
        .join("/");
  return `${pattern} [${method}]`;
}
