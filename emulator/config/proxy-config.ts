/**
 * `emu proxy` configuration: listen like `emu start` (same `--host`/`--port` rules and default
 * ports), forward each service to its upstream (`--band-url …`, or a targets file with the keys
 * auth, users, bands, catalog, tours — the replayer's targets file works as is; flags win), and
 * optionally record. Every problem is reported at once.
 */
import { SERVICE_NAMES } from "../services/registry.js";
import type { ServiceName } from "../services/service-module.js";
import { resolvePorts } from "./config.js";
import { nonEmptyString } from "./values.js";

export interface ProxyConfig {
  host: string;
  ports: Readonly<Record<ServiceName, number>>;
  /** Only the services given an upstream are proxied. */
  upstreams: Readonly<Partial<Record<ServiceName, string>>>;
  record: string | undefined;
  json: boolean;
}

export interface ProxyFlags {
  host?: string;
  port?: string[];
  authUrl?: string;
  userUrl?: string;
  bandUrl?: string;
  catalogUrl?: string;
  tourUrl?: string;
  targets?: string;
  record?: string;
  json?: boolean;
}

/** The targets file as read by the CLI: its parsed content, or why it could not be read. */
export type TargetsFile = { path: string; content: unknown } | { path: string; problem: string };

export const URL_FLAGS: Readonly<Record<ServiceName, keyof ProxyFlags>> = {
  auth: "authUrl",
  users: "userUrl",
  bands: "bandUrl",
  catalog: "catalogUrl",
  tours: "tourUrl",
};

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function httpUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? text.replace(/\/+$/, "") : undefined;
  } catch {
    return undefined;
  }
}

function fromTargetsFile(file: TargetsFile | undefined, problems: string[]): Record<string, unknown> {
  if (!file) return {};
  if ("problem" in file) {
    problems.push(`--targets: ${file.problem}`);
    return {};
  }
  const { content } = file;
  if (!content || typeof content !== "object" || Array.isArray(content)) {
    problems.push(`--targets: ${file.path} must hold an object of service → base URL`);
    return {};
  }
  for (const key of Object.keys(content))
    if (!(SERVICE_NAMES as readonly string[]).includes(key))
      problems.push(`--targets: unknown service '${key}' (one of ${SERVICE_NAMES.join(", ")})`);
  return content as Record<string, unknown>;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

export function resolveProxyConfig(
  flags: ProxyFlags,
  targetsFile?: TargetsFile,
): { ok: true; config: ProxyConfig } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  for (const spec of flags.port ?? [])
    if (spec.trim().startsWith("admin=")) problems.push("--port admin: the proxy has no admin listener");
  const ports = resolvePorts(
    undefined,
    flags.port?.filter((s) => !s.trim().startsWith("admin=")),
    problems,
  );
  const file = fromTargetsFile(targetsFile, problems);
  const upstreams: Partial<Record<ServiceName, string>> = {};
  let given = 0;
  for (const service of SERVICE_NAMES) {
    const flag = URL_FLAGS[service];
    const [source, raw] =
      flags[flag] !== undefined ? [flagName(flag), flags[flag]] : [`--targets ${service}`, file[service]];
    if (raw === undefined) continue;
    given++;
    const url = typeof raw === "string" ? httpUrl(raw) : undefined;
    if (!url) {
      problems.push(`${source}: '${String(raw)}' is not an http(s) URL`);
      continue;
    }
    const parsed = new URL(url);
    const port = Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
    if (LOCAL_HOSTS.has(parsed.hostname) && Object.values(ports).includes(port))
      problems.push(`${source}: ${url} is one of the proxy's own ports (it would forward to itself)`);
    upstreams[service] = url;
  }
  const fileProblem = problems.some((problem) => problem.startsWith("--targets: "));
  if (given === 0 && !fileProblem)
    problems.push(
      targetsFile
        ? `--targets: ${targetsFile.path} names no service`
        : `give at least one upstream: ${Object.values(URL_FLAGS).map(flagName).join(", ")} or --targets FILE`,
    );
  const host =
    flags.host === undefined ? { ok: true as const, value: "127.0.0.1" } : nonEmptyString(flags.host);
  if (!host.ok) problems.push(`--host: ${host.problem}`);
  const record = flags.record === undefined ? undefined : nonEmptyString(flags.record);
  if (record && !record.ok) problems.push(`--record: ${record.problem}`);
  if (problems.length > 0) return { ok: false, problems };
  const config: ProxyConfig = {
    host: host.ok ? host.value : "127.0.0.1",
    ports: Object.fromEntries(SERVICE_NAMES.map((name) => [name, ports[name]])) as Record<
      ServiceName,
      number
    >,
    upstreams,
    record: record?.ok ? record.value : undefined,
    json: Boolean(flags.json),
  };
  return { ok: true, config: Object.freeze(config) };
}
