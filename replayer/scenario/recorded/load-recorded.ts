/**
 * A recording or a HAR file → the sessions a replay plays, without the token fetches (the
 * target's own token is used), and what was left out. A file that cannot be read, an unknown
 * format version or a broken recording line is a usage error naming the file and the line; a
 * broken HAR entry is skipped with a warning naming it, and the replay goes on.
 */
import { RecordingError, type RecordedExchange } from "../../../common/recording/index.js";
import type { RecordedTrafficConfig } from "../../config/traffic-config.js";
import { UsageError } from "../../errors.js";
import {
  groupSessions,
  HarError,
  isTokenFetch,
  readHarSessions,
  readRecordingSessions,
  type RecordedSession,
} from "../../recording/index.js";
import type { RecordedTrafficInfo } from "../../report/traffic-results.js";

export interface LoadedTraffic {
  readonly sessions: RecordedSession[];
  /** Everything the report says about the traffic but the schedule (speed, copies, pass). */
  readonly info: Omit<RecordedTrafficInfo, "speed" | "repeat" | "copies" | "passMs" | "shiftedDays">;
  /** One line per thing skipped that the user should hear of. */
  readonly warnings: string[];
}

interface Read {
  source: string;
  recordedAt: string | null;
  sessions: RecordedSession[];
  otherHosts: Record<string, number>;
  broken: string[];
}

async function read(config: RecordedTrafficConfig): Promise<Read> {
  try {
    if (config.kind === "recording") {
      const recording = await readRecordingSessions(config.file);
      return {
        source: recording.header.source,
        recordedAt: recording.header.createdAt,
        sessions: recording.sessions,
        otherHosts: {},
        broken: [],
      };
    }
    const har = await readHarSessions(
      config.file,
      config.harServices ? { services: config.harServices } : {},
    );
    return {
      source: "har",
      recordedAt: har.startedAt ?? null,
      sessions: har.sessions,
      otherHosts: har.otherHosts,
      broken: har.warnings,
    };
  } catch (error) {
    if (error instanceof RecordingError || error instanceof HarError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Why a HAR gave nothing, in one line: the warnings of the broken entries and the other hosts
 * are never printed when the run stops here, so the first of each are named, and a HAR of only
 * other hosts is most likely one taken through a gateway.
 */
function whyEmpty(
  broken: string[],
  otherHosts: Array<{ host: string; count: number }>,
  kind: string,
): string {
  const first = <T>(list: T[], show: (item: T) => string) =>
    list.slice(0, 3).map(show).join(", ") + (list.length > 3 ? ", …" : "");
  const parts = ["no exchange for the services"];
  parts.push(broken.length === 0 ? "0 broken" : `${broken.length} broken (${first(broken, (b) => b)})`);
  const foreign = otherHosts.reduce((sum, { count }) => sum + count, 0);
  parts.push(
    foreign === 0
      ? "0 for other hosts"
      : `${foreign} for other hosts (${first(otherHosts, ({ host, count }) => `${host} ×${count}`)})`,
  );
  const hint = foreign > 0 && kind === "har" ? " — --har-services says where the services were" : "";
  return `${parts.join("; ")}${hint}`;
}

export async function loadRecordedTraffic(config: RecordedTrafficConfig): Promise<LoadedTraffic> {
  const loaded = await read(config);
  const all: RecordedExchange[] = loaded.sessions.flatMap((session) => [...session.exchanges]);
  const replayed = all.filter((exchange) => !isTokenFetch(exchange));
  const otherHosts = Object.entries(loaded.otherHosts)
    .map(([host, count]) => ({ host, count }))
    .sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : 1));
  const label = `${config.kind === "har" ? "har" : "recording"} ${config.file}`;
  const warnings = loaded.broken.map((line) => `${label}: skipped ${line}`);
  const foreign = otherHosts.reduce((sum, { count }) => sum + count, 0);
  if (foreign > 0) {
    const hosts = otherHosts.map(({ host, count }) => `${host} (${count})`).join(", ");
    warnings.push(
      `${label}: skipped ${foreign} ${foreign === 1 ? "entry" : "entries"} for other hosts: ${hosts}`,
    );
  }
  if (replayed.length === 0)
    throw new UsageError(
      `${label}: nothing to replay (${all.length > 0 ? "it holds only token fetches" : whyEmpty(loaded.broken, otherHosts, config.kind)})`,
    );
  const sessions = groupSessions(replayed);
  return {
    sessions,
    info: {
      kind: config.kind,
      file: config.file,
      source: loaded.source,
      recordedAt: loaded.recordedAt,
      sessions: sessions.length,
      exchanges: replayed.length,
      skipped: { tokenFetches: all.length - replayed.length, otherHosts, broken: loaded.broken },
    },
    warnings,
  };
}
