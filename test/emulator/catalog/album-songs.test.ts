import assert from "node:assert/strict";
import { catalogApi, mc, type CatalogApi } from "./catalog-api.js";

describe("music-catalog: songs of an album (contract §5.3)", () => {
  let api: CatalogApi;
  beforeEach(async () => {
    api = await catalogApi();
    await api.album({ title: "Currents", bandId: 5 });
  });
  afterEach(() => api.t.emu.close());

  describe("POST /api/albums/{albumId}/songs", () => {
    it("creates the song in the album with the album's bandId, not the body's (Q16)", async () => {
      const res = await api
        .post("/api/albums/1/songs", { name: "The Less I Know", duration: 216, bandId: 99 })
        .expect(201);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, { id: 1, name: "The Less I Know", duration: 216, bandId: 5, albumId: 1 });
      assert.deepEqual((await api.get("/api/albums/1").expect(200)).body.songs, [res.body]);
      assert.deepEqual((await api.get("/api/songs/band/99").expect(200)).body, []);
    });

    it("needs no scope at all, only a bearer for CSRF (§5.1, Q5)", async () => {
      const res = await api.t
        .http("catalog")
        .post("/api/albums/1/songs")
        .set("Authorization", api.t.bearer(["test_3"]))
        .send({ name: "Reality in Motion", duration: 252, bandId: 5 })
        .expect(201);
      assert.equal(res.body.id, 1);
      const anonymous = await api.t
        .http("catalog")
        .post("/api/albums/1/songs")
        .send({ name: "x", duration: 1, bandId: 5 })
        .expect(403);
      assert.deepEqual(Object.keys(anonymous.body), ["timestamp", "status", "error", "path"]);
      assert.equal(anonymous.body.error, "Forbidden");
    });

    it("validates the body as a SongDto even when only its id matters → 400 MC-VAL", async () => {
      const song = await api.song();
      const res = await api.post("/api/albums/1/songs", { id: song.id }).expect(400);
      assert.deepEqual(res.body, {
        name: "Song name cannot be blank",
        duration: "Song duration must be at least 1 second",
        bandId: "Band ID cannot be null",
      });
    });

    it("with an id moves that song here, takes the album's band, keeps its name and duration", async () => {
      await api.album({ title: "Other", bandId: 6 });
      const song = await api.song({ name: "Nangs", duration: 107, bandId: 1, albumId: 2 });
      const res = await api
        .post("/api/albums/1/songs", { id: song.id, name: "Renamed", duration: 999, bandId: 1 })
        .expect(201);
      assert.deepEqual(res.body, { id: 1, name: "Nangs", duration: 107, bandId: 5, albumId: 1 });
      assert.deepEqual((await api.get("/api/songs/album/2").expect(200)).body, []);
      assert.deepEqual((await api.get("/api/songs/1").expect(200)).body, res.body);
    });

    it("answers the album's first song with the same name and duration, not always the added one", async () => {
      const first = await api
        .post("/api/albums/1/songs", { name: "Past Life", duration: 228, bandId: 5 })
        .expect(201);
      const second = await api
        .post("/api/albums/1/songs", { name: "Past Life", duration: 228, bandId: 5 })
        .expect(201);
      assert.deepEqual(second.body, first.body);
      const songs = (await api.get("/api/songs/album/1").expect(200)).body;
      assert.deepEqual(
        songs.map((s: { id: number }) => s.id),
        [1, 2],
      );
    });

    it("negative album id → 400 MC, unknown album → 404 MC, unknown song id → 404 MC", async () => {
      const body = { name: "x", duration: 1, bandId: 1 };
      assert.deepEqual(
        (await api.post("/api/albums/-1/songs", body).expect(400)).body,
        mc(400, "Invalid album ID: -1"),
      );
      assert.deepEqual(
        (await api.post("/api/albums/7/songs", body).expect(404)).body,
        mc(404, "Album not found with id: 7"),
      );
      assert.deepEqual(
        (await api.post("/api/albums/1/songs", { ...body, id: 42 }).expect(404)).body,
        mc(404, "Song not found with id: 42"),
      );
      assert.deepEqual((await api.get("/api/songs").expect(200)).body, []);
    });
  });

  describe("DELETE /api/albums/{albumId}/songs/{songId}", () => {
    it("answers 204 and deletes the song: production's orphan removal (§10.1, Q17)", async () => {
      await api.post("/api/albums/1/songs", { name: "Disciples", duration: 108, bandId: 5 }).expect(201);
      const res = await api.delete("/api/albums/1/songs/1").expect(204);
      assert.equal(res.text, "");
      assert.deepEqual((await api.get("/api/albums/1").expect(200)).body.songs, []);
      assert.deepEqual(
        (await api.get("/api/songs/1").expect(404)).body,
        mc(404, "Song not found with id: 1"),
      );
    });

    it("album: negative → 400 MC, unknown → 404 MC; song: negative → 400 MC, unknown → 404 MC", async () => {
      assert.deepEqual(
        (await api.delete("/api/albums/-1/songs/1").expect(400)).body,
        mc(400, "Invalid album ID: -1"),
      );
      assert.deepEqual(
        (await api.delete("/api/albums/9/songs/1").expect(404)).body,
        mc(404, "Album not found with id: 9"),
      );
      assert.deepEqual(
        (await api.delete("/api/albums/1/songs/-4").expect(400)).body,
        mc(400, "Invalid song ID: -4"),
      );
      assert.deepEqual(
        (await api.delete("/api/albums/1/songs/4").expect(404)).body,
        mc(404, "Song not found with id: 4"),
      );
    });

    it("a song in no album → 400 MC, in another album → 400 MC; both stay", async () => {
      await api.album({ title: "Other", bandId: 6 });
      await api.song({ name: "Loose" });
      await api.post("/api/albums/2/songs", { name: "Elsewhere", duration: 100, bandId: 6 }).expect(201);
      assert.deepEqual(
        (await api.delete("/api/albums/1/songs/1").expect(400)).body,
        mc(400, "Song is not associated with any album"),
      );
      assert.deepEqual(
        (await api.delete("/api/albums/1/songs/2").expect(400)).body,
        mc(400, "Song does not belong to the specified album"),
      );
      assert.equal((await api.get("/api/songs").expect(200)).body.length, 2);
    });
  });
});
