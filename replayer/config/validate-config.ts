import { resolve } from "node:path";
import type { LoadModel } from "../engine/models.js";
import { TAGS, type Tag } from "../scenario/festival/task.js";
import { SERVICES, type ServiceName, type ServiceUrls } from "../services.js";
import { DEFAULT_THRESHOLDS, parseThresholds, type Thresholds } from "../verdict/thresholds.js";
import {
  parseHttpUrl,
  parseInteger,
  parseList,
  parsePositiveDuration,
  parsePositiveNumber,
  parseThink,
  type Parsed,
} from "./parse-values.js";
import {
  DEFAULTS,
  type RawOptions,
  type ReplayConfig,
  type TargetConfig,
  type TokenSource,
} from "./replay-config.js";
import { FESTIVAL_ONLY, flagName, readTraffic } from "./traffic-config.js";

/** What validation needs besides the flags; the CLI supplies it (the only reader of env and files). */
export interface ConfigInputs {
  readonly options: RawOptions;
  /** `SOUNDCHECK_TOKEN`, if set. */
  readonly envToken: string | undefined;
  /** Reads a file the flags name (targets, thresholds); throws when it cannot. */
  readonly readFile: (path: string) => string;
  /** Used when `--seed` is not given (and reported, so the run can be repeated). */
  readonly randomSeed: number;
  readonly runId: string;
}

export type ConfigResult = { ok: true; config: ReplayConfig } | { ok: false; problems: string[] };

const URL_FLAGS: Readonly<Record<ServiceName, keyof RawOptions>> = {
  users: "userUrl",
  bands: "bandUrl",
  catalog: "catalogUrl",
  tours: "tourUrl",
};

/** Turns the flags into one immutable config, or every problem with them at once. */
export function validateConfig(inputs: ConfigInputs): ConfigResult {
  const problems: string[] = [];
  const traffic = readTraffic(inputs.options, inputs.readFile, problems);
  // With recorded traffic the festival's flags are refused (above), not read as well.
  const options: RawOptions =
    traffic.kind === "festival"
      ? inputs.options
      : { ...inputs.options, ...Object.fromEntries(FESTIVAL_ONLY.map((key) => [key, undefined])) };
  const take = <T>(
    flag: string,
    text: string | undefined,
    fallback: T,
    parse: (text: string) => Parsed<T>,
  ): T => {
    if (text === undefined) return fallback;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    problems.push(`${flag}: ${parsed.problem}`);
    return fallback;
  };

  const targetKind = options.target ?? DEFAULTS.target;
  if (targetKind !== "emu" && targetKind !== "real")
    problems.push(`--target: must be emu or real, not '${targetKind}'`);
  const users = take("--users", options.users, DEFAULTS.users, (text) => parseInteger(text, 1));
  // A recording played once lasts as long as it does, unless --run-time cuts it short.
  const untilDone = traffic.kind !== "festival" && traffic.repeat === "once" && options.runTime === undefined;
  const runTimeMs = untilDone
    ? null
    : take("--run-time", options.runTime ?? DEFAULTS.runTime, 20_000, (text) =>
        parsePositiveDuration(text, "s"),
      );
  const timeoutMs = take("--timeout", options.timeout ?? DEFAULTS.timeout, 5000, (text) =>
    parsePositiveDuration(text, "s"),
  );
  const thinkMs = take("--think", options.think, { min: 0, max: 0 }, parseThink);
  const seed = take("--seed", options.seed, inputs.randomSeed, (text) => parseInteger(text, 0, 0xffffffff));
  const tags = take<Tag[] | null>("--tags", options.tags, null, (text) => parseList(text, TAGS));
  const output = options.output ?? DEFAULTS.output;
  if (output.trim() === "") problems.push("--output: must not be empty");
  if (options.record !== undefined && options.record.trim() === "")
    problems.push("--record: must not be empty");
  // The recorder creates its file before the run: it would wipe out the traffic it replays.
  else if (
    options.record !== undefined &&
    traffic.kind !== "festival" &&
    resolve(options.record) === resolve(traffic.file)
  )
    problems.push(`--record: '${options.record}' is the file being replayed; record to another file`);

  const model = loadModel(options, users, take, problems);
  const thresholds = readThresholds(inputs, problems);
  const target = targetKind === "real" ? realTarget(inputs, take, problems) : emuTarget(options, problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: Object.freeze({
      target,
      traffic,
      model,
      runTimeMs,
      thinkMs,
      seed,
      timeoutMs,
      tags,
      outputDir: output,
      json: options.json === true,
      thresholds,
      runId: inputs.runId,
      record: options.record ?? null,
    }),
  };
}

type Take = <T>(flag: string, text: string | undefined, fallback: T, parse: (text: string) => Parsed<T>) => T;

function loadModel(options: RawOptions, users: number, take: Take, problems: string[]): LoadModel {
  if (options.rate === undefined) {
    if (options.maxUsers !== undefined) problems.push("--max-users: only with --rate (the open model)");
    const spawnRate = take("--spawn-rate", options.spawnRate, DEFAULTS.spawnRate, parsePositiveNumber);
    return { kind: "closed", users, spawnRate };
  }
  if (options.spawnRate !== undefined) problems.push("--spawn-rate: only without --rate (the closed model)");
  // An arrival runs one task and its user is free again: there is no "between tasks" to wait in,
  // and a think time accepted here would be reported as applied while nothing waits.
  if (options.think !== undefined) problems.push("--think: only without --rate (the closed model)");
  const rate = take("--rate", options.rate, 1, parsePositiveNumber);
  const maxUsers = take("--max-users", options.maxUsers, users, (text) => parseInteger(text, 1));
  return { kind: "open", rate, maxUsers };
}

function readThresholds(inputs: ConfigInputs, problems: string[]): Thresholds {
  const path = inputs.options.thresholds;
  if (path === undefined) return DEFAULT_THRESHOLDS;
  let text: string;
  try {
    text = inputs.readFile(path);
  } catch (error) {
    problems.push(`--thresholds: cannot read '${path}' (${(error as Error).message})`);
    return DEFAULT_THRESHOLDS;
  }
  const parsed = parseThresholds(text, "--thresholds");
  problems.push(...parsed.problems);
  return parsed.thresholds;
}

function emuTarget(options: RawOptions, problems: string[]): TargetConfig {
  const realOnly = ["userUrl", "bandUrl", "catalogUrl", "tourUrl", "targets", "token", "tokenUrl"] as const;
  for (const key of realOnly) {
    if (options[key] !== undefined) problems.push(`${flagName(key)}: only with --target real`);
  }
  if (options.fixtures !== undefined && options.fixtures.trim() === "")
    problems.push("--fixtures: must not be empty");
  return { kind: "emu", fixtures: options.fixtures ?? null };
}

function realTarget(inputs: ConfigInputs, take: Take, problems: string[]): TargetConfig {
  const { options } = inputs;
  if (options.fixtures !== undefined) problems.push("--fixtures: only with --target emu");
  const fromFile: TargetsFile =
    options.targets === undefined ? {} : readTargetsFile(inputs, options.targets, problems);
  const urls = {} as Record<ServiceName, string>;
  for (const service of SERVICES) {
    const flag = URL_FLAGS[service];
    const text = (options[flag] as string | undefined) ?? fromFile[service] ?? DEFAULTS.urls[service];
    const label = options[flag] !== undefined ? flagName(flag) : `--targets ${service}`;
    urls[service] = take(label, text, DEFAULTS.urls[service], parseHttpUrl);
  }
  const authUrl =
    fromFile.auth === undefined ? undefined : take("--targets auth", fromFile.auth, "", parseHttpUrl);
  let token: TokenSource;
  if (options.token !== undefined && options.token.trim() !== "")
    token = { kind: "value", value: options.token.trim() };
  else if (inputs.envToken !== undefined && inputs.envToken.trim() !== "")
    token = { kind: "value", value: inputs.envToken.trim() };
  else if (options.tokenUrl !== undefined)
    token = { kind: "url", url: take("--token-url", options.tokenUrl, "", parseHttpUrl) };
  else if (authUrl !== undefined) token = { kind: "url", url: `${authUrl}/token` };
  else {
    problems.push(
      "--token: --target real needs a token: --token, SOUNDCHECK_TOKEN, --token-url or auth in --targets",
    );
    token = { kind: "value", value: "" };
  }
  return { kind: "real", urls: urls as ServiceUrls, token };
}

/**
 * A targets file's base URLs. `auth` (the token service) is allowed so that one file serves both
 * `emu proxy --targets` and `replay --targets`; the replayer fetches its tokens from `<auth>/token`.
 */
type TargetsFile = Partial<Record<ServiceName | "auth", string>>;

function readTargetsFile(inputs: ConfigInputs, path: string, problems: string[]): TargetsFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(inputs.readFile(path));
  } catch (error) {
    problems.push(`--targets: cannot read '${path}' as JSON (${(error as Error).message})`);
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    problems.push(
      `--targets: '${path}' must hold an object { "users": url, "bands": url, "catalog": url, "tours": url }`,
    );
    return {};
  }
  const found: TargetsFile = {};
  const known: readonly string[] = ["auth", ...SERVICES];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!known.includes(key))
      problems.push(`--targets: unknown service '${key}' (one of ${known.join(", ")})`);
    else if (typeof value !== "string") problems.push(`--targets: ${key} must be a URL string`);
    else found[key as ServiceName | "auth"] = value;
  }
  return found;
}
