#!/usr/bin/env node
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { packageVersion } from "../../common/version.js";
import type { RawOptions } from "../config/replay-config.js";
import { validateConfig } from "../config/validate-config.js";
import { monotonicClock } from "../engine/clock.js";
import type { StopReason } from "../engine/run-window.js";
import { UsageError } from "../errors.js";
import { renderJsonSummary } from "../report/json-summary.js";
import { rerenderReport } from "../report/rerender.js";
import { renderVerdictText } from "../report/text-summary.js";
import { replay } from "../replay.js";

/** The only module that reads argv and the environment, prints, and sets the exit code. */
function program(setExit: (code: number) => void): Command {
  const root = new Command("replay")
    .description(
      "Replay the Festival Season Rush, or recorded traffic, against the embedded emulator or the real services",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .exitOverride()
    // Commander's own errors (unknown flag, missing value) as one line, like every other problem.
    .configureOutput({
      outputError: (text, write) =>
        write(
          `replay: ${text
            .replace(/^error: /, "")
            .trim()
            .replace(/\s*\n\s*/g, " ")}\n`,
        ),
    })
    .option("--target <kind>", "emu (embedded emulator) or real", "emu")
    .option(
      "--users <n>",
      "virtual users (closed model), or the default --max-users (open model); default 50",
    )
    .option("--spawn-rate <n>", "users started per second (closed model); default 10")
    .option("--run-time <duration>", "run window: 20, 20s, 5m, 1m30s; default 20s")
    .option("--output <folder>", "output folder; default showcase_results")
    .option("--tags <list>", "only tasks with these tags: users,bands,tours,albums,songs")
    .option("--think <range>", "think time between tasks (closed model): 0, 2s, 1-3s; default none")
    .option("--seed <n>", "seed of every random choice; default random (reported)")
    .option("--timeout <duration>", "per-request timeout; default 5s")
    .option("--thresholds <file>", "JSON file overriding the verdict's targets")
    .option("--rate <n>", "open model: iterations started per second")
    .option("--max-users <n>", "open model: cap on virtual users")
    .option("--user-url <url>", "user-service base URL (--target real); default http://localhost:8091")
    .option("--band-url <url>", "band-service base URL (--target real); default http://localhost:8092")
    .option("--catalog-url <url>", "music-catalog base URL (--target real); default http://localhost:8093")
    .option("--tour-url <url>", "tour-service base URL (--target real); default http://localhost:8094")
    .option(
      "--targets <file>",
      'JSON { "users": url, "bands": url, "catalog": url, "tours": url, "auth": url } (--target real; tokens from auth/token)',
    )
    .option(
      "--token <token>",
      "bearer token (--target real); else SOUNDCHECK_TOKEN, else --token-url, else auth in --targets",
    )
    .option("--token-url <url>", "URL answering { accessToken } (--target real)")
    .option("--fixtures <file>", "fixtures for the embedded emulator (--target emu)")
    .option("--recording <file>", "replay a soundcheck recording instead of the generated festival traffic")
    .option(
      "--har <file>",
      "replay a HAR 1.2 file (browser, proxy) instead of the generated festival traffic",
    )
    .option(
      "--har-services <file>",
      'JSON { "bands": url, … }: where the HAR\'s services were; default: by port',
    )
    .option(
      "--speed <n|max>",
      "recorded traffic: 1 = the recorded pace, 2 = twice as fast, max = no waits; default 1",
    )
    .option("--loop", "recorded traffic: play it again and again until the run time ends")
    .option("--copies <n>", "recorded traffic: play n copies of each session at once; default 1")
    .option("--compare", "recorded traffic: compare every answer's status and shape with the recorded one")
    .option("--record <file>", "write what the run sent and got to a recording (replay it with --recording)")
    .option("--json", "print one JSON summary on stdout and nothing else")
    .action(async (options: RawOptions) => setExit(await runCommand(options)));

  root
    .command("report")
    .description("render the HTML report again from a results.json, without a run")
    .argument("<results>", "path of a results.json")
    .option("--out <file>", "where to write the HTML; default report_<timestamp>.html beside it")
    .action(async (resultsPath: string, options: { out?: string }) => {
      const written = await rerenderReport(resultsPath, options.out);
      process.stdout.write(`${written}\n`);
      setExit(0);
    });
  return root;
}

async function runCommand(options: RawOptions): Promise<number> {
  const checked = validateConfig({
    options,
    envToken: process.env.SOUNDCHECK_TOKEN,
    readFile: (path) => readFileSync(path, "utf8"),
    randomSeed: randomBytes(4).readUInt32BE(0),
    runId: `${Date.now().toString(36).slice(-4)}${randomBytes(2).toString("hex")}`,
  });
  if (!checked.ok) throw new UsageError(checked.problems.join("; "));
  const { config } = checked;
  const live = !config.json && process.stderr.isTTY === true;
  const outcome = await replay(config, {
    clock: monotonicClock,
    calendar: () => Date.now(),
    progress: live ? (line) => process.stderr.write(`\r\x1b[2K${line}`) : undefined,
    warn: (line) => process.stderr.write(`replay: ${line}\n`),
    onStopSignal: (handler) => {
      const stop = (reason: StopReason) => () => {
        if (!config.json) process.stderr.write(`\n${reason}: stopping, waiting for requests in flight…\n`);
        handler(reason);
      };
      process.once("SIGINT", stop("SIGINT"));
      process.once("SIGTERM", stop("SIGTERM"));
    },
  });
  if (live) process.stderr.write("\r\x1b[2K");
  if (config.json) process.stdout.write(renderJsonSummary(outcome.results, outcome.files));
  else {
    process.stdout.write(renderVerdictText(outcome.results));
    process.stdout.write(`\nReport: ${outcome.files.report}\nResults: ${outcome.files.results}\n`);
  }
  return outcome.exitCode;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  const code = (error as { exitCode?: unknown }).exitCode;
  return typeof code === "number" ? code : 1;
}

// A reader that goes away (`replay … | head -1`) is not a failure of the run, whose outputs are
// already written: what is left to print is dropped and the exit code stays the run's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

let exitCode = 0;
try {
  await program((code) => (exitCode = code)).parseAsync(process.argv);
} catch (error) {
  exitCode = exitCodeOf(error);
  // Commander has already printed its own one line; everything else gets exactly one here.
  if (!(error instanceof CommanderError)) process.stderr.write(`replay: ${(error as Error).message}\n`);
}
process.exitCode = exitCode;
// Nothing should be left running; if a socket lingers, do not hang the shell on it.
setTimeout(() => process.exit(exitCode), 200).unref();
