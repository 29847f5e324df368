/**
 * `emu proxy`: configuration → recording writer → forwarding listeners → ready line, then
 * forward until a signal.
 */
import { readFile } from "node:fs/promises";
import { RecordingWriter } from "../../common/recording/index.js";
import {
  resolveProxyConfig,
  type ProxyConfig,
  type ProxyFlags,
  type TargetsFile,
} from "../config/proxy-config.js";
import { createProxy } from "../proxy/proxy.js";
import { Listeners, ListenError } from "./listeners.js";
import { ExitError, type Output } from "./start.js";

async function readTargets(path: string | undefined): Promise<TargetsFile | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return { path, problem: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  try {
    return { path, content: JSON.parse(text) as unknown };
  } catch (error) {
    return { path, problem: `${path} is not valid JSON (${(error as Error).message})` };
  }
}

export async function resolveProxyFlags(flags: ProxyFlags): Promise<ProxyConfig> {
  const result = resolveProxyConfig(flags, await readTargets(flags.targets));
  if (!result.ok) throw new ExitError(`emu proxy: bad configuration: ${result.problems.join("; ")}`, 2);
  return result.config;
}

export interface RunningProxy {
  listeners: Listeners;
  stop(): Promise<void>;
}

async function openWriter(config: ProxyConfig, output: Output): Promise<RecordingWriter | undefined> {
  if (!config.record) return undefined;
  try {
    return await RecordingWriter.open(config.record, {
      source: "proxy",
      services: config.upstreams,
      onError: (error) => output.err(`emu proxy: recording ${config.record} stopped: ${error.message}`),
    });
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ExitError(`emu proxy: cannot write recording ${config.record} (${why})`, 2);
  }
}

export async function startProxy(config: ProxyConfig, output: Output): Promise<RunningProxy> {
  const writer = await openWriter(config, output);
  const proxy = createProxy({ upstreams: config.upstreams, observe: writer && ((raw) => writer.add(raw)) });
  const listeners = new Listeners(config.host);
  for (const { service, handler } of proxy.handlers) listeners.add(service, handler, config.ports[service]);
  try {
    await listeners.startAll();
  } catch (error) {
    await proxy.close(0);
    await writer?.close();
    if (error instanceof ListenError) throw new ExitError(`emu proxy: ${error.message}`, 1);
    throw error;
  }
  return {
    listeners,
    async stop() {
      await listeners.stopAll(1200);
      await proxy.close(300);
      await writer?.close().catch((error: Error) => output.err(`emu proxy: recording: ${error.message}`));
    },
  };
}

export function proxyReadyLine(config: ProxyConfig, urls: Record<string, string>): string {
  if (config.json)
    return JSON.stringify({ event: "ready", pid: process.pid, urls, upstreams: config.upstreams });
  const routes = Object.entries(urls).map(
    ([name, url]) => `${name} ${url} → ${config.upstreams[name as keyof ProxyConfig["upstreams"]]}`,
  );
  return `emu proxy ready: ${routes.join("  ")}`;
}
