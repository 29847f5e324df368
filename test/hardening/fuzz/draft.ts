/**
 * A request before it goes on the wire: the valid one an operation describes, which the
 * mutators then bend, and its serialisation into bytes for the raw client.
 */
import type { RawRequest } from "../../helpers/raw-http.js";
import { adminPathValue, type FuzzService, type Operation } from "./operations.js";
import { encodeText, type FuzzState } from "./state.js";
import { VALID_BODIES } from "./valid-bodies.js";

export interface Draft {
  service: FuzzService;
  /** The operation it started from: `GET /api/bands/{id}`. */
  label: string;
  method: string;
  /** The path as sent (may hold raw non-ASCII characters after mutation). */
  path: string;
  query: string;
  authorization: string | undefined;
  accept: string | undefined;
  contentType: string | undefined;
  extraHeaders: [string, string | Buffer][];
  body: Buffer | undefined;
  /** Send the body chunked instead of with a Content-Length. */
  chunked: boolean;
  /** What the mutators did, for the failure report. */
  mutations: string[];
}

function queryValue(name: string, type: string, s: FuzzState): string {
  if (type === "array") return s.ids2().join(",") || String(s.id());
  if (type === "integer") return String(s.id());
  if (name === "name") return s.unique("band");
  return s.pick(["Rock", "Jazz", s.text()]);
}

export function validDraft(op: Operation, s: FuzzState): Draft {
  let path = op.path;
  for (const [name, type] of Object.entries(op.pathParams)) {
    const value =
      op.service === "admin"
        ? adminPathValue(name, s)
        : type === "integer"
          ? String(s.id())
          : encodeText(s.chance(0.7) && s.names.length > 0 ? s.pick(s.names) : s.text() || "x");
    path = path.replace(`{${name}}`, value);
  }
  const query = op.fixedQuery
    ? op.fixedQuery(s)
    : Object.entries(op.query)
        .map(([name, type]) => `${name}=${encodeText(queryValue(name, type, s))}`)
        .join("&");
  let body: Buffer | undefined;
  let contentType: string | undefined;
  if (op.body === "form") {
    body = Buffer.from(String(op.fixedBody?.(s) ?? ""));
    contentType = "application/x-www-form-urlencoded";
  } else if (op.body) {
    const make = op.fixedBody ?? VALID_BODIES[op.body];
    if (!make)
      throw new Error(`no valid body for ${op.body} (${op.method} ${op.path}): add one to VALID_BODIES`);
    body = Buffer.from(JSON.stringify(make(s)));
    contentType = "application/json";
  }
  return {
    service: op.service,
    label: `${op.method} ${op.path}`,
    method: op.method,
    path,
    query,
    authorization: op.service === "admin" || op.service === "auth" ? undefined : `Bearer ${s.token}`,
    accept: s.chance(0.5) ? "application/json" : undefined,
    contentType,
    extraHeaders: [],
    body,
    chunked: false,
    mutations: [],
  };
}

export function toRawRequest(draft: Draft, host: string): RawRequest {
  const target = Buffer.from(draft.query ? `${draft.path}?${draft.query}` : draft.path, "utf8");
  const headers: [string, string | Buffer][] = [["Host", host]];
  if (draft.authorization !== undefined) headers.push(["Authorization", draft.authorization]);
  if (draft.accept !== undefined) headers.push(["Accept", draft.accept]);
  if (draft.contentType !== undefined) headers.push(["Content-Type", draft.contentType]);
  headers.push(...draft.extraHeaders);
  let body = draft.body;
  if (body !== undefined && draft.chunked) {
    headers.push(["Transfer-Encoding", "chunked"]);
    const half = Math.floor(body.length / 2);
    const chunks = [body.subarray(0, half), body.subarray(half)].filter((c) => c.length > 0);
    body = Buffer.concat([
      ...chunks.flatMap((c) => [Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from("\r\n")]),
      Buffer.from("0\r\n\r\n"),
    ]);
  } else if (body !== undefined || ["POST", "PUT", "PATCH"].includes(draft.method)) {
    headers.push(["Content-Length", String(body?.length ?? 0)]);
  }
  return { method: draft.method, target, headers, body };
}

/** The request as the failure report prints it: enough to send it again by hand. */
export function describeDraft(draft: Draft): string {
  const body = draft.body === undefined ? undefined : draft.body.toString("utf8");
  return JSON.stringify(
    {
      operation: draft.label,
      mutations: draft.mutations,
      method: draft.method,
      target: draft.query ? `${draft.path}?${draft.query}` : draft.path,
      authorization: draft.authorization?.slice(0, 120),
      accept: draft.accept,
      contentType: draft.contentType,
      extraHeaders: draft.extraHeaders.map(([n, v]) => [n, String(v).slice(0, 120)]),
      chunked: draft.chunked,
      body: body && body.length > 400 ? `${body.slice(0, 400)}… (${draft.body?.length} bytes)` : body,
    },
    null,
    1,
  );
}
