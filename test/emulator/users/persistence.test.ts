import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testEmulator } from "../../helpers/emulator.js";
import { createArtist, createManager } from "./users-fixtures.js";
import { createBand } from "../bands/bands-fixtures.js";

describe("users and bands with --data: answered writes are on disk and survive a restart", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "soundcheck-users-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("keeps rows, indexes and the shared counter", async () => {
    const dataFile = join(dir, "store.json");
    const first = await testEmulator({ dataFile });
    const manager = await createManager(first);
    await createArtist(first, { bandIds: [1] });
    await createBand(first, "Band 1", manager.id);
    const onDisk = JSON.parse(await readFile(dataFile, "utf8"));
    assert.equal(onDisk.tables.users.length, 2);
    first.emu.close();

    const second = await testEmulator({ dataFile });
    const byBand = await second
      .http("users")
      .get("/api/artists/bands?bandIds=1")
      .set("Authorization", second.bearer());
    assert.deepEqual(
      byBand.body.map((artist: { id: number }) => artist.id),
      [2],
    );
    const clash = await second
      .http("users")
      .post("/api/managers")
      .set("Authorization", second.bearer())
      .send({ username: "boss", email: "new@x.org", password: "p" });
    assert.equal(clash.status, 409);
    assert.equal((await createArtist(second, { username: "n", email: "n@x.org" })).id, 3);
    assert.equal((await createBand(second, "Band 2")).id, 2);
    second.emu.close();
  });
});
