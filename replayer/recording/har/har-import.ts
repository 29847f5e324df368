/**
 * HAR 1.2 (as browsers and proxies write it) → the same sessions a recording gives. Entries for
 * other hosts are skipped and counted per host; broken entries are skipped with a warning naming
 * them (`entry 12: no request.url`, entries counted from 1 in file order); the import goes on.
 * Headers and bodies go through the recording capture, so secrets are redacted here too.
 */
import { readFile } from "node:fs/promises";
import { captureExchange, type RawExchange, type RecordedExchange } from "../../../common/recording/index.js";
import { groupSessions, spanOf, type RecordedSession } from "../sessions.js";
import { readEntry } from "./har-entry.js";
import { serviceResolver, type ServiceBaseUrls } from "./service-map.js";

export interface HarImportOptions {
  /** Where each service was when the HAR was taken; default: the real ports on any host. */
  services?: ServiceBaseUrls;
}

export interface HarImport {
  /** ISO instant of the earliest entry; `t` counts from it. */
  startedAt: string | undefined;
  sessions: RecordedSession[];
  exchangeCount: number;
  spanMs: number;
  /** Entries sent to hosts that are not one of the services, per `host:port`. */
  otherHosts: Record<string, number>;
  /** One line per broken entry that was skipped. */
  warnings: string[];
}

export class HarError extends Error {
  constructor(file: string, problem: string) {
    super(`har ${file}: ${problem}`);
    this.name = "HarError";
  }
}

export function importHar(har: unknown, options: HarImportOptions = {}, name = "(har)"): HarImport {
  const log = (har as { log?: { entries?: unknown } } | null)?.log;
  if (!log || !Array.isArray(log.entries)) throw new HarError(name, "no log.entries (not a HAR file)");
  const resolve = serviceResolver(options.services);
  const raws: Array<{ raw: RawExchange; index: number }> = [];
  const otherHosts: Record<string, number> = {};
  const warnings: string[] = [];
  (log.entries as unknown[]).forEach((entry, index) => {
    const outcome = readEntry(entry, resolve);
    if (outcome.kind === "broken") warnings.push(`entry ${index + 1}: ${outcome.problem}`);
    else if (outcome.kind === "other-host") otherHosts[outcome.host] = (otherHosts[outcome.host] ?? 0) + 1;
    else raws.push({ raw: { ...outcome.exchange, session: outcome.session }, index });
  });
  const startMs = raws.reduce((min, { raw }) => Math.min(min, raw.time), Infinity);
  const exchanges: RecordedExchange[] = raws.map(({ raw }) => captureExchange(raw, startMs));
  const sessions = groupSessions(exchanges);
  return {
    startedAt: raws.length > 0 ? new Date(startMs).toISOString() : undefined,
    sessions,
    exchangeCount: exchanges.length,
    spanMs: spanOf(sessions),
    otherHosts,
    warnings,
  };
}

/** Read and import a HAR file; a file that is not JSON or not a HAR is a HarError. */
export async function readHarSessions(file: string, options: HarImportOptions = {}): Promise<HarImport> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new HarError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let har: unknown;
  try {
    har = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new HarError(file, `not valid JSON (${(error as Error).message})`);
  }
  return importHar(har, options, file);
}
