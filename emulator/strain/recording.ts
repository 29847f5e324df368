/**
 * The measured durations of a recording: JSON lines, each with `durationMs` (a number of
 * milliseconds) or `duration` (milliseconds, or a duration such as "12ms"). The recording format
 * belongs to the replayer; this reader only needs that one field, so it skips any line without
 * it (headers, other events, a half-written last line) rather than refusing the file.
 */
import { parseDuration } from "../../common/duration.js";
import type { Distribution } from "./distribution.js";
import { pointsFromDurations } from "./empirical.js";
import { bad, ok, type Parsed, type ReadText } from "./parsed.js";

export interface RecordingDurations {
  durations: number[];
  skipped: number;
}

function durationOf(line: string): number | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== "object") return undefined;
  const record = value as { durationMs?: unknown; duration?: unknown };
  const raw = record.durationMs ?? record.duration;
  const ms = typeof raw === "number" ? raw : typeof raw === "string" ? parseDuration(raw, "ms") : undefined;
  return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

export function readRecordingDurations(text: string): RecordingDurations {
  const durations: number[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const ms = durationOf(line);
    if (ms === undefined) skipped++;
    else durations.push(ms);
  }
  return { durations, skipped };
}

/** `recording:FILE`: the file's durations as an empirical latency. */
export function recordedLatency(file: string, read: ReadText | undefined): Parsed<Distribution> {
  if (!read) return bad(`recording ${file}: recordings cannot be read here`);
  let text: string;
  try {
    text = read(file);
  } catch (error) {
    return bad(`recording ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const { durations } = readRecordingDurations(text);
  if (durations.length === 0) return bad(`recording ${file}: no line has a durationMs or duration field`);
  return ok({ kind: "empirical", points: pointsFromDurations(durations) });
}
