import type { Answer, Reply, RequestSpec, Sender } from "../../../replayer/engine/scenario.js";

/** What a test target answers: a whole HTTP answer, or null for none (a timeout). */
export type Answering = (spec: RequestSpec<unknown>) => Answer | null;

/** A JSON answer with its media type. */
export function jsonAnswer(status: number, body: unknown): Answer {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/**
 * Sends nothing: keeps every request spec and answers from `answering`, judging the answer with
 * the spec's `judge` exactly as the measuring session does.
 */
export class AnsweringSender implements Sender {
  readonly sent: RequestSpec<unknown>[] = [];
  readonly replies: Reply<unknown>[] = [];

  constructor(private readonly answering: Answering) {}

  async send<T>(spec: RequestSpec<T>): Promise<Reply<T>> {
    this.sent.push(spec as RequestSpec<unknown>);
    const answer = this.answering(spec as RequestSpec<unknown>);
    let reply: Reply<T>;
    if (answer === null) reply = { ok: false, status: null, reason: "timeout" };
    else {
      const reason = spec.judge ? spec.judge(answer) : answer.status >= 400 ? `HTTP ${answer.status}` : null;
      reply =
        reason === null
          ? { ok: true, status: answer.status, value: undefined as T }
          : { ok: false, status: answer.status, reason };
    }
    this.replies.push(reply as Reply<unknown>);
    return reply;
  }
}
