import type { Reply, RequestSpec, Sender } from "../../../replayer/engine/scenario.js";

export interface SentRequest {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly json: unknown;
  /** The headers the request brought itself (a user's own token), undefined for the defaults. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A status and JSON body, or null for "no HTTP answer" (a timeout, a refused connection). */
export type ScriptedAnswer = { status: number; body?: unknown } | null;

/**
 * Sends nothing: records each request and answers from `respond`, reading the body with the
 * spec's `read` exactly as the measuring session does.
 */
export class ScriptedSender implements Sender {
  readonly sent: SentRequest[] = [];

  constructor(private readonly respond: (request: SentRequest) => ScriptedAnswer) {}

  async send<T>(spec: RequestSpec<T>): Promise<Reply<T>> {
    const request = {
      name: spec.route.name,
      method: spec.route.method,
      path: spec.path,
      json: spec.json,
      headers: spec.headers,
    };
    this.sent.push(request);
    const answer = this.respond(request);
    if (answer === null) return { ok: false, status: null, reason: "timeout" };
    if (answer.status >= 400) return { ok: false, status: answer.status, reason: `HTTP ${answer.status}` };
    if (!spec.read) return { ok: true, status: answer.status, value: undefined as T };
    const value = spec.read(answer.body);
    if (value === undefined) return { ok: false, status: answer.status, reason: "unexpected body" };
    return { ok: true, status: answer.status, value };
  }
}

/** Answers like a correct target would in shape: ids for creates, `[]` for lists, 201/200/204 as the contract. */
export function okAnswers(): (request: SentRequest) => ScriptedAnswer {
  let id = 100;
  return (request) => {
    if (request.method === "GET") return { status: 200, body: [] };
    if (request.method === "DELETE") return { status: 204 };
    id += 1;
    return { status: request.method === "POST" ? 201 : 200, body: { id, status: "PENDING" } };
  };
}
