/**
 * Bending everything but the body: the method, the path (slashes, dots, percent-encoding games,
 * unicode, long segments, odd ids), the query, and the headers. A mutation that makes the request
 * unparseable as HTTP marks it `flawed`: the server may then answer a bare 400 and close.
 */
import type { Draft } from "./draft.js";
import { mutateBody } from "./mutate-body.js";
import { mutateHeaders } from "./mutate-headers.js";
import { ACCEPTS, AUTHORIZATIONS, CONTENT_TYPES, HOSTILE_IDS, HOSTILE_STRINGS } from "./hostile-values.js";
import { encodeText, type FuzzState } from "./state.js";

export interface Mutable extends Draft {
  /** Not valid HTTP/1.1 any more (Node's parser, like Tomcat's, refuses it before the app). */
  flawed: boolean;
}

/** Methods Node's parser knows; the others (and lower case) never reach the app. */
const METHODS = [
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
  "TRACE",
  "PROPFIND",
  "M-SEARCH",
  "PURGE",
];
const UNPARSEABLE_METHODS = ["FOO", "get", "GE T", "CONNECT"];

const OTHER_PATHS = [
  "/",
  "/actuator",
  "/actuator/health",
  "/actuator/health/db",
  "/actuator/health/nope",
  "/actuator/metrics/http.server.requests",
  "/actuator/metrics/nope",
  "/actuator/prometheus",
  "/v3/api-docs",
  "/v3/api-docs.yaml",
  "/v3/api-docs/swagger-config",
  "/swagger-ui.html",
  "/h2-console",
  "/error",
  "/favicon.ico",
  "/api",
  "/api/",
];

function segmentAt(path: string, s: FuzzState): [string[], number] {
  const parts = path.split("/");
  return [parts, s.int(1, Math.max(1, parts.length - 1))];
}

const PATH_MUTATIONS: Record<string, (p: string, s: FuzzState) => string> = {
  trailingSlash: (p) => `${p}/`,
  doubledSlash: (p, s) => {
    const [parts, at] = segmentAt(p, s);
    parts.splice(at, 0, "");
    return parts.join("/");
  },
  dotSegment: (p, s) => {
    const [parts, at] = segmentAt(p, s);
    parts.splice(at, 0, s.pick([".", "..", "%2e", "%2E%2E", "...", ".hidden"]));
    return parts.join("/");
  },
  encodeLetter: (p, s) => {
    const letters = [...p.matchAll(/[a-z]/g)];
    if (letters.length === 0) return p;
    const at = s.pick(letters).index ?? 0;
    const hex = p.charCodeAt(at).toString(16);
    return p.slice(0, at) + `%${s.chance(0.5) ? hex : hex.toUpperCase()}` + p.slice(at + 1);
  },
  encodedSlash: (p) => (p.lastIndexOf("/") > 0 ? p.replace(/\/(?=[^/]*$)/, "%2F") : `${p}%2Fx`),
  brokenPercent: (p, s) => p + s.pick(["%zz", "%E0%A4%A", "%", "%%", "%2", "%C0%AF", "%FF"]),
  rawUnicode: (p, s) => `${p}/${s.pick(["bänd", "日本", "🎸", "\u00a0", "é"])}`,
  encodedUnicode: (p, s) => `${p}/${encodeText(s.pick(["bänd", "日本", "🎸", "\u202e"]))}`,
  longSegment: (p, s) => `${p}/${"a".repeat(s.pick([300, 5000, 12_000]))}`,
  hostileId: (p, s) => {
    const ids = [...p.matchAll(/\/(-?\d+)(?=\/|$)/g)];
    const id = s.pick(HOSTILE_IDS);
    if (ids.length === 0) return `${p}/${id}`;
    const match = s.pick(ids);
    const at = match.index ?? 0;
    return p.slice(0, at) + `/${id}` + p.slice(at + match[0].length);
  },
  upperCase: (p) => p.toUpperCase(),
  matrix: (p) => `${p};jsessionid=ABC`,
  backslash: (p) => p.replace(/\/(?=[^/]*$)/, "\\"),
  nul: (p) => `${p}%00`,
  otherPath: (_p, s) => s.pick(OTHER_PATHS),
  dropLast: (p) => p.replace(/\/[^/]*$/, "") || "/",
  extraSegment: (p, s) => `${p}/${s.pick(["x", "1", "songs", "members", "bands", "accept"])}`,
  noLeadingSlash: (p) => p.slice(1),
};

const QUERY_ADDITIONS = [
  "bandIds=",
  "bandIds=abc",
  "bandIds=1,,2,",
  "bandIds=%zz",
  "bandIds=9223372036854775808",
  "a[b]=c",
  "__proto__=1",
  "=",
  "&&",
  "%",
  `x=${"y".repeat(5000)}`,
  "managerId=1e3",
  "managerId=-1",
  "managerId=0x10",
  "name=%00",
  "musicalStyle=+++",
  "name=日本",
  "limit=-1",
  "limit=abc",
  "service=nope",
  "table=__proto__",
  "table=constructor",
  "fixtures=festival2",
];

function mutateQuery(d: Mutable, s: FuzzState): string {
  const roll = s.int(0, 3);
  if (roll === 0) return ((d.query = ""), "query dropped");
  if (roll === 1) return ((d.query = d.query ? `${d.query}&${d.query}` : d.query), "query doubled");
  const addition =
    roll === 2
      ? s.pick(QUERY_ADDITIONS)
      : `${s.pick(["name", "bandIds", "managerId", "limit"])}=${encodeText(s.pick(HOSTILE_STRINGS))}`;
  d.query = d.query ? `${d.query}&${addition}` : addition;
  return `query + ${addition.slice(0, 40)}`;
}

export function mutateOnce(d: Mutable, s: FuzzState): string {
  // Requests with a body spend most mutations on it: that is where the domain code is reached.
  if (d.body !== undefined && s.chance(0.35)) return bodyMutation(d, s);
  const roll = s.next();
  if (roll < 0.08) {
    const unparseable = s.chance(0.15);
    d.method = unparseable ? s.pick(UNPARSEABLE_METHODS) : s.pick(METHODS);
    if (unparseable) d.flawed = true;
    return `method ${d.method}`;
  }
  if (roll < 0.28) {
    const name = s.pick(Object.keys(PATH_MUTATIONS));
    d.path = (PATH_MUTATIONS[name] as (p: string, s: FuzzState) => string)(d.path, s);
    return `path ${name}`;
  }
  if (roll < 0.38) return mutateQuery(d, s);
  if (roll < 0.53) {
    const choice = s.int(0, 4);
    if (choice === 0) d.authorization = undefined;
    else if (choice === 1) d.authorization = `Bearer ${s.pick(s.scopedTokens)}`;
    else d.authorization = s.pick(AUTHORIZATIONS).replaceAll("{token}", s.token);
    return `authorization ${d.authorization?.slice(0, 40) ?? "removed"}`;
  }
  if (roll < 0.6) return ((d.accept = s.chance(0.15) ? undefined : s.pick(ACCEPTS)), `accept ${d.accept}`);
  if (roll < 0.72) {
    d.contentType = s.chance(0.15) ? undefined : s.pick(CONTENT_TYPES);
    // A JSON body's content type is mostly varied among JSON spellings, so the body is still read.
    if (d.body !== undefined && s.chance(0.5)) d.contentType = s.pick(CONTENT_TYPES.slice(0, 12));
    return `content type ${d.contentType}`;
  }
  if (roll < 0.82) return mutateHeaders(d, s);
  return bodyMutation(d, s);
}

function bodyMutation(d: Mutable, s: FuzzState): string {
  const [what, body] = mutateBody(d.body, s);
  d.body = body;
  return `body: ${what}`;
}
