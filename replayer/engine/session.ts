import { STATUS_CODES } from "node:http";
import type { NameStats, StatsCollector } from "../stats/stats-collector.js";
import type { Clock } from "./clock.js";
import { bodyText, type HttpResult, type HttpSender, type SendOptions } from "./http-client.js";
import type { RunWindow } from "./run-window.js";
import { RunStopped, type Reply, type RequestSpec, type Sender } from "./scenario.js";

/** The reason for an HTTP error answer: status, phrase, and a ProblemDetail's title if any. */
export function statusReason(status: number, body: string): string {
  const base = `HTTP ${status} ${STATUS_CODES[status] ?? ""}`.trimEnd();
  if (!body.startsWith("{")) return base;
  try {
    const parsed: unknown = JSON.parse(body);
    const title = (parsed as { title?: unknown }).title;
    // Titles are a fixed set per service; details carry ids and would split the reasons apart.
    if (typeof title === "string" && title.length > 0) return `${base}: ${title.slice(0, 120)}`;
  } catch {
    // not JSON: the status alone is the reason
  }
  return base;
}

/**
 * The measuring sender of one virtual user. Latency runs from the intended start when the open
 * model set one (so a stalled target or a late scheduler shows in the percentiles: coordinated
 * omission), otherwise from the moment the request is handed to the pool.
 */
export class Session implements Sender {
  /** Set by the open model before an iteration; taken by its first request. */
  intendedStartMs: number | undefined;
  private readonly options: SendOptions | undefined;

  /** `user` names the virtual user in a recording of the run. */
  constructor(
    private readonly http: HttpSender,
    private readonly stats: StatsCollector,
    private readonly clock: Clock,
    private readonly window: RunWindow,
    user?: string,
  ) {
    this.options = user === undefined ? undefined : { user };
  }

  private sendOptions<T>(spec: RequestSpec<T>): SendOptions | undefined {
    return spec.headers ? { ...this.options, headers: spec.headers } : this.options;
  }

  async send<T>(spec: RequestSpec<T>): Promise<Reply<T>> {
    const intended = this.intendedStartMs;
    this.intendedStartMs = undefined;
    if (this.window.stopped && !this.window.closedAfter(intended)) throw new RunStopped();
    const sentMs = this.clock.now();
    const startMs = intended ?? sentMs;
    this.stats.noteSent(sentMs);
    const entry = this.stats.entry(spec.route);
    const body = spec.body ?? (spec.json === undefined ? undefined : JSON.stringify(spec.json));
    const result = await this.http.send(
      spec.route.service,
      spec.route.method,
      spec.path,
      body,
      this.sendOptions(spec),
    );
    const endMs = this.clock.now();
    const latencyUs = (endMs - startMs) * 1000;

    if (result.status === null) {
      const reason = result.error ?? "no response";
      this.stats.recordFailure(entry, endMs, latencyUs, result.bytes, reason, null, "");
      return { ok: false, status: null, reason };
    }
    if (spec.judge) return this.judged(spec.judge, result, result.status, entry, endMs, latencyUs);
    if (result.status >= 400) {
      const text = bodyText(result);
      const reason = statusReason(result.status, text);
      this.stats.recordFailure(entry, endMs, latencyUs, result.bytes, reason, result.status, text);
      return { ok: false, status: result.status, reason };
    }
    if (!spec.read) {
      this.stats.recordSuccess(entry, endMs, latencyUs, result.bytes);
      return { ok: true, status: result.status, value: undefined as T };
    }
    const text = bodyText(result);
    const value = readJson(text, spec.read);
    if (value === undefined) {
      const reason = `HTTP ${result.status} with an unexpected body`;
      this.stats.recordFailure(entry, endMs, latencyUs, result.bytes, reason, result.status, text);
      return { ok: false, status: result.status, reason };
    }
    this.stats.recordSuccess(entry, endMs, latencyUs, result.bytes);
    return { ok: true, status: result.status, value };
  }

  /** A request its scenario judges: the whole answer goes to `judge`, which says if it failed. */
  private judged<T>(
    judge: NonNullable<RequestSpec<T>["judge"]>,
    result: HttpResult,
    status: number,
    entry: NameStats,
    endMs: number,
    latencyUs: number,
  ): Reply<T> {
    const text = bodyText(result);
    const reason = judge({ status, headers: result.headers ?? {}, body: text });
    if (reason === null) {
      this.stats.recordSuccess(entry, endMs, latencyUs, result.bytes);
      return { ok: true, status, value: undefined as T };
    }
    this.stats.recordFailure(entry, endMs, latencyUs, result.bytes, reason, status, text);
    return { ok: false, status, reason };
  }
}

function readJson<T>(text: string, read: (body: unknown) => T | undefined): T | undefined {
  try {
    return read(JSON.parse(text));
  } catch {
    return undefined;
  }
}
