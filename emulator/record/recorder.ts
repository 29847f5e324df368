/**
 * `emu start --record FILE`: the emulator's exchange observer feeding a recording writer. The
 * observer runs right after each answer went out and only queues the exchange; the writer turns
 * it into a line later (common/recording/writer.ts).
 */
import {
  RecordingWriter,
  isRecordingService,
  type OpenRecordingOptions,
} from "../../common/recording/index.js";
import type { Exchange, ExchangeObserver } from "../core/exchange.js";
import { sessionKeyOf } from "./session-key.js";

export interface ExchangeRecorder {
  observe: ExchangeObserver;
  /** Exchanges written so far. */
  readonly count: number;
  /** Write what is queued and close the file. */
  close(): Promise<void>;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Session keys per Authorization header: a token is decoded once, not on every request. */
class SessionKeys {
  private readonly byAuthorization = new Map<string, string>();

  of(exchange: Exchange): string {
    const authorization = firstValue(exchange.requestHeaders.authorization);
    // Only a bearer decides the key on its own; anything else falls back to the client address.
    if (!authorization || !/^bearer\s/i.test(authorization))
      return sessionKeyOf(authorization, exchange.remoteAddress);
    let key = this.byAuthorization.get(authorization);
    if (key === undefined) {
      key = sessionKeyOf(authorization, exchange.remoteAddress);
      if (this.byAuthorization.size >= 10_000) this.byAuthorization.clear();
      this.byAuthorization.set(authorization, key);
    }
    return key;
  }
}

function recordExchange(writer: RecordingWriter, exchange: Exchange, keys: SessionKeys): void {
  if (!isRecordingService(exchange.service)) return;
  writer.add({
    time: exchange.time,
    session: keys.of(exchange),
    service: exchange.service,
    method: exchange.method,
    path: exchange.path,
    query: exchange.query,
    requestHeaders: exchange.requestHeaders,
    requestBody: exchange.requestBody,
    status: exchange.status,
    responseHeaders: exchange.responseHeaders,
    // A HEAD answer carries the GET's headers but no body on the wire.
    responseBody: exchange.method === "HEAD" ? undefined : exchange.responseBody,
    durationMs: exchange.durationMs,
    fault: exchange.fault,
  });
}

/** Create the recording file now (so a bad path fails at start) and return its observer. */
export async function openExchangeRecorder(
  path: string,
  options: Omit<OpenRecordingOptions, "source"> = {},
): Promise<ExchangeRecorder> {
  const writer = await RecordingWriter.open(path, { source: "emu", ...options });
  const keys = new SessionKeys();
  return {
    observe: (exchange) => recordExchange(writer, exchange, keys),
    get count() {
      return writer.count;
    },
    close: () => writer.close(),
  };
}
