/**
 * The reference for the emulator's throughput: a bare node:http server answering the bytes the
 * emulator answered (status, headers in their order, body), with the same server settings as
 * the emulator's listeners. A POST's body is read before the answer, as any server must.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BareJob, CapturedResponse, Listening } from "../jobs.js";
import { serveJobs } from "../rpc.js";

interface Prepared {
  status: number;
  headers: string[];
  body: Buffer;
}

function prepare(captured: CapturedResponse): Prepared {
  return {
    status: captured.status,
    headers: captured.headers.flat(),
    body: Buffer.from(captured.bodyBase64, "base64"),
  };
}

function listen(job: BareJob): Promise<Listening> {
  const answers = new Map(Object.entries(job.responses).map(([method, r]) => [method, prepare(r)]));
  const send = (res: ServerResponse, answer: Prepared | undefined) => {
    if (!answer) {
      res.writeHead(404, { "Content-Length": "0" }).end();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
  const server = createServer({ maxHeaderSize: 16 * 1024 }, (req: IncomingMessage, res) => {
    const answer = answers.get(req.method ?? "GET");
    if (req.method === "GET" || req.method === "HEAD") return send(res, answer);
    req.on("data", () => undefined);
    req.on("end", () => send(res, answer));
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

serveJobs<BareJob>(listen);
