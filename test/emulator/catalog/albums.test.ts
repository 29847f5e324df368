import assert from "node:assert/strict";
import { catalogApi, catchAll, mc, type CatalogApi } from "./catalog-api.js";

describe("music-catalog: /api/albums (contract §5.3)", () => {
  let api: CatalogApi;
  beforeEach(async () => {
    api = await catalogApi();
  });
  afterEach(() => api.t.emu.close());

  describe("GET /api/albums", () => {
    it("is [] on an empty store", async () => {
      const res = await api.get("/api/albums").expect(200);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, []);
    });

    it("lists every album in id order, each with its current songs", async () => {
      await api.album({ title: "Lonerism", bandId: 1 });
      await api.album({ title: "Veteran", bandId: 2 });
      await api
        .post("/api/albums/2/songs", { name: "Baby I'm Bleeding", duration: 93, bandId: 9 })
        .expect(201);
      const res = await api.get("/api/albums").expect(200);
      assert.deepEqual(res.body, [
        { id: 1, title: "Lonerism", releaseDate: "2015-07-17T00:00:00", bandId: 1, songs: [] },
        {
          id: 2,
          title: "Veteran",
          releaseDate: "2015-07-17T00:00:00",
          bandId: 2,
          songs: [{ id: 1, name: "Baby I'm Bleeding", duration: 93, bandId: 2, albumId: 2 }],
        },
      ]);
    });
  });

  describe("GET /api/albums/{id}", () => {
    it("answers the album", async () => {
      await api.album();
      const res = await api.get("/api/albums/1").expect(200);
      assert.deepEqual(res.body, {
        id: 1,
        title: "Currents",
        releaseDate: "2015-07-17T00:00:00",
        bandId: 1,
        songs: [],
      });
    });

    it("negative id → 400 MC, id 0 → 404 MC (Q21)", async () => {
      assert.deepEqual((await api.get("/api/albums/-1").expect(400)).body, mc(400, "Invalid album ID: -1"));
      assert.deepEqual(
        (await api.get("/api/albums/0").expect(404)).body,
        mc(404, "Album not found with id: 0"),
      );
    });

    it("unknown → 404 MC, printing ids beyond 2^53 exactly", async () => {
      const res = await api.get("/api/albums/9007199254740993").expect(404);
      assert.deepEqual(res.body, mc(404, "Album not found with id: 9007199254740993"));
    });

    it("non-numeric → catch-all 500 (§1.7)", async () => {
      const res = await api.get("/api/albums/abc").expect(500);
      assert.deepEqual(
        res.body,
        catchAll(
          `Method parameter 'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "abc"`,
        ),
      );
    });
  });

  describe("GET /api/albums/band/{bandId}", () => {
    it("answers that band's albums, [] for a band without any", async () => {
      await api.album({ title: "A", bandId: 7 });
      await api.album({ title: "B", bandId: 8 });
      await api.album({ title: "C", bandId: 7 });
      const res = await api.get("/api/albums/band/7").expect(200);
      assert.deepEqual(
        res.body.map((a: { id: number; title: string }) => [a.id, a.title]),
        [
          [1, "A"],
          [3, "C"],
        ],
      );
      assert.deepEqual((await api.get("/api/albums/band/9").expect(200)).body, []);
    });

    it("negative band id → 400 MC", async () => {
      const res = await api.get("/api/albums/band/-3").expect(400);
      assert.deepEqual(res.body, mc(400, "Invalid band ID: -3"));
    });
  });

  describe("POST /api/albums", () => {
    it("answers 201 with songs [] and ignores the body's songs (§9 L17)", async () => {
      const res = await api
        .post("/api/albums", {
          title: "Dark Side of the Moon",
          releaseDate: "1973-03-01T00:00:00",
          bandId: 42,
          songs: [{ name: "Money", duration: 382, bandId: 42 }],
        })
        .expect(201);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, {
        id: 1,
        title: "Dark Side of the Moon",
        releaseDate: "1973-03-01T00:00:00",
        bandId: 42,
        songs: [],
      });
      assert.deepEqual((await api.get("/api/songs").expect(200)).body, []);
    });

    it("an empty object → 400 MC-VAL with the three messages", async () => {
      const res = await api.post("/api/albums", {}).expect(400);
      assert.equal(res.headers["content-type"], "application/json");
      assert.deepEqual(res.body, {
        title: "Album title cannot be blank",
        releaseDate: "Release date cannot be null",
        bandId: "Band ID cannot be null",
      });
    });

    it("a future release date → 400 MC-VAL; now itself is present", async () => {
      const future = await api
        .post("/api/albums", { title: "Soon", releaseDate: "2025-06-01T12:00:01", bandId: 1 })
        .expect(400);
      assert.deepEqual(future.body, { releaseDate: "Release date must be in the past or present" });
      const present = await api
        .post("/api/albums", { title: "Now", releaseDate: "2025-06-01T12:00:00", bandId: 1 })
        .expect(201);
      assert.equal(present.body.releaseDate, "2025-06-01T12:00:00");
    });

    it("writes LocalDateTime like Jackson: seconds always, fraction only if non-zero, Z stripped (§1.2)", async () => {
      const cases: [string, string][] = [
        ["2024-03-01T10:00", "2024-03-01T10:00:00"],
        ["2024-03-01T10:00:00.500", "2024-03-01T10:00:00.5"],
        ["2024-03-01T10:00:00.000", "2024-03-01T10:00:00"],
        ["2024-03-01T10:00:00Z", "2024-03-01T10:00:00"],
      ];
      for (const [sent, written] of cases) {
        const album = await api.album({ releaseDate: sent });
        assert.equal(album.releaseDate, written, sent);
      }
    });

    it("a date-only release date is a JSON parse error → 500 (§1.2)", async () => {
      const res = await api
        .post("/api/albums", { title: "X", releaseDate: "2024-03-01", bandId: 1 })
        .expect(500);
      assert.deepEqual(
        res.body,
        catchAll(
          "JSON parse error: Cannot deserialize value of type `java.time.LocalDateTime` from String \"2024-03-01\": Failed to deserialize java.time.LocalDateTime: (java.time.format.DateTimeParseException) Text '2024-03-01' could not be parsed at index 10",
        ),
      );
    });

    it("takes the release date as Jackson's array form too; [] is null (§1.2)", async () => {
      const cases: [unknown, string][] = [
        [[2024, 3, 1, 10, 0], "2024-03-01T10:00:00"],
        [[2024, 3, 1, 10, 0, 5], "2024-03-01T10:00:05"],
        [[2024, 3, 1, 10, 0, 5, 500], "2024-03-01T10:00:05.5"],
        [[2024, 3, 1, 10, 0, 5, 123456], "2024-03-01T10:00:05.000123456"],
      ];
      for (const [sent, written] of cases) {
        const album = await api.album({ releaseDate: sent });
        assert.equal(album.releaseDate, written, JSON.stringify(sent));
      }
      const res = await api.post("/api/albums", { title: "X", releaseDate: [], bandId: 1 }).expect(400);
      assert.deepEqual(res.body, { releaseDate: "Release date cannot be null" });
    });

    it("refuses other shapes of release date with LocalDateTimeDeserializer's messages → 500", async () => {
      const cases: [unknown, string][] = [
        [
          1709287200000,
          "raw timestamp (1709287200000) not allowed for `java.time.LocalDateTime`: need additional information such as an offset or time-zone (see class Javadocs)",
        ],
        [true, "Expected array or string."],
        [["2024-03-01T10:00"], "Unexpected token (VALUE_STRING) within Array, expected VALUE_NUMBER_INT"],
        [[2024, 13, 1, 10, 0], "Invalid value for MonthOfYear (valid values 1 - 12): 13"],
        [[2024, "3", 1, 10, 0], "Invalid value for MonthOfYear (valid values 1 - 12): -1"],
        [[2023, 2, 29, 10, 0], "Invalid date 'February 29' as '2023' is not a leap year"],
        [
          [2024, 3, 1, 10, 0, 5, 1, 2],
          "Unexpected token (VALUE_NUMBER_INT), expected END_ARRAY: Expected array to end",
        ],
      ];
      for (const [releaseDate, message] of cases) {
        const res = await api.post("/api/albums", { title: "X", releaseDate, bandId: 1 }).expect(500);
        assert.deepEqual(res.body, catchAll(`JSON parse error: ${message}`), JSON.stringify(releaseDate));
      }
    });

    it("a title over 255 characters passes validation and fails at insert → 500 MC (§5.2)", async () => {
      const title = "t".repeat(256);
      const res = await api
        .post("/api/albums", { title, releaseDate: "2020-01-01T00:00:00", bandId: 1 })
        .expect(500);
      const sql = "insert into album (band_id,release_date,title,id) values (?,?,?,default)";
      assert.deepEqual(
        res.body,
        catchAll(
          `could not execute statement [Value too long for column "TITLE CHARACTER VARYING(255)": "'${"t".repeat(127)}... (256)"; SQL statement:\n${sql} [22001-232]] [${sql}]; SQL [${sql}]`,
        ),
      );
      assert.deepEqual((await api.get("/api/albums").expect(200)).body, []);
      // 255 characters fit.
      await api.album({ title: "t".repeat(255) });
    });
  });

  describe("PUT /api/albums/{id}", () => {
    it("overwrites title, release date and band; songs untouched; body id ignored", async () => {
      await api.album();
      await api.post("/api/albums/1/songs", { name: "Eventually", duration: 319, bandId: 1 }).expect(201);
      const res = await api
        .put("/api/albums/1", {
          id: 99,
          title: "Currents (Deluxe)",
          releaseDate: "2016-01-01T08:30:00",
          bandId: 2,
        })
        .expect(200);
      assert.deepEqual(res.body, {
        id: 1,
        title: "Currents (Deluxe)",
        releaseDate: "2016-01-01T08:30:00",
        bandId: 2,
        songs: [{ id: 1, name: "Eventually", duration: 319, bandId: 1, albumId: 1 }],
      });
      assert.deepEqual((await api.get("/api/albums/band/2").expect(200)).body, [res.body]);
      assert.deepEqual((await api.get("/api/albums/band/1").expect(200)).body, []);
    });

    it("validation wins over a negative or unknown id (§1.6)", async () => {
      assert.deepEqual((await api.put("/api/albums/-1", { title: "" }).expect(400)).body, {
        title: "Album title cannot be blank",
        releaseDate: "Release date cannot be null",
        bandId: "Band ID cannot be null",
      });
      assert.deepEqual((await api.put("/api/albums/5", { bandId: 1, title: "x" }).expect(400)).body, {
        releaseDate: "Release date cannot be null",
      });
    });

    it("negative id → 400 MC, unknown → 404 MC", async () => {
      const body = { title: "x", releaseDate: "2020-01-01T00:00:00", bandId: 1 };
      assert.deepEqual(
        (await api.put("/api/albums/-2", body).expect(400)).body,
        mc(400, "Invalid album ID: -2"),
      );
      assert.deepEqual(
        (await api.put("/api/albums/5", body).expect(404)).body,
        mc(404, "Album not found with id: 5"),
      );
    });

    it("a title over 255 characters → 500 MC at update, nothing changes", async () => {
      await api.album();
      const title = "u".repeat(300);
      const res = await api
        .put("/api/albums/1", { title, releaseDate: "2020-01-01T00:00:00", bandId: 1 })
        .expect(500);
      const sql = "update album set band_id=?,release_date=?,title=? where id=?";
      assert.deepEqual(
        res.body,
        catchAll(
          `could not execute statement [Value too long for column "TITLE CHARACTER VARYING(255)": "'${"u".repeat(127)}... (300)"; SQL statement:\n${sql} [22001-232]] [${sql}]; SQL [${sql}]`,
        ),
      );
      assert.equal((await api.get("/api/albums/1").expect(200)).body.title, "Currents");
    });
  });

  describe("DELETE /api/albums/{id}", () => {
    it("answers 204 without a body and deletes the album's songs too (Q17)", async () => {
      await api.album();
      await api
        .post("/api/albums/1/songs", { name: "Yes I'm Changing", duration: 270, bandId: 1 })
        .expect(201);
      const single = await api.song({ name: "Single" });
      const res = await api.delete("/api/albums/1").expect(204);
      assert.equal(res.text, "");
      assert.equal(res.headers["content-type"], undefined);
      assert.deepEqual(
        (await api.get("/api/albums/1").expect(404)).body,
        mc(404, "Album not found with id: 1"),
      );
      assert.deepEqual((await api.get("/api/songs").expect(200)).body, [single]);
    });

    it("negative id → 400 MC, unknown → 404 MC", async () => {
      assert.deepEqual(
        (await api.delete("/api/albums/-1").expect(400)).body,
        mc(400, "Invalid album ID: -1"),
      );
      assert.deepEqual(
        (await api.delete("/api/albums/3").expect(404)).body,
        mc(404, "Album not found with id: 3"),
      );
    });
  });
});
