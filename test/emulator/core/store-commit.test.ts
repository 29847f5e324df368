import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store, type StoreData } from "../../../emulator/core/store/store.js";
import type { Row } from "../../../emulator/core/store/table.js";

interface Thing extends Row {
  n: number;
}

describe("store commits with a data file", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "soundcheck-commit-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const onDisk = (file: string) => JSON.parse(readFileSync(file, "utf8")) as StoreData;

  it("each commit resolves only once the file holds its change, also when commits overlap a write", async () => {
    const file = join(dir, "store.json");
    const store = new Store(file);
    const things = store.table<Thing>("things");
    await store.open();
    const checks: Promise<void>[] = [];
    for (let n = 1; n <= 200; n++) {
      const id = store.nextId("things");
      things.insert({ id, n });
      checks.push(
        store.commit().then(() => {
          const rows = onDisk(file).tables.things as Thing[];
          assert.ok(
            rows.some((row) => row.id === id),
            `commit of ${id} resolved before the file held it`,
          );
        }),
      );
      // Let writes begin now and then, so later commits meet one in progress.
      if (n % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(checks);
    assert.equal(onDisk(file).counters.things, 200);
  });

  it("a commit never waits for writes begun after it: under steady writes the first is answered first", async () => {
    const file = join(dir, "store.json");
    const store = new Store(file);
    const things = store.table<Thing>("things");
    await store.open();
    const answered: number[] = [];
    const commits: Promise<void>[] = [];
    for (let n = 1; n <= 5; n++) {
      things.insert({ id: store.nextId("things"), n });
      commits.push(store.commit().then(() => void answered.push(n)));
      // The next commit comes while this one's write is on its way to the disk.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(commits);
    assert.deepEqual(answered, [1, 2, 3, 4, 5]);
  });

  it("a write that fails rejects its commits, and the next commit writes again", async () => {
    const folder = join(dir, "gone");
    await mkdir(folder);
    const file = join(folder, "store.json");
    const store = new Store(file);
    const things = store.table<Thing>("things");
    await store.open();
    await rm(folder, { recursive: true });
    things.insert({ id: store.nextId("things"), n: 1 });
    await assert.rejects(store.commit(), { code: "ENOENT" });
    await mkdir(folder);
    things.insert({ id: store.nextId("things"), n: 2 });
    await store.commit();
    assert.deepEqual(
      (onDisk(file).tables.things as Thing[]).map((row) => row.n),
      [1, 2],
    );
  });
});
