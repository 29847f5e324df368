import assert from "node:assert/strict";
import type { Listeners } from "../../../emulator/bin/listeners.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { RawConnection, serialize, type RawRequest } from "../../helpers/raw-http.js";
import { serve } from "../../helpers/serve.js";

const LIMIT = 1024;

function chunked(body: Buffer): Buffer {
  const half = Math.floor(body.length / 2);
  const chunk = (part: Buffer) => [Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n")];
  return Buffer.concat([
    ...chunk(body.subarray(0, half)),
    ...chunk(body.subarray(half)),
    Buffer.from("0\r\n\r\n"),
  ]);
}

describe("a body over --max-body, on a keep-alive connection", () => {
  let t: TestEmulator;
  let listeners: Listeners;
  before(async () => {
    t = await testEmulator({ maxBodyBytes: LIMIT });
    listeners = await serve({ bands: t.emu.apps.bands.serve, tours: t.emu.apps.tours.serve });
  });
  after(async () => {
    await listeners.stopAll(0);
    t.emu.close();
  });

  const body = Buffer.from(JSON.stringify({ cityName: "x".repeat(4 * LIMIT) }));
  const cases: [string, string, string, "chunked" | "length", Record<string, unknown>][] = [
    [
      "bands",
      "PATCH",
      "/api/bands/1",
      "chunked",
      { status: 413, error: "Content Too Large", path: "/api/bands/1" },
    ],
    [
      "bands",
      "PATCH",
      "/api/bands/1",
      "length",
      { status: 413, error: "Content Too Large", path: "/api/bands/1" },
    ],
    [
      "tours",
      "POST",
      "/api/cityVisits",
      "chunked",
      { status: 413, message: `Maximum request body size of ${LIMIT} bytes exceeded` },
    ],
    [
      "tours",
      "POST",
      "/api/cityVisits",
      "length",
      { status: 413, message: `Maximum request body size of ${LIMIT} bytes exceeded` },
    ],
  ];
  for (const [service, method, path, framing, expected] of cases) {
    it(`${service} ${method} ${path}, ${framing === "chunked" ? "chunked" : "with Content-Length"}: 413, and the connection answers the next request`, async () => {
      const connection = await RawConnection.open(Number(new URL(listeners.url(service)).port));
      try {
        const headers: RawRequest["headers"] = [
          ["Host", "localhost"],
          ["Authorization", t.bearer()],
          ["Content-Type", "application/json"],
          framing === "chunked" ? ["Transfer-Encoding", "chunked"] : ["Content-Length", String(body.length)],
        ];
        // The first half goes out alone: the 413 comes while the rest of the body is still due.
        const request = serialize({
          method,
          target: path,
          headers,
          body: framing === "chunked" ? chunked(body) : body,
        });
        const split = request.length - Math.floor(body.length / 2);
        connection.write(request.subarray(0, split));
        const refused = await connection.read(2000);
        connection.write(request.subarray(split));
        assert.equal(refused.status, 413);
        const shown = JSON.parse(refused.body.toString("utf8")) as Record<string, unknown>;
        delete shown.timestamp;
        assert.deepEqual(shown, expected);
        const next = await connection.send(
          { method: "GET", target: "/actuator/health/ping", headers: [["Host", "localhost"]] },
          2000,
        );
        assert.equal(next.status, 200);
        assert.deepEqual(JSON.parse(next.body.toString("utf8")), { status: "UP" });
      } finally {
        connection.close();
      }
    });
  }
});
