import { RECORDING_SERVICES, type RecordingService } from "../../common/recording/index.js";
import { parseSpeed, type ServiceBaseUrls, type Speed } from "../recording/index.js";
import { parseHttpUrl, parseInteger, type Parsed } from "./parse-values.js";
import type { RawOptions } from "./replay-config.js";

/** What a run sends: the generated Festival Season Rush, or recorded traffic played back. */
export type TrafficConfig = { readonly kind: "festival" } | RecordedTrafficConfig;

export interface RecordedTrafficConfig {
  /** A soundcheck recording (`--recording`) or a HAR file (`--har`). */
  readonly kind: "recording" | "har";
  readonly file: string;
  /** `--har-services`: where the HAR's services were; null to know them by their real ports. */
  readonly harServices: ServiceBaseUrls | null;
  readonly speed: Speed;
  readonly repeat: "once" | "loop";
  /** Copies of each session played at once. */
  readonly copies: number;
  /** `--compare`: check every answer against the recorded one. */
  readonly compare: boolean;
}

/** Flags that shape the generated festival traffic and mean nothing for a recording. */
export const FESTIVAL_ONLY = ["users", "spawnRate", "rate", "maxUsers", "tags", "think", "seed"] as const;
const RECORDED_ONLY = ["speed", "loop", "copies", "compare"] as const;

/** `spawnRate` → `--spawn-rate`. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** How many copies of each session one replay may run. */
const MAX_COPIES = 10_000;

/**
 * `--recording` / `--har` and the flags that go with them. Problems join the caller's list, so
 * a command line with several mistakes hears of all of them at once.
 */
export function readTraffic(
  options: RawOptions,
  readFile: (path: string) => string,
  problems: string[],
): TrafficConfig {
  const { recording, har } = options;
  if (recording !== undefined && har !== undefined)
    problems.push("--recording, --har: one or the other (a soundcheck recording or a HAR file)");
  for (const [flag, value] of [
    ["--recording", recording],
    ["--har", har],
  ] as const)
    if (value !== undefined && value.trim() === "") problems.push(`${flag}: must not be empty`);
  if (har === undefined && options.harServices !== undefined)
    problems.push("--har-services: only with --har");

  const file = recording ?? har;
  if (file === undefined) {
    for (const key of RECORDED_ONLY)
      if (options[key] !== undefined) problems.push(`${flagName(key)}: only with --recording or --har`);
    return { kind: "festival" };
  }
  const source = recording !== undefined ? "--recording" : "--har";
  for (const key of FESTIVAL_ONLY)
    if (options[key] !== undefined)
      problems.push(`${flagName(key)}: only with the generated festival traffic, not with ${source}`);

  let speed: Speed = 1;
  if (options.speed !== undefined) {
    // parseSpeed answers a speed, or the problem in words (any string but "max").
    const parsed = parseSpeed(options.speed);
    if (parsed === "max" || typeof parsed === "number") speed = parsed;
    else problems.push(`--speed: ${parsed}`);
  }
  let copies = 1;
  if (options.copies !== undefined) {
    const parsed = parseInteger(options.copies, 1, MAX_COPIES);
    if (parsed.ok) copies = parsed.value;
    else problems.push(`--copies: ${parsed.problem}`);
  }
  return {
    kind: recording !== undefined ? "recording" : "har",
    file,
    harServices:
      har === undefined || options.harServices === undefined
        ? null
        : readHarServices(options.harServices, readFile, problems),
    speed,
    repeat: options.loop === true ? "loop" : "once",
    copies,
    compare: options.compare === true,
  };
}

/** `--har-services FILE`: `{ "bands": "https://gateway.example/bands-api", … }`. */
function readHarServices(
  path: string,
  readFile: (path: string) => string,
  problems: string[],
): ServiceBaseUrls | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFile(path));
  } catch (error) {
    problems.push(`--har-services: cannot read '${path}' as JSON (${(error as Error).message})`);
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    problems.push(`--har-services: '${path}' must hold an object { "users": url, "bands": url, … }`);
    return null;
  }
  const services: ServiceBaseUrls = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(RECORDING_SERVICES as readonly string[]).includes(key)) {
      problems.push(`--har-services: unknown service '${key}' (one of ${RECORDING_SERVICES.join(", ")})`);
      continue;
    }
    const url: Parsed<string> =
      typeof value === "string" ? parseHttpUrl(value) : { ok: false, problem: "must be a URL string" };
    if (url.ok) services[key as RecordingService] = url.value;
    else problems.push(`--har-services: ${key} ${url.problem}`);
  }
  return services;
}
