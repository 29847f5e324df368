/**
 * A recording as the replayer uses it: one ordered list of exchanges per session key, with the
 * timing it was recorded at. HAR imports produce the same form (har-import.ts).
 */
import { openRecording, type RecordedExchange, type RecordingHeader } from "../../common/recording/index.js";

export interface RecordedSession {
  key: string;
  /** In arrival order (`t`), ties kept in file order. */
  exchanges: readonly RecordedExchange[];
  /** `t` of the first exchange: when the session started, from the recording's start. */
  startMs: number;
  /** When its last answer ended (`t + durationMs`, the latest of them). */
  endMs: number;
}

export interface RecordedSessions {
  header: RecordingHeader;
  /** Ordered by start, then key. */
  sessions: RecordedSession[];
  exchangeCount: number;
  /** From the first arrival to the last answer's end: one pass of the recording at speed 1. */
  spanMs: number;
}

/** Group exchanges (in any order) into sessions. */
export function groupSessions(exchanges: Iterable<RecordedExchange>): RecordedSession[] {
  const byKey = new Map<string, RecordedExchange[]>();
  for (const exchange of exchanges) {
    const list = byKey.get(exchange.session);
    if (list) list.push(exchange);
    else byKey.set(exchange.session, [exchange]);
  }
  const sessions = [...byKey].map(([key, list]): RecordedSession => {
    const ordered = list.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i);
    const sorted = ordered.map(({ e }) => e);
    return {
      key,
      exchanges: sorted,
      startMs: sorted[0]?.t ?? 0,
      endMs: sorted.reduce((end, e) => Math.max(end, e.t + e.durationMs), 0),
    };
  });
  return sessions.sort((a, b) => a.startMs - b.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function spanOf(sessions: readonly RecordedSession[]): number {
  if (sessions.length === 0) return 0;
  const start = sessions.reduce((min, s) => Math.min(min, s.startMs), Infinity);
  const end = sessions.reduce((max, s) => Math.max(max, s.endMs), 0);
  return end - start;
}

/** Read a recording file into sessions; throws RecordingError naming the line of a problem. */
export async function readRecordingSessions(file: string): Promise<RecordedSessions> {
  const opened = await openRecording(file);
  const exchanges: RecordedExchange[] = [];
  for await (const exchange of opened.exchanges) exchanges.push(exchange);
  const sessions = groupSessions(exchanges);
  return { header: opened.header, sessions, exchangeCount: exchanges.length, spanMs: spanOf(sessions) };
}

/** Token fetches are never replayed: the replayer gets its own token for the target. */
export function isTokenFetch(exchange: RecordedExchange): boolean {
  return exchange.service === "auth";
}
