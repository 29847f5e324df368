import assert from "node:assert/strict";
import { catalogApi, catchAll, mc, type CatalogApi } from "./catalog-api.js";

describe("music-catalog: /api/songs (contract §5.3)", () => {
  let api: CatalogApi;
  beforeEach(async () => {
    api = await catalogApi();
  });
  afterEach(() => api.t.emu.close());

  describe("GET /api/songs, /{id}, /album/{albumId}, /band/{bandId}", () => {
    it("lists all songs in id order", async () => {
      await api.song({ name: "a", bandId: 1 });
      await api.song({ name: "b", bandId: 2 });
      const res = await api.get("/api/songs").expect(200);
      assert.deepEqual(res.body, [
        { id: 1, name: "a", duration: 467, bandId: 1, albumId: null },
        { id: 2, name: "b", duration: 467, bandId: 2, albumId: null },
      ]);
    });

    it("gets one song; negative → 400 MC, unknown → 404 MC, non-numeric → 500", async () => {
      await api.song();
      assert.deepEqual((await api.get("/api/songs/1").expect(200)).body, {
        id: 1,
        name: "Let It Happen",
        duration: 467,
        bandId: 1,
        albumId: null,
      });
      assert.deepEqual((await api.get("/api/songs/-1").expect(400)).body, mc(400, "Invalid song ID: -1"));
      assert.deepEqual(
        (await api.get("/api/songs/0").expect(404)).body,
        mc(404, "Song not found with id: 0"),
      );
      assert.deepEqual(
        (await api.get("/api/songs/x1").expect(500)).body,
        catchAll(
          `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "x1"`,
        ),
      );
    });

    it("songs of an album: the album's songs, [] for an unknown album, negative → 400 MC", async () => {
      await api.album();
      const inAlbum = await api.song({ name: "In", albumId: 1 });
      await api.song({ name: "Out" });
      assert.deepEqual((await api.get("/api/songs/album/1").expect(200)).body, [inAlbum]);
      assert.deepEqual((await api.get("/api/songs/album/77").expect(200)).body, []);
      assert.deepEqual(
        (await api.get("/api/songs/album/-1").expect(400)).body,
        mc(400, "Invalid album ID: -1"),
      );
    });

    it("songs of a band; negative → 400 MC", async () => {
      const mine = await api.song({ bandId: 3 });
      await api.song({ bandId: 4 });
      assert.deepEqual((await api.get("/api/songs/band/3").expect(200)).body, [mine]);
      assert.deepEqual((await api.get("/api/songs/band/5").expect(200)).body, []);
      assert.deepEqual(
        (await api.get("/api/songs/band/-5").expect(400)).body,
        mc(400, "Invalid band ID: -5"),
      );
    });

    it("GET /api/songs/album without an id matches /{id} → type mismatch 500 (§5.3 route notes)", async () => {
      assert.deepEqual(
        (await api.get("/api/songs/album").expect(500)).body,
        catchAll(
          `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "album"`,
        ),
      );
    });
  });

  describe("POST /api/songs", () => {
    it("answers 201 with the song", async () => {
      const res = await api.post("/api/songs", { name: "Money", duration: 382, bandId: 42 }).expect(201);
      assert.deepEqual(res.body, { id: 1, name: "Money", duration: 382, bandId: 42, albumId: null });
    });

    it("an empty object → 400 MC-VAL; duration missing means 0 (primitive int)", async () => {
      assert.deepEqual((await api.post("/api/songs", {}).expect(400)).body, {
        name: "Song name cannot be blank",
        duration: "Song duration must be at least 1 second",
        bandId: "Band ID cannot be null",
      });
      assert.deepEqual(
        (await api.post("/api/songs", { name: "x", duration: null, bandId: 1 }).expect(400)).body,
        {
          duration: "Song duration must be at least 1 second",
        },
      );
      assert.deepEqual(
        (await api.post("/api/songs", { name: "  ", duration: 0, bandId: 1 }).expect(400)).body,
        {
          name: "Song name cannot be blank",
          duration: "Song duration must be at least 1 second",
        },
      );
    });

    it("joins the given album but keeps its own bandId (§9 L18)", async () => {
      await api.album({ bandId: 1 });
      const res = await api
        .post("/api/songs", { name: "x", duration: 10, bandId: 2, albumId: 1 })
        .expect(201);
      assert.deepEqual(res.body, { id: 1, name: "x", duration: 10, bandId: 2, albumId: 1 });
      assert.deepEqual((await api.get("/api/albums/1").expect(200)).body.songs, [res.body]);
    });

    it("albumId negative → 400 MC, unknown → 404 MC; nothing is created", async () => {
      const body = { name: "x", duration: 10, bandId: 2 };
      assert.deepEqual(
        (await api.post("/api/songs", { ...body, albumId: -1 }).expect(400)).body,
        mc(400, "Invalid album ID: -1"),
      );
      assert.deepEqual(
        (await api.post("/api/songs", { ...body, albumId: 3 }).expect(404)).body,
        mc(404, "Album not found with id: 3"),
      );
      assert.deepEqual((await api.get("/api/songs").expect(200)).body, []);
    });

    it("a name over 255 characters → 500 MC at insert", async () => {
      const name = "n".repeat(256);
      const sql = "insert into song (album_id,band_id,duration,name,id) values (?,?,?,?,default)";
      assert.deepEqual(
        (await api.post("/api/songs", { name, duration: 1, bandId: 1 }).expect(500)).body,
        catchAll(
          `could not execute statement [Value too long for column "NAME CHARACTER VARYING(255)": "'${"n".repeat(127)}... (256)"; SQL statement:\n${sql} [22001-232]] [${sql}]; SQL [${sql}]`,
        ),
      );
    });
  });

  describe("PUT /api/songs/{id}", () => {
    it("overwrites name, duration, band and album; body id ignored", async () => {
      await api.album();
      await api.song();
      const res = await api
        .put("/api/songs/1", { id: 50, name: "Eventually", duration: 319, bandId: 8, albumId: 1 })
        .expect(200);
      assert.deepEqual(res.body, { id: 1, name: "Eventually", duration: 319, bandId: 8, albumId: 1 });
      assert.deepEqual((await api.get("/api/songs/band/8").expect(200)).body, [res.body]);
      assert.deepEqual((await api.get("/api/songs/band/1").expect(200)).body, []);
    });

    it("without albumId the song leaves its album (Q16)", async () => {
      await api.album();
      await api.song({ albumId: 1 });
      const res = await api.put("/api/songs/1", { name: "x", duration: 5, bandId: 1 }).expect(200);
      assert.deepEqual(res.body, { id: 1, name: "x", duration: 5, bandId: 1, albumId: null });
      assert.deepEqual((await api.get("/api/albums/1").expect(200)).body.songs, []);
    });

    it("validation first, then negative → 400 MC, unknown → 404 MC, then the album", async () => {
      assert.deepEqual((await api.put("/api/songs/-1", { name: "x", bandId: 1 }).expect(400)).body, {
        duration: "Song duration must be at least 1 second",
      });
      const body = { name: "x", duration: 5, bandId: 1 };
      assert.deepEqual(
        (await api.put("/api/songs/-1", body).expect(400)).body,
        mc(400, "Invalid song ID: -1"),
      );
      assert.deepEqual(
        (await api.put("/api/songs/2", body).expect(404)).body,
        mc(404, "Song not found with id: 2"),
      );
      await api.song();
      assert.deepEqual(
        (await api.put("/api/songs/1", { ...body, albumId: 4 }).expect(404)).body,
        mc(404, "Album not found with id: 4"),
      );
      assert.deepEqual(
        (await api.put("/api/songs/1", { ...body, albumId: -4 }).expect(400)).body,
        mc(400, "Invalid album ID: -4"),
      );
      assert.equal((await api.get("/api/songs/1").expect(200)).body.name, "Let It Happen");
    });
  });

  describe("DELETE /api/songs/{id}", () => {
    it("answers 204 and the song is gone", async () => {
      await api.song();
      const res = await api.delete("/api/songs/1").expect(204);
      assert.equal(res.text, "");
      assert.deepEqual(
        (await api.get("/api/songs/1").expect(404)).body,
        mc(404, "Song not found with id: 1"),
      );
    });

    it("negative → 400 MC, unknown → 404 MC", async () => {
      assert.deepEqual((await api.delete("/api/songs/-1").expect(400)).body, mc(400, "Invalid song ID: -1"));
      assert.deepEqual(
        (await api.delete("/api/songs/1").expect(404)).body,
        mc(404, "Song not found with id: 1"),
      );
    });
  });
});
