import assert from "node:assert/strict";
import { resolveConfig } from "../../emulator/config/config.js";
import { resolveProxyConfig } from "../../emulator/config/proxy-config.js";

describe("recording configuration", () => {
  it("emu start takes --record from the flag or the config file, the flag winning", () => {
    const fromFile = resolveConfig({ record: "file.jsonl" }, {});
    assert.ok(fromFile.ok);
    assert.equal(fromFile.config.record, "file.jsonl");
    const fromFlag = resolveConfig({ record: "file.jsonl" }, { record: "flag.jsonl" });
    assert.ok(fromFlag.ok);
    assert.equal(fromFlag.config.record, "flag.jsonl");
    assert.deepEqual(resolveConfig({ record: "" }, {}), {
      ok: false,
      problems: ["config.record: '' must be a non-empty string"],
    });
  });

  it("emu proxy: upstreams from flags over the targets file, ports as emu start has them", () => {
    const result = resolveProxyConfig(
      { bandUrl: "https://bands.real.example/", port: ["users=9191"] },
      {
        path: "targets.json",
        content: {
          users: "http://users.real.example:8091",
          bands: "http://ignored",
          tours: "http://t:1/base",
        },
      },
    );
    assert.ok(result.ok);
    assert.deepEqual(result.config, {
      host: "127.0.0.1",
      ports: { auth: 8084, users: 9191, bands: 8092, catalog: 8093, tours: 8094 },
      upstreams: {
        users: "http://users.real.example:8091",
        bands: "https://bands.real.example",
        tours: "http://t:1/base",
      },
      record: undefined,
      json: false,
    });
  });

  it("emu proxy: every problem of a targets file at once", () => {
    assert.deepEqual(
      resolveProxyConfig(
        {},
        { path: "t.json", content: { payments: "http://x", users: 8091, tours: "localhost:8094" } },
      ),
      {
        ok: false,
        problems: [
          "--targets: unknown service 'payments' (one of auth, users, bands, catalog, tours)",
          "--targets users: '8091' is not an http(s) URL",
          "--targets tours: 'localhost:8094' is not an http(s) URL",
        ],
      },
    );
    assert.deepEqual(resolveProxyConfig({}, { path: "t.json", content: [] }), {
      ok: false,
      problems: ["--targets: t.json must hold an object of service → base URL"],
    });
    assert.deepEqual(resolveProxyConfig({}, { path: "t.json", content: {} }), {
      ok: false,
      problems: ["--targets: t.json names no service"],
    });
  });
});
