/**
 * The bench's own child processes (servers and load generators) take jobs over the IPC channel
 * and answer each with one result, so the measured process never shares an event loop with its
 * load nor with the bench that drives it.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

interface JobMessage {
  id: number;
  job: unknown;
}

type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Child side: runs each job the parent sends, one answer per job; exits when the parent goes. */
export function serveJobs<J>(handle: (job: J) => Promise<unknown>): void {
  process.on("message", (message: JobMessage) => {
    const reply = (answer: ReplyMessage) => process.send?.(answer);
    handle(message.job as J).then(
      (value) => reply({ id: message.id, ok: true, value }),
      (error: unknown) =>
        reply({
          id: message.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  process.on("disconnect", () => process.exit(0));
}

/** A bench process by its module name under `dist/bench/processes/`. */
export function processScript(name: string): string {
  return fileURLToPath(new URL(`./processes/${name}.js`, import.meta.url));
}

/** Parent side: one forked child and its pending jobs. */
export class BenchChild<J, R> {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (value: R) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (message: ReplyMessage) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value as R);
      else waiter.reject(new Error(message.error));
    });
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        for (const waiter of this.pending.values())
          waiter.reject(new Error(`bench process exited (${signal ?? `code ${code}`})`));
        this.pending.clear();
        resolve();
      });
    });
  }

  static start<J, R>(name: string, execArgv: string[] = []): BenchChild<J, R> {
    return new BenchChild<J, R>(
      fork(processScript(name), [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] }),
    );
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  run(job: J): Promise<R> {
    const id = this.next++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, job } satisfies JobMessage);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    const force = setTimeout(() => this.child.kill("SIGKILL"), 3000);
    await this.exited;
    clearTimeout(force);
  }
}
