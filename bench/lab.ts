/**
 * The processes several rows share, started on first use and stopped at the end: the emulator
 * (started as users start it), the bare reference server answering its captured bytes, and the
 * two load generators. Each is a process of its own.
 */
import { startEmbeddedEmulator, type EmbeddedEmulator } from "../replayer/target/embedded-emulator.js";
import { fetchToken } from "../replayer/target/http-get.js";
import { capture } from "./capture.js";
import type { BareJob, CapturedResponse, Listening, LoadJob, LoadResult, ReplayerJob } from "./jobs.js";
import { BenchChild } from "./rpc.js";

/** A manager the capture creates; the load then posts new ones shaped like it. */
const CAPTURE_MANAGER = JSON.stringify({
  username: "bench-capture",
  email: "bench-capture@bench.example",
  firstName: "Bench",
  lastName: "Marker",
  password: "s3cret",
  companyName: "Load Ltd",
});

/** A server under load, and its process (whose CPU time the bench reads). */
export interface Server {
  readonly url: string;
  readonly pid: number;
}

export interface EmulatorUnderTest {
  readonly emulator: EmbeddedEmulator;
  /** What every request carries: a bearer token with every scope, and the Accept of a client. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bands: CapturedResponse;
  readonly managers: CapturedResponse;
}

export class Lab {
  private emu: Promise<EmulatorUnderTest> | undefined;
  private bareServer: Promise<Server> | undefined;
  private readonly children: BenchChild<unknown, unknown>[] = [];
  private loadChild: BenchChild<LoadJob, LoadResult> | undefined;
  private replayerChild: BenchChild<ReplayerJob, unknown> | undefined;

  emulator(): Promise<EmulatorUnderTest> {
    this.emu ??= startEmulatorUnderTest();
    return this.emu;
  }

  /** The bare node:http server: GET answers the emulator's `GET /api/bands`, POST its `POST /api/managers`. */
  bare(): Promise<Server> {
    this.bareServer ??= this.emulator().then(async ({ bands, managers }) => {
      const child = this.own(BenchChild.start<BareJob, Listening>("bare-server"));
      const { url } = await child.run({ responses: { GET: bands, POST: managers } });
      return { url, pid: child.pid };
    });
    return this.bareServer;
  }

  load(job: LoadJob): Promise<LoadResult> {
    this.loadChild ??= this.own(BenchChild.start<LoadJob, LoadResult>("autocannon-load"));
    return this.loadChild.run(job);
  }

  replay<R>(job: ReplayerJob): Promise<R> {
    this.replayerChild ??= this.own(BenchChild.start<ReplayerJob, unknown>("replayer-load"));
    return this.replayerChild.run(job) as Promise<R>;
  }

  /** A child of the lab's, stopped with the rest. */
  own<J, R>(child: BenchChild<J, R>): BenchChild<J, R> {
    this.children.push(child as BenchChild<unknown, unknown>);
    return child;
  }

  async close(): Promise<void> {
    const emu = this.emu ? await this.emu.catch(() => undefined) : undefined;
    await Promise.all([...this.children.map((child) => child.stop()), emu?.emulator.stop()]);
  }
}

async function startEmulatorUnderTest(): Promise<EmulatorUnderTest> {
  const emulator = await startEmbeddedEmulator({ fixtures: "default" });
  try {
    const answer = await fetchToken(`${emulator.authUrl}/token`, 5000);
    if ("problem" in answer) throw new Error(answer.problem);
    const headers = { authorization: `Bearer ${answer.token}`, accept: "application/json" };
    const bands = await capture(`${emulator.urls.bands}/api/bands`, "GET", headers);
    const managers = await capture(
      `${emulator.urls.users}/api/managers`,
      "POST",
      { ...headers, "content-type": "application/json" },
      CAPTURE_MANAGER,
    );
    if (bands.status !== 200) throw new Error(`GET /api/bands answered ${bands.status}`);
    if (managers.status !== 201) throw new Error(`POST /api/managers answered ${managers.status}`);
    return { emulator, headers, bands, managers };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
