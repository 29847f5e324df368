import assert from "node:assert/strict";
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { request } from "undici";
import { RecordingWriter, readRecording, type RecordedExchange } from "../../common/recording/index.js";
import { createProxy, type Proxy } from "../../emulator/proxy/proxy.js";
import { closedPort, serve, type Serving } from "./helpers/servers.js";
import { tempDir, type TempDir } from "./helpers/temp-dir.js";

function nodeRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ statusCode: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      void bodyOf(res).then((text) =>
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return text;
}

/** Answers with what it received, plus headers a proxy must pass on unchanged. */
const echo = serve(async (req, res) => {
  const body = await bodyOf(req);
  const answer = JSON.stringify({
    method: req.method,
    url: req.url,
    body,
    contentType: req.headers["content-type"] ?? null,
    authorization: req.headers.authorization ?? null,
    host: req.headers.host,
    connectionHeaderSeen: req.headers["x-hop"] ?? null,
  });
  res.writeHead(req.url?.startsWith("/svc/created") ? 201 : 200, [
    "Content-Type",
    "application/json",
    "Set-Cookie",
    "JSESSIONID=AAA; Path=/",
    "Set-Cookie",
    "XSRF-TOKEN=BBB; Path=/",
    "X-Upstream",
    "echo",
    "Content-Length",
    String(Buffer.byteLength(answer)),
  ]);
  res.end(answer);
});

describe("emu proxy: forwarding", () => {
  let upstream: Serving;
  let front: Serving | undefined;
  let proxy: Proxy | undefined;
  let dir: TempDir;
  before(async () => (upstream = await echo));
  after(() => upstream.close());
  beforeEach(async () => (dir = await tempDir()));
  afterEach(async () => {
    await front?.close();
    await proxy?.close(0);
    await dir.remove();
    front = proxy = undefined;
  });

  async function proxyTo(upstreams: Record<string, string>, writer?: RecordingWriter): Promise<Serving> {
    proxy = createProxy({ upstreams, observe: writer && ((raw) => writer.add(raw)) });
    const entry = proxy.handlers[0];
    assert.ok(entry);
    front = await serve(entry.handler);
    return front;
  }

  it("forwards method, raw path and query, headers and body, and streams the answer back unchanged", async () => {
    const file = dir.path("proxy.jsonl");
    const writer = await RecordingWriter.open(file, { source: "proxy" });
    const { url } = await proxyTo({ bands: `${upstream.url}/svc/` }, writer);
    // node:http, not undici: undici rewrites a Connection header that names other headers.
    const response = await nodeRequest(
      `${url}/created/bands?name=The%20Cure&tag=a&tag=b`,
      "POST",
      {
        "Content-Type": "application/json",
        Authorization: "Bearer opaque-secret",
        Connection: "keep-alive, X-Hop",
        "X-Hop": "connection-scoped",
      },
      '{"name":"The Cure"}',
    );
    const text = response.body;
    assert.equal(response.statusCode, 201);
    assert.deepEqual(response.headers["set-cookie"], ["JSESSIONID=AAA; Path=/", "XSRF-TOKEN=BBB; Path=/"]);
    assert.equal(response.headers["x-upstream"], "echo");
    assert.equal(response.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(text), {
      method: "POST",
      url: "/svc/created/bands?name=The%20Cure&tag=a&tag=b",
      body: '{"name":"The Cure"}',
      contentType: "application/json",
      authorization: "Bearer opaque-secret",
      host: `127.0.0.1:${upstream.port}`,
      connectionHeaderSeen: null,
    });
    await writer.close();

    const recording = await readRecording(file);
    assert.equal(recording.header.source, "proxy");
    const [line] = recording.exchanges;
    const { t: _t, durationMs: _d, ...stable } = line as RecordedExchange;
    assert.deepEqual(stable, {
      session: "token:2582fe28face",
      service: "bands",
      method: "POST",
      path: "/created/bands",
      query: "name=The%20Cure&tag=a&tag=b",
      requestHeaders: { "content-type": "application/json", authorization: "Bearer <redacted>" },
      requestBody: '{"name":"The Cure"}',
      status: 201,
      responseHeaders: {
        "content-type": "application/json",
        "set-cookie": ["JSESSIONID=<redacted>; Path=/", "XSRF-TOKEN=<redacted>; Path=/"],
      },
      responseBody: text,
    });
  });

  it("answers HEAD with the upstream's headers and no body, and records no body", async () => {
    const file = dir.path("head.jsonl");
    const writer = await RecordingWriter.open(file, { source: "proxy" });
    const { url } = await proxyTo({ users: upstream.url }, writer);
    const response = await request(`${url}/api/artists`, { method: "HEAD" });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["x-upstream"], "echo");
    assert.equal(await response.body.text(), "");
    await writer.close();
    const [line] = (await readRecording(file)).exchanges;
    assert.deepEqual([line?.method, line?.status, line?.responseBody], ["HEAD", 200, null]);
  });

  it("passes a compressed answer on as it is and records it decoded", async () => {
    const json = '{"id":7,"name":"The Cure","members":[]}';
    const gzipped = gzipSync(json);
    const compressing = await serve((req, res) => {
      const coding = req.url === "/api/bands/7" ? "gzip" : "br";
      const bytes =
        coding === "gzip"
          ? gzipped
          : req.url === "/api/bands/8"
            ? brotliCompressSync(json)
            : Buffer.from("not br");
      res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
      res.end(bytes);
    });
    try {
      const file = dir.path("gzip.jsonl");
      const writer = await RecordingWriter.open(file, { source: "proxy" });
      const { url } = await proxyTo({ bands: compressing.url }, writer);
      const response = await request(`${url}/api/bands/7`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(response.headers["content-encoding"], "gzip");
      assert.deepEqual(Buffer.from(await response.body.arrayBuffer()), gzipped);
      await (await request(`${url}/api/bands/8`)).body.text();
      await (await request(`${url}/api/bands/9`)).body.text();
      await writer.close();
      const lines = (await readRecording(file)).exchanges.sort((a, b) => a.path.localeCompare(b.path));
      assert.deepEqual(
        lines.map((line) => [line.path, line.responseBody, line.responseBodyEncoding]),
        [
          ["/api/bands/7", json, undefined],
          ["/api/bands/8", json, undefined],
          ["/api/bands/9", "not br", undefined],
        ],
      );
    } finally {
      await compressing.close();
    }
  });

  it("streams: the client has the first chunk while the upstream is still writing", async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first ");
      void released.then(() => res.end("second"));
    });
    try {
      const { url } = await proxyTo({ catalog: slow.url });
      const response = await request(`${url}/api/songs`);
      let text = "";
      for await (const chunk of response.body) {
        if (text === "") {
          assert.equal(String(chunk), "first ");
          release();
        }
        text += String(chunk);
      }
      assert.equal(text, "first second");
    } finally {
      await slow.close();
    }
  });

  it("answers 502 with a JSON body naming the service and the cause when the upstream is unreachable", async () => {
    const port = await closedPort();
    const file = dir.path("down.jsonl");
    const writer = await RecordingWriter.open(file, { source: "proxy" });
    const { url } = await proxyTo({ tours: `http://127.0.0.1:${port}` }, writer);
    const response = await request(`${url}/api/tours/1`);
    const expected = {
      status: 502,
      error: "Bad Gateway",
      message: `tours upstream http://127.0.0.1:${port} unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
    };
    assert.equal(response.statusCode, 502);
    assert.equal(response.headers["content-type"], "application/json");
    assert.deepEqual(await response.body.json(), expected);
    await writer.close();
    const [line] = (await readRecording(file)).exchanges;
    assert.deepEqual(
      [line?.status, line?.fault, line?.responseHeaders, JSON.parse(line?.responseBody ?? "null")],
      [502, "upstream unreachable", { "content-type": "application/json" }, expected],
    );
  });
});
