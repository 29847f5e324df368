/**
 * `emu proxy`: one forwarding listener per service that has an upstream, sharing one undici
 * agent (pooled keep-alive connections per upstream). Never listens itself; the CLI does.
 */
import type { RequestListener } from "node:http";
import { Agent } from "undici";
import { RECORDING_SERVICES, type RawExchange, type RecordingService } from "../../common/recording/index.js";
import { forwarder } from "./forward.js";

export type Upstreams = Partial<Record<RecordingService, string>>;

export interface ProxyOptions {
  upstreams: Upstreams;
  observe?: (exchange: RawExchange) => void;
  now?: () => number;
  /** Connecting to an upstream gives up after this long (then 502). */
  connectTimeoutMs?: number;
}

export interface Proxy {
  /** A request listener per proxied service, in the usual service order. */
  handlers: Array<{ service: RecordingService; upstream: string; handler: RequestListener }>;
  /** Close the upstream connections (waiting at most `graceMs` for requests in flight). */
  close(graceMs?: number): Promise<void>;
}

export function createProxy(options: ProxyOptions): Proxy {
  const dispatcher = new Agent({ connect: { timeout: options.connectTimeoutMs ?? 10_000 } });
  const handlers = RECORDING_SERVICES.flatMap((service) => {
    const upstream = options.upstreams[service];
    if (!upstream) return [];
    const handler = forwarder({ service, upstream, dispatcher, observe: options.observe, now: options.now });
    return [{ service, upstream, handler }];
  });
  return {
    handlers,
    async close(graceMs = 1000) {
      const timer = setTimeout(() => void dispatcher.destroy(), graceMs);
      await dispatcher.close();
      clearTimeout(timer);
    },
  };
}
