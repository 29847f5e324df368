import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServiceUrls } from "../../../replayer/services.js";

export interface TestServer {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  /** Stop listening and cut every open connection. */
  close(): Promise<void>;
}

export async function listen(server: Server, port = 0): Promise<TestServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A `node:http` server on 127.0.0.1, on a port the system picks. */
export function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestServer> {
  return listen(createServer(handler));
}

/** A URL nothing listens on: a port the system gave out and that was closed again. */
export async function refusedUrl(): Promise<string> {
  const probe = await startServer(() => undefined);
  await probe.close();
  return probe.url;
}

export function sameUrlForAll(url: string): ServiceUrls {
  return { users: url, bands: url, catalog: url, tours: url };
}

/**
 * Answers every request with a 2xx and a body shaped like the contract's: GET → `[]`, a write →
 * `{"id": n}` with a fresh id. Enough for the festival users to carry on; not a model of the domain.
 */
export function answerEverything(counter: { requests: number }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    counter.requests += 1;
    const id = counter.requests;
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(req.method === "GET" ? "[]" : JSON.stringify({ id, status: "PENDING" }));
    });
  };
}
