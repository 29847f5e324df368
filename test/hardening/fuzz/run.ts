/**
 * One fuzz stream against one listener: draw a valid request, bend it, send it over a raw
 * keep-alive connection, judge the answer, learn the ids it names. Every problem is reported with
 * the seed, the request's index and the request itself, so it can be replayed.
 */
import { RawConnection, RawHttpError, type RawResponse } from "../../helpers/raw-http.js";
import type { Sent } from "./checks.js";
import { describeDraft, toRawRequest, validDraft } from "./draft.js";
import { mutateOnce, type Mutable } from "./mutate-request.js";
import type { FuzzService, Operation } from "./operations.js";
import { judge } from "./oracle.js";
import type { FuzzState } from "./state.js";

/** Node's parser refuses a head above --max-http-header-size (the listeners set 16 KB). */
const HEAD_LIMIT = 15_500;

export interface FuzzOptions {
  count: number;
  /** Every answer must be complete within this. */
  timeoutMs: number;
  /** Checks around a request that changes state (e.g. nothing half-applied on an error). */
  aroundWrite?: (draft: Mutable) => Promise<(res: RawResponse) => Promise<string | undefined>>;
}

export interface FuzzOutcome {
  sent: number;
  statuses: Record<string, number>;
  problems: string[];
  slowestMs: number;
}

const MUTATION_COUNTS = [0, 0, 1, 1, 1, 1, 2, 2, 2, 3];

export function draw(operations: readonly Operation[], s: FuzzState): Mutable {
  const draft: Mutable = { ...validDraft(s.pick(operations), s), flawed: false };
  const times = s.pick(MUTATION_COUNTS);
  for (let i = 0; i < times; i++) draft.mutations.push(mutateOnce(draft, s));
  return draft;
}

function learnIds(s: FuzzState, value: unknown, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) learnIds(s, item, depth + 1);
    return;
  }
  const object = value as Record<string, unknown>;
  s.learn(object.id);
  for (const nested of Object.values(object)) if (typeof nested === "object") learnIds(s, nested, depth + 1);
}

function describeResponse(res: RawResponse): string {
  const body = res.body.toString("utf8");
  return `${res.status} ${res.headers["content-type"] ?? "(no content type)"} ${body.slice(0, 300)}`;
}

export async function fuzz(
  service: FuzzService,
  port: number,
  operations: readonly Operation[],
  s: FuzzState,
  options: FuzzOptions,
): Promise<FuzzOutcome> {
  const outcome: FuzzOutcome = { sent: 0, statuses: {}, problems: [], slowestMs: 0 };
  let connection: RawConnection | undefined;
  let previous = "";
  for (let index = 0; index < options.count; index++) {
    const draft = draw(operations, s);
    const raw = toRawRequest(draft, `127.0.0.1:${port}`);
    const target = raw.target as Buffer;
    const headLength = target.length + raw.headers.reduce((sum, [n, v]) => sum + n.length + v.length + 4, 0);
    // Node's parser, like Tomcat's, refuses a head that is too large, raw non-ASCII bytes in the
    // request target, and a target that does not start with "/".
    if (headLength > HEAD_LIMIT || target.some((byte) => byte > 0x7e) || target[0] !== 0x2f)
      draft.flawed = true;
    const sent: Sent = {
      method: draft.method,
      rawPath: Buffer.from(draft.path, "utf8").toString("latin1"),
      accept: draft.accept,
      flawed: draft.flawed,
      crossOrigin: draft.extraHeaders.some(([name]) => name.toLowerCase() === "origin"),
    };
    const report = (problem: string, res?: RawResponse) =>
      outcome.problems.push(
        `seed ${s.seed}, ${service} request #${index}: ${problem}\n  request: ${describeDraft(draft).replaceAll("\n", "")}` +
          (res ? `\n  response: ${describeResponse(res)}` : ""),
      );
    const after = ["POST", "PUT", "PATCH", "DELETE"].includes(draft.method)
      ? await options.aroundWrite?.(draft)
      : undefined;
    if (!connection?.usable) connection = await RawConnection.open(port);
    const started = performance.now();
    let res: RawResponse;
    try {
      res = await connection.send(raw, options.timeoutMs);
    } catch (error) {
      connection.close();
      connection = undefined;
      if (!(error instanceof RawHttpError)) throw error;
      // A server refusing a request it cannot parse closes at once; if the client is still
      // sending a large body, the reset can overtake the 400 (Tomcat does the same).
      if (!(draft.flawed && (draft.body?.length ?? 0) > 65_536 && /closed/.test(error.message)))
        report(`no answer: ${error.message} (the request before: ${previous.slice(0, 300)})`);
      continue;
    } finally {
      outcome.sent += 1;
      outcome.slowestMs = Math.max(outcome.slowestMs, performance.now() - started);
    }
    outcome.statuses[res.status] = (outcome.statuses[res.status] ?? 0) + 1;
    previous = `${draft.mutations.join(", ")} → ${res.status}`;
    const problem = judge(service, sent, res) ?? (await after?.(res));
    if (problem) report(problem, res);
    if (res.status < 300 && res.body.length > 0 && (res.headers["content-type"] ?? "").includes("json")) {
      try {
        learnIds(s, JSON.parse(res.body.toString("utf8")));
      } catch {
        // judged above
      }
    }
    if (res.closed) {
      connection.close();
      connection = undefined;
    }
  }
  connection?.close();
  return outcome;
}
