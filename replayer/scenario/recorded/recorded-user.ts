import type { RecordedExchange } from "../../../common/recording/index.js";
import type { Answer, Reply, Sender, VirtualUser } from "../../engine/scenario.js";
import {
  compareExchange,
  type IdMap,
  plannedStartMs,
  SessionCorrelator,
  type CompareTally,
  type ExchangeComparison,
  type ReplaySchedule,
  type SessionInstance,
} from "../../recording/index.js";
import type { RouteName } from "../../stats/stats-collector.js";
import { judgeAnswer, requestBodyOf, targetHeaders } from "./recorded-request.js";

/** What every recorded user of one replay shares. */
export interface RecordedPlay {
  readonly schedule: ReplaySchedule;
  /** The target's token, put wherever the recording has `Bearer <redacted>`. */
  readonly token: string;
  /** Days between the recording and the replay: request-body dates move by as many. */
  readonly shiftDays: number;
  /** `--compare`: every answer is compared with the recorded one into this; null without. */
  readonly compare: CompareTally | null;
  routeOf(exchange: RecordedExchange): RouteName;
  /** The ids learned by every session of this copy in this pass (id-map.ts). */
  sharedIds(copy: number, pass: number): IdMap;
}

function header(answer: Answer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A request that got no HTTP answer matches only a recorded exchange that got none either. */
function unanswered(exchange: RecordedExchange, name: string, reply: Reply<unknown>): ExchangeComparison {
  if (exchange.status === 0) return { name, matched: true, mismatches: [] };
  const reason = reply.ok ? "no answer" : reply.reason;
  return {
    name,
    matched: false,
    mismatches: [`status: expected ${exchange.status}, got no answer (${reason})`],
  };
}

/**
 * One session instance of the recording (a session, or one of its copies) as a virtual user: it
 * sends the session's exchanges in recorded order, each when the schedule says, with the ids
 * rewritten by its own correlation (backed by its copy's, shared with the other sessions), and
 * learns from every answer. A looped replay starts each pass with a fresh correlation: a pass
 * creates its own entities.
 */
export class RecordedUser implements VirtualUser {
  readonly key: string;
  private pass = 0;
  private index = 0;
  private correlator: SessionCorrelator;

  constructor(
    private readonly instance: SessionInstance,
    private readonly play: RecordedPlay,
  ) {
    this.key = instance.id;
    this.correlator = new SessionCorrelator(play.sharedIds(instance.copy, 0));
  }

  nextDueMs(): number | null {
    if (this.index >= this.instance.session.exchanges.length) return null;
    return plannedStartMs(this.play.schedule, this.instance, this.pass, this.index);
  }

  async iterate(sender: Sender): Promise<boolean> {
    const { exchanges } = this.instance.session;
    const exchange = exchanges[this.index];
    if (!exchange) return false;
    await this.send(sender, exchange);
    this.index += 1;
    if (this.index === exchanges.length && this.play.schedule.repeat === "loop") {
      this.index = 0;
      this.pass += 1;
      this.correlator = new SessionCorrelator(this.play.sharedIds(this.instance.copy, this.pass));
    }
    return true;
  }

  private async send(sender: Sender, exchange: RecordedExchange): Promise<void> {
    const request = this.correlator.prepare(exchange);
    const route = this.play.routeOf(exchange);
    // Filled in by `judge`, which sees every answer that has a status.
    const got: { answer?: Answer } = {};
    const reply = await sender.send({
      route,
      path: request.query === "" ? request.path : `${request.path}?${request.query}`,
      body: requestBodyOf(exchange, request.requestBody, this.play.shiftDays),
      headers: targetHeaders(exchange, this.play.token),
      judge: (answer) => {
        got.answer = answer;
        return judgeAnswer(exchange, answer);
      },
    });
    const { answer } = got;
    if (answer) this.correlator.learn(exchange, { status: answer.status, body: answer.body || undefined });
    if (!this.play.compare) return;
    const comparison = answer
      ? compareExchange(exchange, {
          status: answer.status,
          contentType: header(answer, "content-type"),
          body: answer.body,
        })
      : unanswered(exchange, route.name, reply);
    this.play.compare.add(comparison, this.describe(exchange));
  }

  /** `jti:5a68#1, exchange 4: GET /api/bands/7` (as recorded), for the list of mismatches. */
  private describe(exchange: RecordedExchange): string {
    const pass = this.pass > 0 ? `, pass ${this.pass + 1}` : "";
    const query = exchange.query === "" ? "" : `?${exchange.query}`;
    return `${this.key}, exchange ${this.index + 1}${pass}: ${exchange.method} ${exchange.path}${query}`;
  }
}
