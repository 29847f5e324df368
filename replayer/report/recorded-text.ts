import { formatNumber } from "./format.js";
import type { Results } from "./results.js";
import type { RecordedTrafficInfo } from "./traffic-results.js";

/** Why a throughput check is shown but not judged: nothing of this run's traffic went to it. */
export function notJudgedReason(results: Pick<Results, "traffic">): string {
  return results.traffic.kind === "festival"
    ? "its tag is not among --tags"
    : "the recording sends nothing to it";
}

/** `98.5 %`, `n/a` without anything compared. */
export function percentOf(rate: number | null): string {
  return rate === null ? "n/a" : `${formatNumber(rate * 100, 2)} %`;
}

/** How the recorded traffic was played: `speed 2, once`, `speed max, looped, 3 copies`. */
export function playedAs(traffic: RecordedTrafficInfo): string {
  const parts = [`speed ${traffic.speed}`, traffic.repeat === "loop" ? "looped" : "once"];
  if (traffic.copies > 1) parts.push(`${traffic.copies} copies of each session`);
  if (traffic.shiftedDays !== 0)
    parts.push(`request-body dates moved by ${count(traffic.shiftedDays, "day", "days")}`);
  return parts.join(", ");
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What was left out of a recorded replay, in words; empty when nothing was. */
export function skippedText(traffic: RecordedTrafficInfo): string {
  const { tokenFetches, otherHosts, broken } = traffic.skipped;
  const foreign = otherHosts.reduce((sum, host) => sum + host.count, 0);
  const parts: string[] = [];
  if (tokenFetches > 0)
    parts.push(`${count(tokenFetches, "token fetch", "token fetches")} (the target's own token is used)`);
  if (foreign > 0)
    parts.push(
      `${count(foreign, "entry", "entries")} for other hosts (${otherHosts.map((h) => `${h.host} ×${h.count}`).join(", ")})`,
    );
  if (broken.length > 0) parts.push(count(broken.length, "broken entry", "broken entries"));
  return parts.join(", ");
}

/** Mismatching exchanges the terminal lists; the report and results.json keep more. */
const TEXT_MISMATCHES = 5;

/** The terminal's lines about recorded traffic, `--record` and `--compare`; none for a plain run. */
export function recordedTextLines(results: Results): string[] {
  const lines: string[] = [];
  const { traffic, compare, recordedTo } = results;
  if (traffic.kind !== "festival") {
    lines.push(
      `Replayed ${traffic.kind === "har" ? "HAR" : "recording"} ${traffic.file}: ` +
        `${count(traffic.sessions, "session", "sessions")}, ${count(traffic.exchanges, "exchange", "exchanges")}, ${playedAs(traffic)}`,
    );
    const skipped = skippedText(traffic);
    if (skipped) lines.push(`  not replayed: ${skipped}`);
  }
  if (recordedTo)
    lines.push(`Recorded ${count(recordedTo.exchanges, "exchange", "exchanges")} to ${recordedTo.file}`);
  if (compare) {
    lines.push(
      `Compare: ${percentOf(compare.matchRate)} of ${compare.total} answers as recorded (status, media type, body shape)`,
    );
    for (const name of compare.byName.filter((entry) => entry.matched < entry.total)) {
      lines.push(
        `  ${percentOf(name.matchRate).padStart(8)}  ${name.name} (${name.matched} of ${name.total})`,
      );
      for (const mismatch of name.firstMismatches) lines.push(`            ${mismatch}`);
    }
    const first = compare.firstMismatches.slice(0, TEXT_MISMATCHES);
    if (first.length > 0) lines.push("  first mismatches:");
    for (const entry of first)
      lines.push(`    ${entry.name} — ${entry.exchange}: ${entry.mismatches.join("; ")}`);
    const more = compare.firstMismatches.length - first.length;
    if (more > 0) lines.push(`    … ${more} more in the report`);
  }
  return lines;
}
