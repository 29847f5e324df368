/**
 * Running the built CLIs as a user would, reading what they print.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { packageRoot } from "../../emulator/package-root.js";

export interface Spawned {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Exit code (or the signal name) once the process ends. */
  exited: Promise<number | string>;
}

export function spawnCli(
  bin: "emu" | "replay",
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Spawned {
  const script = join(packageRoot(), "dist", bin === "emu" ? "emulator" : "replayer", "bin", `${bin}.js`);
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd ?? packageRoot(),
    env: { ...process.env, ...options.env },
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | string);
  return { child, stdout: () => out, stderr: () => err, exited };
}

export interface Ready {
  event: "ready";
  pid: number;
  urls: Record<string, string>;
}

/** Start `emu start --port 0 --json …` and wait for its ready line (bounded). */
export async function startEmu(args: string[] = [], timeoutMs = 15_000): Promise<Spawned & { ready: Ready }> {
  const spawned = spawnCli("emu", ["start", "--port", "0", "--json", ...args]);
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ready line within ${timeoutMs} ms; stderr: ${spawned.stderr()}`)),
      timeoutMs,
    );
    const check = () => {
      const line = spawned.stdout().split("\n")[0];
      if (spawned.stdout().includes("\n") && line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Ready);
      }
    };
    spawned.child.stdout.on("data", check);
    void spawned.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`emu exited with ${code} before ready: ${spawned.stderr()}`));
    });
  });
  return { ...spawned, ready };
}

/** SIGTERM and wait for the exit, failing after `timeoutMs`. */
export async function stop(spawned: Spawned, timeoutMs = 5_000): Promise<number | string> {
  if (spawned.child.exitCode !== null) return spawned.child.exitCode;
  spawned.child.kill("SIGTERM");
  const timer = setTimeout(() => spawned.child.kill("SIGKILL"), timeoutMs);
  const code = await spawned.exited;
  clearTimeout(timer);
  return code;
}
