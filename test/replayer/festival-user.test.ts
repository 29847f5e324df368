import assert from "node:assert/strict";
import { invitablePairs } from "../../replayer/scenario/festival/offer-tasks.js";
import { DataGenerator, utcDatePlusDays } from "../../replayer/scenario/festival/data-generator.js";
import { FESTIVAL_TASKS, festivalScenario } from "../../replayer/scenario/festival/festival-scenario.js";
import { FestivalUser } from "../../replayer/scenario/festival/festival-user.js";
import { OfferRegistry } from "../../replayer/scenario/festival/offer-registry.js";
import { pickTask, type Task } from "../../replayer/scenario/festival/task.js";
import {
  RECENT_BANDS,
  RECENT_PEOPLE,
  VuState,
  type BandState,
} from "../../replayer/scenario/festival/vu-state.js";
import { createRng, type Rng } from "../../replayer/scenario/rng.js";
import {
  okAnswers,
  ScriptedSender,
  type ScriptedAnswer,
  type SentRequest,
} from "./helpers/scripted-sender.js";

const NOW = Date.UTC(2025, 0, 31, 23, 59, 59);

function user(tasks: readonly Task[] = FESTIVAL_TASKS, offers = new OfferRegistry(), seed = 7): FestivalUser {
  const rng = createRng(seed, 0);
  return new FestivalUser(tasks, rng, new DataGenerator(rng, "run1", 0, () => NOW), offers);
}

function only(title: string): Task[] {
  const task = FESTIVAL_TASKS.find((candidate) => candidate.title === title);
  assert.ok(task, title);
  return [task];
}

/** A user past its start-up: manager 101, artists 102 and 103, band 104 managed by 101. */
async function startedUser(tasks: readonly Task[], offers = new OfferRegistry()): Promise<FestivalUser> {
  const vu = user(tasks, offers);
  await vu.iterate(new ScriptedSender(okAnswers()));
  assert.ok(vu.state.started);
  return vu;
}

const fixedRng = (...values: number[]): Rng => ({ next: () => values.shift() ?? 0 });

describe("festival virtual user", () => {
  it("sends every request with its own token when it has one (one person, one token)", async () => {
    const rng = createRng(7, 0);
    const vu = new FestivalUser(
      FESTIVAL_TASKS,
      rng,
      new DataGenerator(rng, "run1", 0, () => NOW),
      new OfferRegistry(),
      "tok-7",
    );
    const sender = new ScriptedSender(okAnswers());
    await vu.iterate(sender);
    const [manager, , , band] = sender.sent;
    assert.deepEqual(manager?.headers, {
      authorization: "Bearer tok-7",
      accept: "application/json",
      "content-type": "application/json",
    });
    assert.deepEqual(band?.headers, { authorization: "Bearer tok-7", accept: "application/json" });
    const scenario = festivalScenario({
      seed: 1,
      runId: "r",
      tags: null,
      calendar: () => NOW,
      tokens: ["a", "b"],
    });
    const third = scenario.createUser(2);
    const thirdSender = new ScriptedSender(okAnswers());
    await third.iterate(thirdSender);
    assert.equal(thirdSender.sent[0]?.headers?.authorization, "Bearer a", "round-robin over the tokens");
    await user().iterate(thirdSender);
    assert.equal(thirdSender.sent.at(-1)?.headers, undefined, "no token of its own: the client's defaults");
  });

  it("starts by registering one manager and two artists and creating a band managed by that manager", async () => {
    const sender = new ScriptedSender(okAnswers());
    const vu = user();
    assert.equal(await vu.iterate(sender), true);
    assert.deepEqual(
      sender.sent.map((request) => request.name),
      ["/api/managers [POST]", "/api/artists [POST]", "/api/artists [POST]", "/api/bands [POST]"],
    );
    const [manager, artist] = sender.sent.map((request) => request.json as Record<string, string>);
    assert.match(manager?.username ?? "", /^mgr_run10x1[0-9a-z]{3}$/);
    assert.match(artist?.email ?? "", /^art\.run10x2[0-9a-z]{3}@festival\.example$/);
    assert.ok((manager?.password ?? "").length > 0 && (manager?.password ?? "").length <= 72);
    const band = new URL(`http://x${sender.sent[3]?.path}`).searchParams;
    assert.equal(band.get("managerId"), "101");
    assert.match(band.get("name") ?? "", / run10x4[0-9a-z]{3}$/);
    assert.deepEqual(vu.state.managers, [101]);
    assert.deepEqual(vu.state.artists, [102, 103]);
    assert.deepEqual(
      vu.state.bands.map((b) => [b.id, b.managerId]),
      [[104, 101]],
    );
  });

  it("takes up a failed start-up step again on the next iteration", async () => {
    const vu = user();
    const down = new ScriptedSender(() => null);
    await vu.iterate(down);
    assert.deepEqual(
      down.sent.map((request) => request.name),
      ["/api/managers [POST]"],
    );
    const halfway = new ScriptedSender((request) =>
      request.name === "/api/bands [POST]" ? { status: 500 } : okAnswers()(request),
    );
    await vu.iterate(halfway);
    assert.deepEqual(vu.state.managers.length + vu.state.artists.length + vu.state.bands.length, 3);
    const up = new ScriptedSender(okAnswers());
    await vu.iterate(up);
    assert.deepEqual(
      up.sent.map((request) => request.name),
      ["/api/bands [POST]"],
    );
    assert.ok(vu.state.started);
  });

  it("runs the start-up steps whatever the tags, and sends nothing when no selected task is ready", async () => {
    const vu = user(only("view a tour"));
    vu.state.managers.push(1);
    vu.state.artists.push(2, 3);
    const sender = new ScriptedSender(okAnswers());
    // No band yet: the start-up creates it although "bands" is not a selected tag.
    assert.equal(await vu.iterate(sender), true);
    assert.deepEqual(
      sender.sent.map((request) => request.name),
      ["/api/bands [POST]"],
    );
    // "view a tour" needs a tour the user made; it has none, so nothing is sent.
    assert.equal(await vu.iterate(sender), false);
    assert.equal(sender.sent.length, 1);
  });

  it("invites with the band's real manager, after checking the swapped duplicate", async () => {
    const vu = await startedUser(only("invite an artist"));
    vu.state.managers.push(999);
    const sender = new ScriptedSender(okAnswers());
    await vu.iterate(sender);
    const [check, offer] = sender.sent;
    assert.match(check?.path ?? "", /^\/api\/bands\/offers\/byBand\/10[23]$/);
    const musician = check?.path.split("/").pop();
    assert.equal(
      offer?.path,
      `/api/bands/offers?bandId=104&invitedMusicianId=${musician}&offeringManagerId=101`,
    );
    assert.deepEqual(
      vu.state.pending.map((o) => [o.bandId, o.artistId]),
      [[104, Number(musician)]],
    );
  });

  it("does not invite when the offers of the band numbered like the musician hold the swapped PENDING offer", async () => {
    const vu = await startedUser(only("invite an artist"));
    const answers = okAnswers();
    const sender = new ScriptedSender((request): ScriptedAnswer => {
      if (request.name.startsWith("/api/bands/offers/byBand")) {
        return {
          status: 200,
          body: [
            { id: 9, bandId: 102, invitedMusicianId: 104, status: "PENDING" },
            { id: 8, invitedMusicianId: 104, status: "REJECTED" },
          ],
        };
      }
      return answers(request);
    });
    // Which artist is picked depends on the seed; answer the clash only for one and retry until it is hit.
    for (let i = 0; i < 20 && !sender.sent.some((r) => r.path === "/api/bands/offers/byBand/102"); i++)
      await vu.iterate(sender);
    const posted = sender.sent.filter((request) => request.name === "/api/bands/offers [POST]");
    assert.ok(posted.every((request) => !request.path.includes("invitedMusicianId=102")));
  });

  it("never invites into a swapped clash another user of the run reserved", async () => {
    const offers = new OfferRegistry();
    const vu = await startedUser(only("invite an artist"), offers);
    offers.reserve(102, 104); // someone's offer: band 102, musician 104
    assert.deepEqual(
      invitablePairs(vu.state, offers).map((pair) => pair.artistId),
      [103],
    );
    offers.reserve(103, 104);
    assert.equal(only("invite an artist")[0]?.ready(vu.state, offers), false);
    offers.release(103, 104);
    assert.deepEqual(
      invitablePairs(vu.state, offers).map((pair) => pair.artistId),
      [103],
    );
  });

  it("after an accept (200, still PENDING) treats the membership as unknown and never answers again", async () => {
    const offers = new OfferRegistry();
    const vu = await startedUser(only("answer an offer"), offers);
    vu.state.offerMade(104, 102, 50);
    offers.reserve(104, 102);
    const direct = new ScriptedSender(() => ({ status: 200, body: { id: 50, status: "PENDING" } }));
    const task = only("answer an offer")[0] as Task;
    await task.run({
      state: vu.state,
      data: new DataGenerator(createRng(1), "r", 0, () => NOW),
      rng: fixedRng(0, 0.1),
      offers,
      sender: direct,
    });
    assert.deepEqual(
      direct.sent.map((r) => r.path),
      ["/api/bands/offers/50/accept"],
    );
    assert.deepEqual(vu.state.pending, []);
    assert.equal(vu.state.hasOpenOffer(104, 102), true, "an accepted offer may still be PENDING");
    assert.equal(offers.blocks(102, 104), false, "released: the offers' GET shows it while the saga runs");
    assert.equal(vu.state.membership(vu.state.bands[0]!, 102), "unknown");
    assert.equal(task.ready(vu.state, offers), false);
    const tasks = FESTIVAL_TASKS.filter((t) =>
      ["add a member", "remove a member", "invite an artist"].includes(t.title),
    );
    const pairsTouched = new Set<string>();
    const spy = new ScriptedSender(okAnswers());
    for (let i = 0; i < 30; i++) {
      const picked = pickTask(tasks, vu.state, offers, createRng(i));
      if (!picked) break;
      await picked.run({
        state: vu.state,
        data: new DataGenerator(createRng(i), "r", 0, () => NOW),
        rng: createRng(i),
        offers,
        sender: spy,
      });
    }
    for (const request of spy.sent) {
      if (request.name.includes("members") || request.name === "/api/bands/offers [POST]") {
        pairsTouched.add(request.path);
        assert.ok(
          !request.path.includes("/members/102") && !request.path.includes("invitedMusicianId=102"),
          request.path,
        );
      }
    }
    assert.ok(pairsTouched.size > 0);
  });

  it("rejects with 201 and frees the reservation", async () => {
    const offers = new OfferRegistry();
    const vu = await startedUser(only("answer an offer"), offers);
    vu.state.offerMade(104, 103, 60);
    offers.reserve(104, 103);
    assert.equal(offers.blocks(103, 104), true);
    const sender = new ScriptedSender(() => ({ status: 201, body: { id: 60, status: "REJECTED" } }));
    const task = only("answer an offer")[0] as Task;
    await task.run({
      state: vu.state,
      data: new DataGenerator(createRng(1), "r", 0, () => NOW),
      rng: fixedRng(0, 0.9),
      offers,
      sender,
    });
    assert.deepEqual(
      sender.sent.map((r) => r.path),
      ["/api/bands/offers/60/reject"],
    );
    assert.deepEqual(vu.state.pending, []);
    assert.equal(vu.state.hasOpenOffer(104, 103), false);
    assert.equal(offers.blocks(103, 104), false);
  });

  it("updates a band with the full body and forgets its present members (the PATCH clears them)", async () => {
    const vu = await startedUser(only("update a band"));
    const band = vu.state.bands[0]!;
    band.members.set(102, "present");
    band.members.set(103, "unknown");
    const sender = new ScriptedSender(() => ({ status: 200, body: { id: 104 } }));
    await vu.iterate(sender);
    assert.equal(sender.sent[0]?.path, "/api/bands/104");
    assert.deepEqual(Object.keys(sender.sent[0]?.json as object).sort(), [
      "logoUrl",
      "managerId",
      "musicalStyle",
      "name",
    ]);
    assert.equal((sender.sent[0]?.json as { managerId: number }).managerId, 101);
    assert.equal(vu.state.membership(band, 102), "absent");
    assert.equal(vu.state.membership(band, 103), "unknown");
  });

  it("adds only absent members and removes only present ones", async () => {
    const vu = await startedUser(only("add a member").concat(only("remove a member")));
    const sender = new ScriptedSender(okAnswers());
    for (let i = 0; i < 40; i++) await vu.iterate(sender);
    const seen = new Map<string, "in" | "out">();
    for (const request of sender.sent) {
      const key = request.path;
      if (request.method === "PATCH") {
        assert.notEqual(seen.get(key), "in", `added twice: ${key}`);
        seen.set(key, "in");
      } else {
        assert.equal(seen.get(key), "in", `removed while absent: ${key}`);
        seen.set(key, "out");
      }
    }
    assert.equal(sender.sent.length, 40);
  });

  it("schedules tours 30–60 days ahead as YYYY-MM-DD and releases albums in the past", async () => {
    const vu = await startedUser(
      FESTIVAL_TASKS.filter((task) => task.tag === "tours" || task.tag === "albums"),
    );
    const sender = new ScriptedSender(okAnswers());
    for (let i = 0; i < 60; i++) await vu.iterate(sender);
    const earliest = utcDatePlusDays(NOW, 30);
    const latest = utcDatePlusDays(NOW, 60);
    assert.equal(earliest, "2025-03-02");
    const visits = sender.sent.flatMap((request: SentRequest) => {
      if (request.name === "/api/tours [POST]") {
        const tour = request.json as { cityVisits: { dateFrom: string; dateTo: string }[]; bandId: number };
        assert.ok(tour.cityVisits.length >= 3 && tour.cityVisits.length <= 6);
        assert.equal(tour.bandId, 104);
        return tour.cityVisits;
      }
      if (request.name === "/api/tours/{id}/city-visit [POST]")
        return [request.json as { dateFrom: string; dateTo: string }];
      if (request.name === "/api/albums [POST]") {
        const { releaseDate } = request.json as { releaseDate: string };
        assert.match(releaseDate, /^20(0\d|1\d|2[0-4])-\d\d-\d\dT\d\d:\d\d:00$/);
      }
      return [];
    });
    assert.ok(visits.length > 0);
    for (const visit of visits) {
      assert.match(visit.dateFrom, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(
        visit.dateFrom >= earliest && visit.dateTo <= latest && visit.dateFrom <= visit.dateTo,
        JSON.stringify(visit),
      );
    }
  });

  it("adds songs with a name, a duration of at least a second and a band, half of them into an album", async () => {
    const vu = await startedUser(only("add a song (half of them into an album)"));
    vu.state.albums.push({ id: 77, bandId: 104 });
    const sender = new ScriptedSender(okAnswers());
    for (let i = 0; i < 200; i++) await vu.iterate(sender);
    const songs = sender.sent.map(
      (request) => request.json as { name: string; duration: number; bandId: number; albumId?: number },
    );
    assert.ok(songs.every((song) => song.name.length > 0 && song.duration >= 1 && song.bandId === 104));
    const inAlbum = songs.filter((song) => song.albumId === 77).length;
    assert.ok(inAlbum > 70 && inAlbum < 130, String(inAlbum));
  });
});

describe("virtual user state", () => {
  it("keeps only the most recent people and bands, dropping what belonged to the ones it lets go", () => {
    const offers = new OfferRegistry();
    const state = new VuState(offers);
    for (let id = 1; id <= RECENT_BANDS; id++) {
      state.addBand({
        id: 1000 + id,
        name: `b${id}`,
        musicalStyle: "Folk",
        managerId: 1,
        members: new Map(),
      });
    }
    for (let id = 1; id <= 10; id++) state.addArtist(id);
    assert.deepEqual(state.artists, [5, 6, 7, 8, 9, 10]);
    const oldest = state.bands[0] as BandState;
    oldest.members.set(5, "present");
    state.offerMade(1001, 6, 77);
    offers.reserve(1001, 6);
    state.addArtist(11); // lets artist 5 go: its memberships with it
    assert.equal(oldest.members.has(5), false);
    state.addBand({ id: 2000, name: "new", musicalStyle: "Jazz", managerId: 1, members: new Map() });
    assert.deepEqual(state.bands.map((band) => band.id).slice(0, 1), [1002]);
    assert.equal(state.bands.length, RECENT_BANDS);
    assert.deepEqual(state.pending, [], "the offer of the band let go is forgotten");
    assert.equal(offers.blocks(6, 1001), false, "and its reservation released");
    assert.equal(state.pairs("absent").length, RECENT_BANDS * RECENT_PEOPLE);
  });
});

describe("picking a task", () => {
  const state = new VuState(new OfferRegistry());
  const always = (title: string, weight: number): Task => ({
    tag: "bands",
    title,
    weight,
    ready: () => true,
    run: async () => undefined,
  });
  const never: Task = {
    tag: "bands",
    title: "never",
    weight: 5,
    ready: () => false,
    run: async () => undefined,
  };
  const tasks = [always("a", 1), never, always("b", 2), always("c", 1)];
  const cases: [number, string][] = [
    [0, "a"],
    [0.2499, "a"],
    [0.25, "b"],
    [0.7499, "b"],
    [0.75, "c"],
    [0.9999, "c"],
  ];
  for (const [draw, expected] of cases) {
    it(`draw ${draw} of weights a1 b2 c1 (and one not ready) → ${expected}`, () => {
      assert.equal(pickTask(tasks, state, new OfferRegistry(), fixedRng(draw))?.title, expected);
    });
  }
  it("picks nothing when no task is ready", () => {
    assert.equal(pickTask([never], state, new OfferRegistry(), fixedRng(0.5)), undefined);
  });
  it("keeps only the tasks of the selected tags", () => {
    const scenario = festivalScenario({
      seed: 1,
      runId: "r",
      tags: ["albums", "songs"],
      calendar: () => NOW,
    });
    assert.equal(scenario.routes.length, 30);
    const titles = FESTIVAL_TASKS.filter((task) => task.tag === "albums" || task.tag === "songs").map(
      (task) => task.title,
    );
    assert.deepEqual(titles, [
      "release an album",
      "view the albums of a band",
      "add a song (half of them into an album)",
      "view the songs of a band",
    ]);
  });
  it("has the weights of festival-scenario.md", () => {
    const byTag = (tag: string) =>
      FESTIVAL_TASKS.filter((task) => task.tag === tag).reduce((sum, task) => sum + task.weight, 0);
    assert.deepEqual(
      [byTag("users"), byTag("bands"), byTag("tours"), byTag("albums"), byTag("songs")],
      [9, 11, 5, 3, 3],
    );
  });
});
