/**
 * One service of `emu proxy`: each request is forwarded to the upstream service, the answer is
 * streamed back unchanged (status, headers, body), and — when recording — both bodies are
 * collected on the way through and handed over as one exchange once the answer is complete.
 * An upstream that cannot be reached is a 502 with a JSON body saying which and why.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { request, type Dispatcher } from "undici";
import type { RawExchange, RecordingService } from "../../common/recording/index.js";
import { sessionKeyOf } from "../record/session-key.js";
import { decodedBody } from "./decoded-body.js";
import { clientResponseHeaders, upstreamRequestHeaders } from "./hop-by-hop.js";

export interface ForwardOptions {
  service: RecordingService;
  /** Base URL of the upstream service; a path in it is put before every request path. */
  upstream: string;
  dispatcher: Dispatcher;
  /** Gets every exchange after its answer ended (the recorder); bodies are only kept if set. */
  observe?: (exchange: RawExchange) => void;
  now?: () => number;
}

interface Outcome {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer[];
  fault?: string;
}

function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

function badGateway(service: string, upstream: string, error: unknown): Outcome {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  const why = cause ?? (error as Error).message ?? String(error);
  const body = Buffer.from(
    JSON.stringify({
      status: 502,
      error: "Bad Gateway",
      message: `${service} upstream ${upstream} unreachable: ${why}`,
    }),
  );
  return {
    status: 502,
    headers: [
      ["content-type", "application/json"],
      ["content-length", String(body.length)],
    ],
    body: [body],
    fault: "upstream unreachable",
  };
}

/** The request body for undici, read only as undici pulls it, keeping the chunks when recording. */
async function* tapped(req: IncomingMessage, chunks: Buffer[], keep: boolean): AsyncGenerator<Buffer> {
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (keep) chunks.push(chunk);
    yield chunk;
  }
}

export function forwarder(options: ForwardOptions): RequestListener {
  const { service, upstream, dispatcher, observe } = options;
  const now = options.now ?? Date.now;
  const base = new URL(upstream);
  const prefix = `${base.origin}${base.pathname.replace(/\/+$/, "")}`;

  async function exchange(
    req: IncomingMessage,
    res: ServerResponse,
    requestBody: Buffer[],
  ): Promise<Outcome> {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    let answer: Dispatcher.ResponseData;
    try {
      answer = await request(`${prefix}${req.url ?? "/"}`, {
        method: (req.method ?? "GET") as Dispatcher.HttpMethod,
        headers: upstreamRequestHeaders(req.rawHeaders),
        body: announcesBody(req) ? Readable.from(tapped(req, requestBody, observe !== undefined)) : undefined,
        dispatcher,
        signal: abort.signal,
      });
    } catch (error) {
      if (abort.signal.aborted) return { status: 0, headers: [], body: [], fault: "client aborted" };
      const outcome = badGateway(service, upstream, error);
      res.writeHead(outcome.status, outcome.headers.flat());
      res.end(outcome.body[0]);
      return outcome;
    }
    const outcome: Outcome = {
      status: answer.statusCode,
      headers: clientResponseHeaders(answer.headers),
      body: [],
    };
    res.writeHead(answer.statusCode, outcome.headers.flat());
    try {
      await pipeline(
        answer.body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            if (observe) outcome.body.push(chunk);
            yield chunk;
          }
        },
        res,
      );
    } catch {
      outcome.fault = abort.signal.aborted ? "client aborted" : "upstream aborted";
      res.destroy();
    }
    return outcome;
  }

  return (req, res) => {
    const time = now();
    const arrival = performance.now();
    const requestBody: Buffer[] = [];
    const answered = exchange(req, res, requestBody).catch((error: Error): Outcome => {
      // An upstream answer node refuses to pass on (an invalid header value…): cut, not hang.
      res.destroy();
      return { status: 0, headers: [], body: [], fault: `proxy error: ${error.message}` };
    });
    void answered.then((outcome) => {
      if (!observe) return;
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const authorization = req.headers.authorization;
      observe({
        time,
        session: sessionKeyOf(authorization, req.socket.remoteAddress),
        service,
        method: req.method ?? "GET",
        path: q < 0 ? url : url.slice(0, q),
        query: q < 0 ? "" : url.slice(q + 1),
        requestHeaders: req.headers,
        requestBody: requestBody.length > 0 ? Buffer.concat(requestBody) : undefined,
        status: outcome.status,
        responseHeaders: outcome.headers,
        responseBody:
          req.method === "HEAD" || outcome.body.length === 0
            ? undefined
            : decodedBody(Buffer.concat(outcome.body), outcome.headers),
        durationMs: performance.now() - arrival,
        ...(outcome.fault ? { fault: outcome.fault } : {}),
      });
    });
  };
}
