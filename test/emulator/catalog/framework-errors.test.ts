import assert from "node:assert/strict";
import { catalogApi, catchAll, type CatalogApi } from "./catalog-api.js";

const SIGNATURE = {
  createAlbum:
    "public org.springframework.http.ResponseEntity<cz.muni.fi.musiccatalogservice.dto.AlbumDto> cz.muni.fi.musiccatalogservice.rest.AlbumController.createAlbum(cz.muni.fi.musiccatalogservice.dto.AlbumDto)",
  updateAlbum:
    "public org.springframework.http.ResponseEntity<cz.muni.fi.musiccatalogservice.dto.AlbumDto> cz.muni.fi.musiccatalogservice.rest.AlbumController.updateAlbum(java.lang.Long,cz.muni.fi.musiccatalogservice.dto.AlbumDto)",
  addSongToAlbum:
    "public org.springframework.http.ResponseEntity<cz.muni.fi.musiccatalogservice.dto.SongDto> cz.muni.fi.musiccatalogservice.rest.AlbumController.addSongToAlbum(java.lang.Long,cz.muni.fi.musiccatalogservice.dto.SongDto)",
  createSong:
    "public org.springframework.http.ResponseEntity<cz.muni.fi.musiccatalogservice.dto.SongDto> cz.muni.fi.musiccatalogservice.rest.SongController.createSong(cz.muni.fi.musiccatalogservice.dto.SongDto)",
  updateSong:
    "public org.springframework.http.ResponseEntity<cz.muni.fi.musiccatalogservice.dto.SongDto> cz.muni.fi.musiccatalogservice.rest.SongController.updateSong(java.lang.Long,cz.muni.fi.musiccatalogservice.dto.SongDto)",
};

describe("music-catalog: framework errors become the catch-all 500 (contract §1.7, Q6)", () => {
  let api: CatalogApi;
  beforeEach(async () => {
    api = await catalogApi();
  });
  afterEach(() => api.t.emu.close());

  it("unknown path → No static resource", async () => {
    const res = await api.get("/api/foo/bar").expect(500);
    assert.equal(res.headers["content-type"], "application/json");
    assert.deepEqual(res.body, catchAll("No static resource api/foo/bar."));
    assert.deepEqual(
      (await api.get("/api/albums/").expect(500)).body,
      catchAll("No static resource api/albums/."),
    );
  });

  it("OPTIONS: Allow for a mapped path, the unknown-path 500 for any other", async () => {
    const http = () => api.t.http("catalog");
    const known = await http().options("/api/albums/1/songs").expect(200);
    assert.equal(known.headers["allow"], "POST,OPTIONS");
    const unknown = await http().options("/api/foo").expect(500);
    assert.deepEqual(unknown.body, catchAll("No static resource api/foo."));
    assert.equal(unknown.headers["allow"], undefined);
  });

  it("wrong method on a known path → Request method not supported", async () => {
    const res = await api.t
      .http("catalog")
      .patch("/api/albums/1")
      .set("Authorization", api.t.bearer())
      .send({})
      .expect(500);
    assert.deepEqual(res.body, catchAll("Request method 'PATCH' is not supported"));
    assert.deepEqual(
      (await api.put("/api/albums", {}).expect(500)).body,
      catchAll("Request method 'PUT' is not supported"),
    );
  });

  it("malformed JSON → JSON parse error", async () => {
    const res = await api
      .post("/api/albums")
      .set("Content-Type", "application/json")
      .send("{bad")
      .expect(500);
    assert.deepEqual(
      res.body,
      catchAll(
        "JSON parse error: Unexpected character ('b' (code 98)): was expecting double-quote to start field name",
      ),
    );
  });

  it("a JSON array where an object belongs → JSON parse error", async () => {
    const res = await api.post("/api/songs").set("Content-Type", "application/json").send("[]").expect(500);
    assert.deepEqual(
      res.body,
      catchAll(
        "JSON parse error: Cannot deserialize value of type `cz.muni.fi.musiccatalogservice.dto.SongDto` from Array value (token `JsonToken.START_ARRAY`)",
      ),
    );
  });

  it("missing body or literal null → Required request body is missing: <controller method>", async () => {
    const cases: [string, string, string][] = [
      ["POST", "/api/albums", SIGNATURE.createAlbum],
      ["PUT", "/api/albums/1", SIGNATURE.updateAlbum],
      ["POST", "/api/albums/1/songs", SIGNATURE.addSongToAlbum],
      ["POST", "/api/songs", SIGNATURE.createSong],
      ["PUT", "/api/songs/1", SIGNATURE.updateSong],
    ];
    for (const [method, path, signature] of cases) {
      const request = method === "POST" ? api.post(path) : api.put(path);
      const missing = await request.set("Content-Type", "application/json").expect(500);
      assert.deepEqual(missing.body, catchAll(`Required request body is missing: ${signature}`), path);
      const nullBody = await (method === "POST" ? api.post(path) : api.put(path))
        .set("Content-Type", "application/json")
        .send("null")
        .expect(500);
      assert.deepEqual(nullBody.body, catchAll(`Required request body is missing: ${signature}`), path);
    }
  });

  it("a text/plain body → Content-Type not supported, as sent", async () => {
    const res = await api
      .post("/api/songs")
      .set("Content-Type", "text/plain;charset=UTF-8")
      .send('{"name":"x","duration":1,"bandId":1}')
      .expect(500);
    assert.deepEqual(res.body, catchAll("Content-Type 'text/plain;charset=UTF-8' is not supported"));
  });

  it("a non-numeric id → type mismatch; GET /api/albums/band (no id) matches /{id}", async () => {
    assert.deepEqual(
      (await api.delete("/api/songs/abc").expect(500)).body,
      catchAll(
        `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "abc"`,
      ),
    );
    assert.deepEqual(
      (await api.delete("/api/albums/1/songs/x").expect(500)).body,
      catchAll(
        `Method parameter 'songId': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "x"`,
      ),
    );
    assert.deepEqual(
      (await api.get("/api/albums/band").expect(500)).body,
      catchAll(
        `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "band"`,
      ),
    );
    // A blank segment is trimmed by NumberUtils and then refused by Long.valueOf.
    assert.deepEqual(
      (await api.get("/api/albums/%20").expect(500)).body,
      catchAll(
        `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: ""`,
      ),
    );
  });

  it('a "null" string binds as null, so it reaches validation as a 400, not a parse error', async () => {
    const res = await api.post("/api/songs", { name: "x", duration: "null", bandId: "null" }).expect(400);
    assert.deepEqual(res.body, {
      duration: "Song duration must be at least 1 second",
      bandId: "Band ID cannot be null",
    });
  });

  it("binding errors come before validation: a wrong-typed field is a 500, not a 400", async () => {
    const res = await api.post("/api/songs", { name: "x", duration: "long", bandId: 1 }).expect(500);
    assert.deepEqual(
      res.body,
      catchAll(
        'JSON parse error: Cannot deserialize value of type `int` from String "long": not a valid `int` value',
      ),
    );
  });
});
