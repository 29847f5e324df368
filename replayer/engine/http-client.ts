import { Client, Pool, type Dispatcher } from "undici";
import { SERVICES, type ServiceName, type ServiceUrls } from "../services.js";
import { failureReason } from "./failure-reason.js";
import { ResponseCollector, type HttpResult } from "./response-collector.js";

export type { HttpResult, ResponseHeaders } from "./response-collector.js";

export interface HttpClientOptions {
  /** Allowed for the whole request, from dispatch to the last body byte. */
  timeoutMs: number;
  /** Sent with every request (the bearer token, accept). */
  headers: Readonly<Record<string, string>>;
}

export interface SendOptions {
  /** Every header to send, instead of the client's defaults (a recorded request's own). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The virtual user sending it, for a recording of the run (`replay --record`). */
  readonly user?: string;
}

export interface HttpSender {
  send(
    service: ServiceName,
    method: string,
    path: string,
    body?: string | Buffer,
    options?: SendOptions,
  ): Promise<HttpResult>;
}

export function bodyText(result: HttpResult): string {
  if (result.chunks.length === 0) return "";
  if (result.chunks.length === 1) return (result.chunks[0] as Buffer).toString("utf8");
  return Buffer.concat(result.chunks).toString("utf8");
}

/** Raised by the client's own deadline sweep; undici's timers tick only about once a second. */
export class RequestTimeoutError extends Error {
  readonly code = "SOUNDCHECK_REQUEST_TIMEOUT";
  constructor(timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`);
    this.name = "RequestTimeoutError";
  }
}

/** How often in-flight requests are checked against their deadline. */
const SWEEP_MS = 10;

interface ServiceTarget {
  origin: string;
  pool: Pool;
  /** Path prefix of the base URL (`/prefix` of `http://host/prefix`), usually empty. */
  prefix: string;
}

/**
 * One keep-alive pool per origin, which services on the same origin share; and, for each virtual
 * user that asks, connections of its own (see `forUser`).
 */
export class HttpClient implements HttpSender {
  private readonly pools = new Map<string, Pool>();
  /** The users' own connections, closed and destroyed with the pools. */
  private readonly userClients = new Set<Client>();
  private readonly targets: Record<ServiceName, ServiceTarget>;
  private readonly plainHeaders: Record<string, string>;
  private readonly jsonHeaders: Record<string, string>;
  private readonly inFlight = new Set<ResponseCollector>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    urls: ServiceUrls,
    private readonly options: HttpClientOptions,
  ) {
    this.plainHeaders = { ...options.headers };
    this.jsonHeaders = { ...options.headers, "content-type": "application/json" };
    const targets: Partial<Record<ServiceName, ServiceTarget>> = {};
    for (const service of SERVICES) {
      const url = new URL(urls[service]);
      let pool = this.pools.get(url.origin);
      if (!pool) {
        pool = new Pool(url.origin, { connections: null, ...this.connectionOptions() });
        this.pools.set(url.origin, pool);
      }
      targets[service] = { origin: url.origin, pool, prefix: url.pathname.replace(/\/+$/, "") };
    }
    this.targets = targets as Record<ServiceName, ServiceTarget>;
  }

  /** The headers a request is sent with: its own if it brings them, else the defaults. */
  requestHeaders(body: string | Buffer | undefined, options?: SendOptions): Readonly<Record<string, string>> {
    if (options?.headers) return options.headers;
    return body === undefined ? this.plainHeaders : this.jsonHeaders;
  }

  send(
    service: ServiceName,
    method: string,
    path: string,
    body?: string | Buffer,
    options?: SendOptions,
  ): Promise<HttpResult> {
    const target = this.targets[service];
    return this.dispatch(target.pool, method, target.prefix + path, body, this.requestHeaders(body, options));
  }

  /**
   * A sender with connections of its own, one per origin opened on first use, for one virtual
   * user — as each Locust user has its own session. A user sends one request after another, so
   * its connection is never contended (requests sent at once would queue on it). Measured about
   * a third less CPU per request than the shared pool, which looks for a free connection and
   * emits its own drain event on every answer.
   */
  forUser(): HttpSender {
    const clients = new Map<string, Client>();
    return {
      send: (service, method, path, body, options) => {
        const target = this.targets[service];
        let client = clients.get(target.origin);
        if (!client) {
          client = new Client(target.origin, this.connectionOptions());
          clients.set(target.origin, client);
          this.userClients.add(client);
        }
        return this.dispatch(client, method, target.prefix + path, body, this.requestHeaders(body, options));
      },
    };
  }

  private connectionOptions() {
    return { pipelining: 1, connect: { timeout: this.options.timeoutMs } };
  }

  private dispatch(
    to: Dispatcher,
    method: string,
    path: string,
    body: string | Buffer | undefined,
    headers: Readonly<Record<string, string>>,
  ): Promise<HttpResult> {
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
    return new Promise((resolve) => {
      const handler = new ResponseCollector(performance.now() + this.options.timeoutMs, (done, result) => {
        this.inFlight.delete(done);
        resolve(result);
      });
      this.inFlight.add(handler);
      try {
        to.dispatch(
          {
            method,
            path,
            headers,
            body: body ?? null,
            // A backstop only: the sweep below enforces the timeout to within SWEEP_MS.
            headersTimeout: this.options.timeoutMs + 1000,
            bodyTimeout: this.options.timeoutMs + 1000,
          },
          handler,
        );
      } catch (error) {
        this.inFlight.delete(handler);
        resolve({ status: null, bytes: 0, chunks: [], error: failureReason(error) });
      }
    });
  }

  /**
   * One timer for all requests instead of one each (a timer per request costs ~0.7 µs, a Set
   * entry a fraction of that): the whole request, headers and body, must finish in time.
   */
  private sweep(): void {
    const now = performance.now();
    for (const request of this.inFlight) {
      if (request.deadlineMs <= now) request.expire(new RequestTimeoutError(this.options.timeoutMs));
    }
  }

  private stopSweeping(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private dispatchers(): Dispatcher[] {
    return [...this.pools.values(), ...this.userClients];
  }

  /** Let in-flight requests finish, then close every connection. */
  async close(): Promise<void> {
    await Promise.all(this.dispatchers().map((dispatcher) => dispatcher.close()));
    this.stopSweeping();
  }

  /** Abort whatever is still in flight (each then fails as "aborted at end of run"). */
  async destroy(): Promise<void> {
    await Promise.all(this.dispatchers().map((dispatcher) => dispatcher.destroy()));
    this.stopSweeping();
  }
}
