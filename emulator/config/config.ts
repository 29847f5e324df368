/**
 * `emu start` configuration: commander flags and an optional JSON config file become one
 * validated, frozen object. Flags win over the file. Every problem is collected and reported at
 * once (exit 2).
 */
import { DEFAULT_PORTS, SERVICE_NAMES } from "../services/registry.js";
import { MAX_TIMER_MS } from "../../common/timers.js";
import type { ServiceName } from "../services/service-module.js";
import type { ReadText } from "../strain/parsed.js";
import type { StrainSettings } from "../strain/settings.js";
import { resolveStrainConfig, STRAIN_FILE_KEYS } from "./strain-config.js";
import { byteSize, durationMs, integer, nonEmptyString, onOff, port, type Parsed } from "./values.js";

export type ListenerName = ServiceName | "admin";
export const LISTENER_NAMES: readonly ListenerName[] = [...SERVICE_NAMES, "admin"];

export interface EmulatorConfig {
  host: string;
  ports: Readonly<Record<ListenerName, number>>;
  auth: boolean;
  tokenKeyFile: string | undefined;
  tokenSecret: string | undefined;
  tokenTtlSeconds: number;
  tokenIssuer: string | undefined;
  data: string | undefined;
  /** `default`, `festival`, `none` or a file path. */
  fixtures: string;
  quiet: boolean;
  json: boolean;
  summaryIntervalMs: number;
  maxBodyBytes: number;
  sagaDelayMs: number;
  seed: number | undefined;
  /** Latency, faults and capacity (emulator/strain/), from --latency, --fault, --capacity and the file. */
  strain: StrainSettings;
  /** `--record FILE`: write every exchange to this recording (recordings/README.md). */
  record: string | undefined;
}

/** What commander hands over (all optional; absent means "not given on the command line"). */
export interface StartFlags {
  host?: string;
  port?: string[];
  auth?: string;
  tokenKey?: string;
  tokenSecret?: string;
  tokenTtl?: string;
  tokenIssuer?: string;
  data?: string;
  fixtures?: string;
  quiet?: boolean;
  json?: boolean;
  summaryInterval?: string;
  maxBody?: string;
  sagaDelay?: string;
  seed?: string;
  latency?: string[];
  fault?: string[];
  capacity?: string[];
  record?: string;
}

export const FILE_KEYS = [
  "host",
  "ports",
  "auth",
  "tokenKey",
  "tokenSecret",
  "tokenTtl",
  "tokenIssuer",
  "data",
  "fixtures",
  "quiet",
  "json",
  "summaryInterval",
  "maxBody",
  "sagaDelay",
  "seed",
  ...STRAIN_FILE_KEYS,
  "record",
] as const;

export type ConfigResult = { ok: true; config: EmulatorConfig } | { ok: false; problems: string[] };

export interface ConfigIo {
  /** Reads a recording named by an empirical latency; without it, recordings are a problem. */
  readText?: ReadText;
}

export function resolveConfig(
  file: Record<string, unknown>,
  flags: StartFlags,
  io: ConfigIo = {},
): ConfigResult {
  const problems: string[] = [];
  for (const key of Object.keys(file)) {
    if (!(FILE_KEYS as readonly string[]).includes(key) && !key.startsWith("$"))
      problems.push(`config: unknown key "${key}"`);
  }
  /** The flag if given, else the file's value, else the default — each parsed, problems kept. */
  function pick<T>(
    flag: string,
    flagValue: unknown,
    fileKey: string,
    parse: (v: unknown) => Parsed<T>,
    fallback: T,
  ): T {
    const [source, raw] =
      flagValue !== undefined
        ? [flag, flagValue]
        : file[fileKey] !== undefined
          ? [`config.${fileKey}`, file[fileKey]]
          : [undefined, undefined];
    if (source === undefined) return fallback;
    const parsed = parse(raw);
    if (parsed.ok) return parsed.value;
    problems.push(`${source}: ${parsed.problem}`);
    return fallback;
  }
  const optionalString = (flag: string, flagValue: unknown, fileKey: string) =>
    pick<string | undefined>(flag, flagValue, fileKey, nonEmptyString, undefined);

  const config: EmulatorConfig = {
    host: pick("--host", flags.host, "host", nonEmptyString, "127.0.0.1"),
    ports: resolvePorts(file.ports, flags.port, problems),
    auth: pick("--auth", flags.auth, "auth", onOff, true),
    tokenKeyFile: optionalString("--token-key", flags.tokenKey, "tokenKey"),
    tokenSecret: optionalString("--token-secret", flags.tokenSecret, "tokenSecret"),
    tokenTtlSeconds:
      pick("--token-ttl", flags.tokenTtl, "tokenTtl", (v) => durationMs(v, "s"), 3_600_000) / 1000,
    tokenIssuer: optionalString("--token-issuer", flags.tokenIssuer, "tokenIssuer"),
    data: optionalString("--data", flags.data, "data"),
    fixtures: pick("--fixtures", flags.fixtures, "fixtures", nonEmptyString, "default"),
    quiet: pick("--quiet", flags.quiet, "quiet", onOff, false),
    json: pick("--json", flags.json, "json", onOff, false),
    summaryIntervalMs: pick(
      "--summary-interval",
      flags.summaryInterval,
      "summaryInterval",
      (v) => durationMs(v, "s"),
      10_000,
    ),
    maxBodyBytes: pick("--max-body", flags.maxBody, "maxBody", byteSize, 2 * 1024 * 1024),
    sagaDelayMs: pick("--saga-delay", flags.sagaDelay, "sagaDelay", (v) => durationMs(v, "ms"), 5),
    seed: pick<number | undefined>("--seed", flags.seed, "seed", (v) => integer(v, 0), undefined),
    strain: resolveStrainConfig(file, flags, problems, io.readText),
    record: optionalString("--record", flags.record, "record"),
  };
  if (config.tokenKeyFile && config.tokenSecret)
    problems.push("--token-key and --token-secret: give one signing key, not both");
  if (config.summaryIntervalMs < 100) problems.push("--summary-interval: must be at least 100ms");
  // Node fires a longer timer after 1 ms: a summary every millisecond, a saga without its delay.
  if (config.summaryIntervalMs > MAX_TIMER_MS) problems.push("--summary-interval: must be at most 596h");
  if (config.sagaDelayMs > MAX_TIMER_MS) problems.push("--saga-delay: must be at most 596h");
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: Object.freeze(config) };
}

/**
 * Ports: `--port 0` (every listener on a free port), `--port bands=18092` (one; repeatable), or in
 * the file `"ports": 0` / `"ports": {"bands": 18092}`. The flags apply after the file.
 */
export function resolvePorts(
  fromFile: unknown,
  specs: string[] | undefined,
  problems: string[],
): Record<ListenerName, number> {
  const ports: Record<ListenerName, number> = { ...DEFAULT_PORTS };
  const setAll = (value: number) => LISTENER_NAMES.forEach((name) => (ports[name] = value));
  const setOne = (source: string, name: string, raw: unknown) => {
    if (!(LISTENER_NAMES as readonly string[]).includes(name)) {
      problems.push(`${source}: unknown service '${name}' (one of ${LISTENER_NAMES.join(", ")})`);
      return;
    }
    const parsed = port(raw);
    if (parsed.ok) ports[name as ListenerName] = parsed.value;
    else problems.push(`${source}: ${parsed.problem}`);
  };
  if (fromFile !== undefined) {
    if (typeof fromFile === "number" || typeof fromFile === "string") {
      const parsed = port(fromFile);
      if (parsed.ok) setAll(parsed.value);
      else problems.push(`config.ports: ${parsed.problem}`);
    } else if (fromFile && typeof fromFile === "object" && !Array.isArray(fromFile)) {
      for (const [name, raw] of Object.entries(fromFile)) setOne(`config.ports.${name}`, name, raw);
    } else {
      problems.push("config.ports: must be a port or an object of service → port");
    }
  }
  for (const spec of specs ?? []) {
    const eq = spec.indexOf("=");
    if (eq < 0) {
      const parsed = port(spec);
      if (parsed.ok) setAll(parsed.value);
      else problems.push(`--port: ${parsed.problem}`);
    } else {
      const name = spec.slice(0, eq).trim();
      setOne(`--port ${name}`, name, spec.slice(eq + 1).trim());
    }
  }
  const taken = new Map<number, string>();
  for (const name of LISTENER_NAMES) {
    const p = ports[name];
    if (p === 0) continue;
    const other = taken.get(p);
    if (other) problems.push(`--port: ${other} and ${name} both on port ${p}`);
    taken.set(p, name);
  }
  return ports;
}
