/**
 * Durable data with `--data` (the built CLI): a 2xx write is on disk before its answer leaves, a
 * kill -9 under load loses nothing that was acknowledged and no counter goes back, and a data
 * file that cannot be a store stops the start with one line, leaving the file as it was.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnCli, startEmu, stop, type Spawned } from "../helpers/cli.js";
import { Store, StoreError } from "../../emulator/core/store/store.js";
import { killRound, tokenOf } from "./durable/kill-restart.js";

const CLI_CASES = ["not JSON", "two rows with one id", "a counter below an id"];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `emu start` that must refuse to start: its exit code, or a failure (and a kill) if it serves. */
async function refusedStart(args: string[]): Promise<Spawned & { code: number | string }> {
  const emu = spawnCli("emu", ["start", "--port", "0", "--quiet", ...args]);
  const timer = setTimeout(() => emu.child.kill("SIGKILL"), 10_000);
  const code = await emu.exited;
  clearTimeout(timer);
  assert.notEqual(code, "SIGKILL", `emu started instead of refusing: ${emu.stdout()}`);
  return { ...emu, code };
}

describe("durable data (--data)", function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "soundcheck-durable-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("a create is in the file when its 201 arrives, one at a time and twenty at once", async () => {
    const file = join(dir, "store.json");
    const emu = await startEmu(["--quiet", "--data", file]);
    try {
      const token = await tokenOf(emu);
      const create = async (name: string) => {
        const response = await fetch(`${emu.ready.urls.users}/api/managers`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ username: name, email: `${name}@example.org`, password: "p" }),
        });
        assert.equal(response.status, 201);
        const { id } = (await response.json()) as { id: number };
        // Read the file the moment the answer is in: the row must already be there.
        const onDisk = JSON.parse(await readFile(file, "utf8")) as { tables: { users: { id: number }[] } };
        assert.ok(
          onDisk.tables.users.some((row) => row.id === id),
          `${name} (${id}) answered but not on disk`,
        );
      };
      for (let i = 0; i < 10; i++) await create(`one-${i}`);
      await Promise.all(Array.from({ length: 20 }, (_, i) => create(`many-${i}`)));
    } finally {
      await stop(emu);
    }
  });

  it("kill -9 during concurrent creates: after a restart every acknowledged entity is there, counters did not go back", async () => {
    const file = join(dir, "store.json");
    const result = await killRound(file, 1, 150, 16, {});
    assert.ok(result.acknowledged >= 150);
    assert.ok(result.slowestMs < 1000, `slowest acknowledged create took ${result.slowestMs} ms`);
  });

  describe("a data file that is not a store: one line, exit 1, the file byte-for-byte as it was", () => {
    const store = (tables: unknown, counters: unknown = {}) =>
      JSON.stringify({ format: 1, counters, tables });
    const cases: [string, string | Buffer, RegExp][] = [
      ["not JSON", "{not json", /is not valid JSON \(.*\); it was left as it is$/],
      ["empty", "", /is not valid JSON/],
      ["cut short", store({ users: [] }).slice(0, 30), /is not valid JSON/],
      [
        "with a byte-order mark",
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(store({}))]),
        /is not valid JSON/,
      ],
      ["a JSON list", "[]", /is not a soundcheck store \(format 1\); it was left as it is$/],
      [
        "another format",
        JSON.stringify({ format: 2, counters: {}, tables: {} }),
        /is not a soundcheck store/,
      ],
      [
        "a row without an id",
        store({ bands: [{ name: "x" }] }),
        /table bands is not a list of rows with numeric ids/,
      ],
      [
        "a counter that is not a number",
        store({}, { users: "7" }),
        /counter users is not a whole number ≥ 0/,
      ],
      [
        "two rows with one id",
        store({ bands: [{ id: 1 }, { id: 1 }] }, { bands: 1 }),
        /table bands has two rows with id 1/,
      ],
      [
        "a counter below an id",
        store({ bands: [{ id: 5 }] }, { bands: 2 }),
        /counter bands \(2\) is below id 5 of table bands/,
      ],
    ];
    for (const [title, content, message] of cases) {
      it(`${title} (Store.open refuses it)`, async () => {
        const file = join(dir, "store.json");
        await writeFile(file, content);
        const before = await readFile(file);
        const store = new Store(file);
        store.table("bands", "bands");
        await assert.rejects(
          store.open(),
          (error: Error) => error instanceof StoreError && message.test(error.message),
        );
        assert.deepEqual(await readFile(file), before);
      });
    }

    // The CLI path end to end, for a few of them: one line on stderr, nothing on stdout, exit 1.
    for (const [title, content, message] of cases.filter(([title]) => CLI_CASES.includes(title))) {
      it(`${title} (emu start exits 1 with one line)`, async () => {
        const file = join(dir, "store.json");
        await writeFile(file, content);
        const before = await readFile(file);
        const emu = await refusedStart(["--data", file]);
        assert.equal(emu.code, 1);
        assert.equal(emu.stdout(), "");
        const lines = emu.stderr().trimEnd().split("\n");
        assert.equal(lines.length, 1, emu.stderr());
        assert.match(lines[0] as string, new RegExp(`^emu: data file ${escape(file)}`));
        assert.match(lines[0] as string, message);
        assert.deepEqual(await readFile(file), before);
        assert.ok(!existsSync(join(dir, ".store.json.tmp")), "no temp file left behind");
      });
    }

    it("a directory where the file should be", async () => {
      const file = join(dir, "store.json");
      await mkdir(file);
      const emu = await refusedStart(["--data", file]);
      assert.equal(emu.code, 1);
      assert.equal(
        emu.stderr(),
        `emu: cannot open data file ${file}: EISDIR: illegal operation on a directory, read\n`,
      );
      assert.ok((await stat(file)).isDirectory());
    });

    it("a file in a directory that does not exist fails at start, not at the first write", async () => {
      const file = join(dir, "missing", "store.json");
      const emu = await refusedStart(["--fixtures", "none", "--data", file]);
      assert.equal(emu.code, 1);
      assert.equal(emu.stdout(), "");
      assert.match(
        emu.stderr(),
        new RegExp(`^emu: cannot open data file ${escape(file)}: ENOENT: [^\n]*\n$`),
      );
    });
  });
});
