/**
 * HTTP/1.1 over a bare socket, for requests no well-behaved client would send: any method token,
 * raw bytes in the request target and in header values, any framing of the body. Responses are
 * parsed strictly (status line, headers, then Content-Length, chunked or close-delimited body),
 * so a response the server frames wrongly shows up as a broken next response on the connection.
 */
import { connect, type Socket } from "node:net";

export interface RawRequest {
  method: string;
  /** The request target exactly as it goes on the wire (a path, a query, raw UTF-8 bytes…). */
  target: string | Buffer;
  headers: ReadonlyArray<readonly [string, string | Buffer]>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** The server closed the connection after this response. */
  closed: boolean;
}

export class RawHttpError extends Error {}

/** The request's bytes; Host is the caller's to set (or to leave out). */
export function serialize(request: RawRequest): Buffer {
  const parts: Buffer[] = [Buffer.from(`${request.method} `, "latin1")];
  parts.push(typeof request.target === "string" ? Buffer.from(request.target, "latin1") : request.target);
  parts.push(Buffer.from(" HTTP/1.1\r\n", "latin1"));
  for (const [name, value] of request.headers) {
    parts.push(Buffer.from(`${name}: `, "latin1"));
    parts.push(typeof value === "string" ? Buffer.from(value, "latin1") : value);
    parts.push(Buffer.from("\r\n", "latin1"));
  }
  parts.push(Buffer.from("\r\n", "latin1"));
  if (request.body) parts.push(request.body);
  return Buffer.concat(parts);
}

interface Head {
  status: number;
  headers: Record<string, string>;
  length: number;
}

function parseHead(text: string): Head {
  const [statusLine = "", ...lines] = text.split("\r\n");
  const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
  if (!match) throw new RawHttpError(`not an HTTP status line: ${JSON.stringify(statusLine.slice(0, 80))}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new RawHttpError(`bad header line: ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: Number(match[1]), headers, length: text.length + 4 };
}

/** The body of a chunked response once complete, with how many bytes it used; undefined if short. */
function dechunk(buffer: Buffer): { body: Buffer; used: number } | undefined {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buffer.indexOf("\r\n", at);
    if (eol < 0) return undefined;
    const size = parseInt(buffer.subarray(at, eol).toString("latin1"), 16);
    if (!Number.isFinite(size)) throw new RawHttpError("bad chunk size");
    at = eol + 2;
    if (size === 0) {
      const end = buffer.indexOf("\r\n", at);
      return end < 0 ? undefined : { body: Buffer.concat(chunks), used: end + 2 };
    }
    if (buffer.length < at + size + 2) return undefined;
    chunks.push(buffer.subarray(at, at + size));
    at += size + 2;
  }
}

/**
 * One connection, one request at a time. `send` resolves with the parsed response or rejects
 * when none arrives in `timeoutMs` (a hang), the server closes without answering, or the bytes
 * are not HTTP.
 */
export class RawConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private waiting: (() => void) | undefined;
  /** How the server ended the connection: `end` (a clean FIN) or the socket error's code. */
  closedBy: string | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
    const end = (how: string) => {
      this.closedBy ??= how;
      this.ended = true;
      this.waiting?.();
    };
    socket.on("end", () => end("end"));
    socket.on("close", () => end("close"));
    socket.on("error", (error: NodeJS.ErrnoException) => end(error.code ?? "error"));
  }

  /** Resolves once the server has closed the connection (or after `timeoutMs`). */
  async closed(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) await this.waitForData(deadline - Date.now());
    return this.ended;
  }

  static open(port: number, host = "127.0.0.1"): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      socket.once("connect", () => resolve(new RawConnection(socket)));
      socket.once("error", reject);
    });
  }

  get usable(): boolean {
    return !this.ended && !this.socket.destroyed;
  }

  /** Bytes the server sent that belong to no response (framing errors). */
  get leftover(): number {
    return this.buffer.length;
  }

  close(): void {
    this.socket.destroy();
  }

  async send(request: RawRequest, timeoutMs: number): Promise<RawResponse> {
    if (this.buffer.length > 0)
      throw new RawHttpError(`${this.buffer.length} stray bytes before the request`);
    this.write(serialize(request));
    return this.read(timeoutMs, request.method === "HEAD");
  }

  /** Bytes as they are, e.g. the first part of a request whose rest follows later. */
  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next response (of a HEAD request when `headOnly`), within `timeoutMs`. */
  async read(timeoutMs: number, headOnly = false): Promise<RawResponse> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = this.tryParse(headOnly);
      if (response) return response;
      if (this.ended) {
        if (this.buffer.length === 0) throw new RawHttpError("connection closed without a response");
        const closeDelimited = this.tryParse(headOnly, true);
        if (closeDelimited) return closeDelimited;
        throw new RawHttpError("connection closed in the middle of a response");
      }
      if (Date.now() >= deadline) {
        this.socket.destroy();
        throw new RawHttpError(`no complete response within ${timeoutMs} ms`);
      }
      await this.waitForData(deadline - Date.now());
      // Let bytes already received be read before calling it a timeout: if this process was
      // busy, the timer and the data are due together and the timer runs first.
      if (Date.now() >= deadline) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private waitForData(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiting = () => {
        this.waiting = undefined;
        done();
      };
    });
  }

  private tryParse(headOnly: boolean, atEnd = false): RawResponse | undefined {
    const headEnd = this.buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) return undefined;
    const head = parseHead(this.buffer.subarray(0, headEnd).toString("latin1"));
    // An interim 100 Continue precedes the real answer.
    if (head.status >= 100 && head.status < 200) {
      this.buffer = this.buffer.subarray(head.length);
      return this.tryParse(headOnly, atEnd);
    }
    const rest = this.buffer.subarray(head.length);
    let body: Buffer;
    let used: number;
    const noBody = headOnly || head.status === 204 || head.status === 304;
    if (noBody) {
      body = Buffer.alloc(0);
      used = 0;
    } else if (head.headers["transfer-encoding"]?.toLowerCase() === "chunked") {
      const chunked = dechunk(rest);
      if (!chunked) return undefined;
      ({ body, used } = chunked);
    } else if (head.headers["content-length"] !== undefined) {
      const length = Number(head.headers["content-length"]);
      if (!Number.isInteger(length) || length < 0) throw new RawHttpError("bad Content-Length");
      if (rest.length < length) return undefined;
      body = rest.subarray(0, length);
      used = length;
    } else {
      if (!atEnd) return undefined;
      body = rest;
      used = rest.length;
    }
    this.buffer = this.buffer.subarray(head.length + used);
    const closed = this.ended || (head.headers.connection ?? "").toLowerCase().includes("close");
    return { status: head.status, headers: head.headers, body: Buffer.from(body), closed };
  }
}
