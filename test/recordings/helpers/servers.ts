/**
 * Small HTTP servers on free ports for the proxy tests, closed by the returned function.
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

export interface Serving {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serve(listener: RequestListener): Promise<Serving> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on: opened, then closed again. */
export async function closedPort(): Promise<number> {
  const serving = await serve(() => {});
  await serving.close();
  return serving.port;
}
