import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { TargetUnreachableError, UsageError } from "../errors.js";
import type { ServiceUrls } from "../services.js";

/** The emulator's CLI in this package (this file runs from `dist/replayer/target/`). */
export const EMULATOR_SCRIPT = fileURLToPath(new URL("../../emulator/bin/emu.js", import.meta.url));

/**
 * The lifetime of the embedded emulator's tokens. They are fetched once, before the run, and its
 * default (1 h) would turn every request of a longer run into a 401 from then on; this outlives
 * the longest run window and request timeout the replayer accepts (596 h each).
 */
export const EMBEDDED_TOKEN_TTL = "1200h";

export interface EmbeddedEmulator {
  readonly pid: number;
  readonly urls: ServiceUrls;
  readonly authUrl: string;
  /** SIGTERM, then wait for the exit (SIGKILL if it does not come). */
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  readonly fixtures: string | null;
  readonly script?: string;
  readonly readyTimeoutMs?: number;
  readonly stopTimeoutMs?: number;
}

interface ReadyLine {
  event: "ready";
  pid: number;
  urls: Record<string, string>;
}

function parseReady(line: string): ReadyLine | undefined {
  try {
    const value = JSON.parse(line) as Partial<ReadyLine>;
    const urls = value.urls;
    if (value.event !== "ready" || !urls || typeof urls !== "object") return undefined;
    for (const key of ["auth", "users", "bands", "catalog", "tours"])
      if (typeof urls[key] !== "string") return undefined;
    return value as ReadyLine;
  } catch {
    return undefined;
  }
}

/** The telling line of a dying child's stderr: its error message, not Node's version footer. */
function explain(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^Node\.js v\d/.test(line));
  const line = lines.find((candidate) => /^\w*Error\b/.test(candidate)) ?? lines[lines.length - 1];
  return line ? `: ${line.slice(0, 300)}` : "";
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * Starts the emulator in a child process, so serving and measuring never share an event loop,
 * on free ports, and waits for its one-line JSON ready event on stdout. It runs in its own process
 * group: a Ctrl-C meant for the replayer must not kill the target in the middle of the run (the
 * replayer stops it after writing its outputs, and on any exit).
 */
export async function startEmbeddedEmulator(options: EmulatorOptions): Promise<EmbeddedEmulator> {
  const script = options.script ?? EMULATOR_SCRIPT;
  const args = [script, "start", "--port", "0", "--quiet", "--json", "--token-ttl", EMBEDDED_TOKEN_TTL];
  if (options.fixtures !== null) args.push("--fixtures", options.fixtures);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const killOnExit = (): void => void child.kill("SIGKILL");
  process.once("exit", killOnExit);

  let errorTail = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (text: string) => {
    errorTail = (errorTail + text).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout! });

  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    const fail = (message: string, error: Error = new TargetUnreachableError(message)): void => {
      clearTimeout(timer);
      process.removeListener("exit", killOnExit);
      child.kill("SIGKILL");
      reject(error);
    };
    const timer = setTimeout(
      () => fail(`emulator printed no ready line within ${(options.readyTimeoutMs ?? 15_000) / 1000} s`),
      options.readyTimeoutMs ?? 15_000,
    );
    child.once("error", (error) => fail(`emulator did not start: ${error.message}`));
    // "close", not "exit": by then stderr has been read to its end.
    child.once("close", (code, signal) => {
      const message = `emulator exited (${signal ?? `code ${code}`}) before it was ready${explain(errorTail)}`;
      // emu exits 2 on a configuration error, and the one piece of its configuration the user
      // gives is --fixtures: a file that cannot be read is the user's to fix, not an outage.
      if (code === 2 && options.fixtures !== null) {
        // emu names the flag itself when it is the file: say it once.
        const said = explain(errorTail).replace(/^: emu: bad configuration: --fixtures: /, ": ");
        return fail(message, new UsageError(`--fixtures${said || `: ${message}`}`));
      }
      fail(message);
    });
    lines.once("line", (line) => {
      const parsed = parseReady(line);
      if (!parsed) return fail(`emulator's first line is not a ready event: ${line.slice(0, 200)}`);
      clearTimeout(timer);
      child.removeAllListeners("close");
      resolve(parsed);
    });
  });
  // Keep reading, so a chatty emulator never blocks on a full pipe.
  lines.on("line", () => undefined);

  return {
    pid: ready.pid,
    authUrl: ready.urls.auth as string,
    urls: {
      users: ready.urls.users as string,
      bands: ready.urls.bands as string,
      catalog: ready.urls.catalog as string,
      tours: ready.urls.tours as string,
    },
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), options.stopTimeoutMs ?? 5000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
