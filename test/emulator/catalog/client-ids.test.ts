import assert from "node:assert/strict";
import { catalogApi, catchAll, type CatalogApi } from "./catalog-api.js";

describe("music-catalog: a client-supplied id on create is merged, not ignored (contract §1.3)", () => {
  let api: CatalogApi;
  beforeEach(async () => {
    api = await catalogApi();
  });
  afterEach(() => api.t.emu.close());

  it("POST /api/albums with an existing id overwrites it and deletes its songs", async () => {
    await api.album({ title: "Old", bandId: 1 });
    await api.post("/api/albums/1/songs", { name: "Gone", duration: 60, bandId: 1 }).expect(201);
    const res = await api
      .post("/api/albums", { id: 1, title: "New", releaseDate: "2020-02-02T02:02:02", bandId: 3 })
      .expect(201);
    assert.deepEqual(res.body, {
      id: 1,
      title: "New",
      releaseDate: "2020-02-02T02:02:02",
      bandId: 3,
      songs: [],
    });
    assert.deepEqual((await api.get("/api/songs").expect(200)).body, []);
    // No id was drawn: the next album is 2.
    assert.equal((await api.album()).id, 2);
  });

  it("POST /api/albums with an id that has no row → 500 optimistic-lock failure, nothing created", async () => {
    const res = await api
      .post("/api/albums", { id: 9, title: "X", releaseDate: "2020-02-02T02:02:02", bandId: 3 })
      .expect(500);
    assert.deepEqual(
      res.body,
      catchAll(
        "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [cz.muni.fi.musiccatalogservice.model.Album#9]",
      ),
    );
    assert.deepEqual((await api.get("/api/albums").expect(200)).body, []);
  });

  it("POST /api/songs with an existing id overwrites every field", async () => {
    await api.album({ bandId: 2 });
    await api.song({ name: "Old" });
    const res = await api
      .post("/api/songs", { id: 1, name: "New", duration: 9, bandId: 4, albumId: 1 })
      .expect(201);
    assert.deepEqual(res.body, { id: 1, name: "New", duration: 9, bandId: 4, albumId: 1 });
    assert.deepEqual((await api.get("/api/songs").expect(200)).body, [res.body]);
  });

  it("POST /api/songs with an id that has no row → 500", async () => {
    const res = await api.post("/api/songs", { id: 3, name: "x", duration: 9, bandId: 4 }).expect(500);
    assert.deepEqual(
      res.body,
      catchAll(
        "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [cz.muni.fi.musiccatalogservice.model.Song#3]",
      ),
    );
    assert.deepEqual((await api.get("/api/songs").expect(200)).body, []);
  });
});
