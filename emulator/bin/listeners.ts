/**
 * The only place that opens ports. One node:http server per service, each of which can be taken
 * down (the port refuses connections) and brought back up without restarting the process.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { hangingResponses } from "../core/http/deliver.js";

/**
 * Tomcat keeps idle connections 60 s. Node announces `Keep-Alive: timeout=60` and closes an idle
 * connection one second later than that, so a client that trusts the header and reuses a
 * connection just before 60 s never meets the close.
 */
const KEEP_ALIVE_MS = 60_000;

export interface ListenerOptions {
  /** How long an idle keep-alive connection stays open (tests shorten it). */
  keepAliveMs?: number;
}

export class ListenError extends Error {}

interface Entry {
  name: string;
  app: RequestListener;
  port: number;
  server: Server | undefined;
}

export class Listeners {
  private readonly entries = new Map<string, Entry>();

  private readonly keepAliveMs: number;

  constructor(
    private readonly host: string,
    options: ListenerOptions = {},
  ) {
    this.keepAliveMs = options.keepAliveMs ?? KEEP_ALIVE_MS;
  }

  add(name: string, app: RequestListener, port: number): void {
    this.entries.set(name, { name, app, port, server: undefined });
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Start every listener; on the first failure close what was opened and throw. */
  async startAll(): Promise<void> {
    try {
      for (const entry of this.entries.values()) await this.open(entry);
    } catch (error) {
      await this.stopAll(0);
      throw error;
    }
  }

  url(name: string): string {
    const entry = this.require(name);
    const host = this.host.includes(":") ? `[${this.host}]` : this.host;
    return `http://${host}:${entry.port}`;
  }

  urls(): Record<string, string> {
    return Object.fromEntries(this.names().map((name) => [name, this.url(name)]));
  }

  isUp(name: string): boolean {
    return this.require(name).server !== undefined;
  }

  async up(name: string): Promise<void> {
    const entry = this.require(name);
    if (!entry.server) await this.open(entry);
  }

  /** Close the port: new connections are refused, open ones are cut. */
  async down(name: string): Promise<void> {
    const entry = this.require(name);
    const server = entry.server;
    if (!server) return;
    entry.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Stop accepting, let requests in flight finish for up to `graceMs`, then cut the rest. */
  async stopAll(graceMs: number): Promise<void> {
    const servers = [...this.entries.values()].flatMap((entry) => (entry.server ? [entry.server] : []));
    for (const entry of this.entries.values()) entry.server = undefined;
    for (const res of hangingResponses) res.destroy();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              resolve();
            });
            server.closeIdleConnections();
          }),
      ),
    );
  }

  private require(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no listener named ${name}`);
    return entry;
  }

  private open(entry: Entry): Promise<void> {
    const server = createServer({ maxHeaderSize: 16 * 1024 }, entry.app);
    server.keepAliveTimeout = this.keepAliveMs;
    // A request's headers may take as long as an idle connection may wait; the whole request
    // keeps Node's 5 minutes. No maxConnections: past it Node drops new connections at once,
    // where Tomcat would let them wait in the accept queue.
    server.headersTimeout = this.keepAliveMs + 1000;
    server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) =>
      answerBrokenRequest(error, socket),
    );
    // Without a listener Node drops a CONNECT without a word; none of these servers is a proxy.
    server.on("connect", (_req, socket: Socket) => refuse(socket));
    return new Promise((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) => {
        const why =
          error.code === "EADDRINUSE"
            ? "port already in use"
            : error.code === "EACCES"
              ? "permission denied"
              : error.message;
        reject(new ListenError(`cannot start ${entry.name} on ${this.host}:${entry.port}: ${why}`));
      });
      server.listen(entry.port, this.host, () => {
        entry.port = (server.address() as AddressInfo).port;
        entry.server = server;
        server.removeAllListeners("error");
        server.on("error", () => {});
        resolve();
      });
    });
  }
}

/** What Tomcat answers to a request it cannot parse (or whose headers are too large): a bare 400. */
function answerBrokenRequest(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  refuse(socket);
}

function refuse(socket: Socket): void {
  socket.end("HTTP/1.1 400 \r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}
