/**
 * `emu start`: configuration → emulator → listeners → ready line, then serve until a signal.
 */
import { randomInt } from "node:crypto";
import { constants } from "node:fs";
import { access, readFile, stat } from "node:fs/promises";
import { resolveConfig, type EmulatorConfig, type StartFlags } from "../config/config.js";
import type { SigningKey } from "../core/security/tokens.js";
import type { ServiceApp } from "../core/service-app.js";
import { StoreError } from "../core/store/store.js";
import { createEmulator, type Emulator } from "../emulator.js";
import { FixtureError, NAMED_FIXTURES, readFixture, type Fixture } from "../fixtures/fixtures.js";
import { openExchangeRecorder, type ExchangeRecorder } from "../record/recorder.js";
import { SERVICE_NAMES } from "../services/registry.js";
import { StrainController } from "../strain/controller.js";
import { unknownRoutes } from "../strain/route-entry.js";
import { addAdminListener, readText } from "./admin-listener.js";
import { Listeners, ListenError } from "./listeners.js";
import { summaryPrinter } from "./summary.js";

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A failure that ends `emu` with one line and an exit code. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

async function readConfigFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ExitError(
      `emu: cannot read config file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      2,
    );
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ExitError(`emu: config file ${path} is not valid JSON (${(error as Error).message})`, 2);
  }
  throw new ExitError(`emu: config file ${path} must hold a JSON object`, 2);
}

async function signingKey(config: EmulatorConfig): Promise<SigningKey> {
  if (config.tokenSecret) return { kind: "secret", secret: config.tokenSecret };
  if (!config.tokenKeyFile) return { kind: "generated" };
  try {
    return { kind: "rsa-pem", pem: await readFile(config.tokenKeyFile, "utf8") };
  } catch (error) {
    throw new ExitError(
      `emu: cannot read --token-key ${config.tokenKeyFile} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      2,
    );
  }
}

async function fixturesOf(config: EmulatorConfig): Promise<Fixture | "none"> {
  if (config.fixtures === "none") return "none";
  try {
    return await readFixture(config.fixtures);
  } catch (error) {
    if (error instanceof FixtureError) throw new ExitError(`emu: ${error.message}`, 2);
    throw error;
  }
}

export async function resolveStartConfig(flags: StartFlags & { config?: string }): Promise<EmulatorConfig> {
  const file = flags.config ? await readConfigFile(flags.config) : {};
  const result = resolveConfig(file, flags, { readText });
  // The files the start reads are checked here too, so their problems come with all the others.
  const problems = [
    ...(result.ok ? [] : result.problems),
    ...(await unreadable("--fixtures", "fixtures", flags.fixtures, file, [
      "none",
      ...Object.keys(NAMED_FIXTURES),
    ])),
    ...(await unreadable("--token-key", "tokenKey", flags.tokenKey, file, [])),
  ];
  if (problems.length > 0 || !result.ok)
    throw new ExitError(`emu: bad configuration: ${problems.join("; ")}`, 2);
  return result.config;
}

/** A file named by a flag (or its config key) that cannot be read, as one problem; names are no files. */
async function unreadable(
  flag: string,
  fileKey: string,
  flagValue: unknown,
  file: Record<string, unknown>,
  names: readonly string[],
): Promise<string[]> {
  const [source, value] = flagValue !== undefined ? [flag, flagValue] : [`config.${fileKey}`, file[fileKey]];
  if (typeof value !== "string" || value === "" || names.includes(value)) return [];
  try {
    await access(value, constants.R_OK);
    if (!(await stat(value)).isFile()) return [`${source}: '${value}' is not a file`];
    return [];
  } catch (error) {
    return [`${source}: cannot read '${value}' (${(error as NodeJS.ErrnoException).code ?? "error"})`];
  }
}

export interface Running {
  emulator: Emulator;
  listeners: Listeners;
  strain: StrainController;
  recorder: ExchangeRecorder | undefined;
  stop(): Promise<void>;
}

/** `--record FILE`: created before anything listens, so a path that cannot be written fails the start. */
async function openRecorder(path: string | undefined, output: Output): Promise<ExchangeRecorder | undefined> {
  if (!path) return undefined;
  try {
    return await openExchangeRecorder(path, {
      onError: (error) => output.err(`emu: recording ${path} stopped: ${error.message}`),
    });
  } catch (error) {
    throw new ExitError(
      `emu: cannot write recording ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      2,
    );
  }
}

export async function startEmulator(config: EmulatorConfig, output: Output): Promise<Running> {
  const log = config.quiet ? () => {} : output.err;
  const recorder = await openRecorder(config.record, output);
  if (recorder) log(`emu: recording every exchange to ${config.record}`);
  try {
    return await startServing(config, output, log, recorder);
  } catch (error) {
    await recorder?.close().catch(() => {});
    throw error;
  }
}

async function startServing(
  config: EmulatorConfig,
  output: Output,
  log: (line: string) => void,
  recorder: ExchangeRecorder | undefined,
): Promise<Running> {
  // Without --seed a run is still reproducible: the seed drawn here is shown by the control plane.
  const strain = new StrainController(config.strain, config.seed ?? randomInt(0, 2 ** 31));
  const fixtures = await fixturesOf(config);
  let emulator: Emulator;
  try {
    emulator = await createEmulator({
      auth: {
        enabled: config.auth,
        issuer: config.tokenIssuer,
        signing: await signingKey(config),
        ttlSeconds: config.tokenTtlSeconds,
      },
      dataFile: config.data,
      fixtures,
      maxBodyBytes: config.maxBodyBytes,
      saga: { delayMs: config.sagaDelayMs },
      strain,
      observe: recorder?.observe,
      log,
    });
  } catch (error) {
    if (error instanceof StoreError) throw new ExitError(`emu: ${error.message}`, 1);
    if (error instanceof FixtureError) throw new ExitError(`emu: ${error.message}`, 2);
    if ((error as NodeJS.ErrnoException).code)
      throw new ExitError(`emu: cannot open data file ${config.data}: ${(error as Error).message}`, 1);
    throw error;
  }
  const apps = emulator.apps as Partial<Record<string, ServiceApp>>;
  const unknown = unknownRoutes(config.strain.routes, (service) => apps[service]?.routePatterns, "config.");
  if (unknown.length > 0) {
    emulator.close();
    throw new ExitError(`emu: bad configuration: ${unknown.join("; ")}`, 2);
  }
  const listeners = new Listeners(config.host);
  for (const name of SERVICE_NAMES) listeners.add(name, emulator.apps[name].serve, config.ports[name]);
  addAdminListener(listeners, { emulator, strain, initialFixtures: fixtures, port: config.ports.admin, log });
  try {
    await listeners.startAll();
  } catch (error) {
    emulator.close();
    if (error instanceof ListenError) throw new ExitError(`emu: ${error.message}`, 1);
    throw error;
  }
  if (!config.tokenIssuer) emulator.tokens.setIssuer(listeners.url("auth"));
  const stopSummary = config.quiet
    ? () => {}
    : summaryPrinter(emulator.telemetry, config.summaryIntervalMs, output.err);
  return {
    emulator,
    listeners,
    strain,
    recorder,
    async stop() {
      stopSummary();
      await listeners.stopAll(1500);
      emulator.close();
      // After the listeners: requests still in flight at the signal are answered and recorded.
      await recorder?.close().catch((error: Error) => output.err(`emu: recording: ${error.message}`));
    },
  };
}

export function readyLine(config: EmulatorConfig, urls: Record<string, string>): string {
  if (config.json) return JSON.stringify({ event: "ready", pid: process.pid, urls });
  return `emu ready: ${Object.entries(urls)
    .map(([name, url]) => `${name} ${url}`)
    .join("  ")}`;
}
