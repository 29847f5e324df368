import assert from "node:assert/strict";
import type { Listeners } from "../../../emulator/bin/listeners.js";
import { testEmulator, type TestEmulator } from "../../helpers/emulator.js";
import { RawConnection } from "../../helpers/raw-http.js";
import { serve } from "../../helpers/serve.js";

describe("listeners: requests Node's HTTP parser handles before the app", () => {
  let t: TestEmulator;
  let listeners: Listeners;
  before(async () => {
    t = await testEmulator();
    listeners = await serve({ bands: t.emu.apps.bands.serve });
  });
  after(async () => {
    await listeners.stopAll(0);
    t.emu.close();
  });

  for (const target of ["/api/bands", "127.0.0.1:443"]) {
    it(`CONNECT ${target}: a bare 400 and a closed connection, not a silent drop`, async () => {
      const connection = await RawConnection.open(Number(new URL(listeners.url("bands")).port));
      try {
        const res = await connection.send({ method: "CONNECT", target, headers: [["Host", target]] }, 2000);
        assert.deepEqual(
          {
            status: res.status,
            length: res.headers["content-length"],
            closed: res.closed,
            body: res.body.length,
          },
          { status: 400, length: "0", closed: true, body: 0 },
        );
      } finally {
        connection.close();
      }
    });
  }
});
