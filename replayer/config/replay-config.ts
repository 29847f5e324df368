import type { LoadModel } from "../engine/models.js";
import type { Tag } from "../scenario/festival/task.js";
import type { ServiceUrls } from "../services.js";
import type { Thresholds } from "../verdict/thresholds.js";
import type { TrafficConfig } from "./traffic-config.js";

export type TokenSource =
  { readonly kind: "value"; readonly value: string } | { readonly kind: "url"; readonly url: string };

export type TargetConfig =
  | { readonly kind: "emu"; readonly fixtures: string | null }
  | { readonly kind: "real"; readonly urls: ServiceUrls; readonly token: TokenSource };

/** One validated, immutable description of a run: everything after the CLI reads only this. */
export interface ReplayConfig {
  readonly target: TargetConfig;
  /** The generated festival traffic, or a recording / HAR file played back. */
  readonly traffic: TrafficConfig;
  /** The festival's load model, think time, seed and tags: generated traffic only. */
  readonly model: LoadModel;
  /** The run window; null for a recording played once without `--run-time` (it ends with the recording). */
  readonly runTimeMs: number | null;
  readonly thinkMs: { readonly min: number; readonly max: number };
  readonly seed: number;
  readonly timeoutMs: number;
  readonly tags: readonly Tag[] | null;
  /** `--record FILE`: a recording of what the run sent and got; null for none. */
  readonly record: string | null;
  readonly outputDir: string;
  readonly json: boolean;
  readonly thresholds: Thresholds;
  /** Part of every unique name the scenario makes, so runs against one store never collide. */
  readonly runId: string;
}

/** The flags as commander hands them over: strings, unvalidated, undefined when not given. */
export interface RawOptions {
  target?: string;
  users?: string;
  spawnRate?: string;
  runTime?: string;
  output?: string;
  tags?: string;
  think?: string;
  seed?: string;
  timeout?: string;
  thresholds?: string;
  userUrl?: string;
  bandUrl?: string;
  catalogUrl?: string;
  tourUrl?: string;
  targets?: string;
  token?: string;
  tokenUrl?: string;
  rate?: string;
  maxUsers?: string;
  json?: boolean;
  fixtures?: string;
  recording?: string;
  har?: string;
  harServices?: string;
  speed?: string;
  loop?: boolean;
  copies?: string;
  compare?: boolean;
  record?: string;
}

export const DEFAULTS = {
  target: "emu",
  users: 50,
  spawnRate: 10,
  runTime: "20s",
  output: "showcase_results",
  timeout: "5s",
  urls: {
    users: "http://localhost:8091",
    bands: "http://localhost:8092",
    catalog: "http://localhost:8093",
    tours: "http://localhost:8094",
  },
} as const;
