import assert from "node:assert/strict";
import { Store } from "../../../emulator/core/store/store.js";
import { declareCatalog, type SongRow } from "../../../emulator/services/catalog/collections.js";
import { catalogApi, type CatalogApi } from "./catalog-api.js";

const SONGS = 100_000;
const BANDS = 1_000;

function manySongs(): SongRow[] {
  return Array.from({ length: SONGS }, (_, i) => ({
    id: i + 1,
    name: `song ${i + 1}`,
    duration: 60 + (i % 300),
    bandId: (i * 7919) % BANDS,
    albumId: i % 10 === 0 ? (i % 50) + 1 : null,
  }));
}

describe("music-catalog: lookups by band and album are indexed (issue 3, load-worthy)", () => {
  it("the collections find a band's and an album's songs among 100 000 and follow updates and deletes", async () => {
    const store = new Store();
    const c = declareCatalog(store);
    await store.open();
    const rows = manySongs();
    for (const row of rows) c.songs.insert(row);
    const band = 421;
    const expected = rows.filter((row) => row.bandId === band).map((row) => row.id);
    assert.equal(expected.length, SONGS / BANDS);
    assert.deepEqual(
      c.songs.find("band", band).map((row) => row.id),
      expected,
    );
    const moved = c.songs.get(expected[0] as number) as SongRow;
    c.songs.update(moved, (row) => {
      row.bandId = 1_000_001;
      row.albumId = 77;
    });
    assert.deepEqual(
      c.songs.find("band", band).map((row) => row.id),
      expected.slice(1),
    );
    assert.deepEqual(
      c.songs.find("album", 77).map((row) => row.id),
      [moved.id],
    );
    c.songs.delete(moved);
    assert.deepEqual(c.songs.find("band", 1_000_001), []);
    assert.deepEqual(c.songs.find("album", 77), []);
  });

  describe("over HTTP", () => {
    let api: CatalogApi;
    beforeEach(async () => {
      api = await catalogApi();
    });
    afterEach(() => api.t.emu.close());

    it("GET /api/songs/band/{id} answers exactly that band's songs out of 100 000", async () => {
      const rows = manySongs().map((row) => ({ ...row, albumId: null }));
      await api.t.emu.load({ catalog: { albums: [], songs: rows } });
      const band = 999;
      const res = await api.get(`/api/songs/band/${band}`).expect(200);
      assert.deepEqual(
        res.body,
        rows.filter((row) => row.bandId === band),
      );
      const created = await api.song({ bandId: band });
      assert.equal(created.id, SONGS + 1);
      const again = await api.get(`/api/songs/band/${band}`).expect(200);
      assert.equal(again.body.length, SONGS / BANDS + 1);
      assert.deepEqual(again.body.at(-1), created);
    });
  });
});
