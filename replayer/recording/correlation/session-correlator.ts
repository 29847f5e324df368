/**
 * The correlation of one replayed session, as the engine uses it: `prepare` each recorded
 * exchange before sending it, `learn` from the target's answer after. Each replayed session (each
 * copy, each loop) gets its own correlator; the sessions of one copy and pass share what they
 * learned (id-map.ts), copies and passes never mix.
 */
import type { RecordedExchange } from "../../../common/recording/index.js";
import { IdMap } from "./id-map.js";
import { learnIds, type ReplayedAnswer } from "./learn.js";
import { rewriteRequest, type RewrittenRequest } from "./rewrite.js";

export class SessionCorrelator {
  readonly ids: IdMap;

  /** `shared`: the ids of the other sessions of the same copy and pass. */
  constructor(shared?: IdMap) {
    this.ids = new IdMap(shared);
  }

  prepare(exchange: RecordedExchange): RewrittenRequest {
    return rewriteRequest(this.ids, exchange);
  }

  learn(exchange: RecordedExchange, answer: ReplayedAnswer): number {
    return learnIds(this.ids, exchange, answer);
  }
}
