import assert from "node:assert/strict";
import { setTimeout as delay } from "node:timers/promises";
import { startEmu, stop, type Spawned } from "../../helpers/cli.js";

describe("end to end over HTTP: manager → band → artist → offer → accept → saga", () => {
  let emu: Spawned | undefined;
  afterEach(async () => {
    if (emu) assert.equal(await stop(emu), 0);
    emu = undefined;
  });

  it("links the artist and adds the member once the saga has run", async () => {
    const started = await startEmu(["--quiet", "--fixtures", "none"]);
    emu = started;
    const { urls } = started.ready;
    const { accessToken } = (await (await fetch(`${urls.auth}/token`)).json()) as { accessToken: string };
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${accessToken}`,
          ...(body ? { "Content-Type": "application/json" } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };

    const manager = await call("POST", `${urls.users}/api/managers`, {
      username: "manager",
      email: "manager@label.com",
      password: "secret",
    });
    assert.equal(manager.status, 201);
    const band = await call(
      "POST",
      `${urls.bands}/api/bands?name=Band&musicalStyle=Rock&managerId=${manager.body.id}`,
    );
    assert.equal(band.status, 201);
    const artist = await call("POST", `${urls.users}/api/artists`, {
      username: "artist",
      email: "artist@band.com",
      password: "secret",
    });
    assert.equal(artist.status, 200);
    const offer = await call(
      "POST",
      `${urls.bands}/api/bands/offers?bandId=${band.body.id}&invitedMusicianId=${artist.body.id}&offeringManagerId=${manager.body.id}`,
    );
    assert.equal(offer.status, 201);
    const accepted = await call("POST", `${urls.bands}/api/bands/offers/${offer.body.id}/accept`);
    assert.deepEqual([accepted.status, accepted.body.status], [200, "PENDING"]);

    let status = "PENDING";
    for (let attempt = 0; attempt < 50 && status !== "ACCEPTED"; attempt++) {
      await delay(20);
      status = (await call("GET", `${urls.bands}/api/bands/offers/${offer.body.id}`)).body.status;
    }
    assert.equal(status, "ACCEPTED");
    assert.deepEqual((await call("GET", `${urls.users}/api/artists/${artist.body.id}`)).body.bandIds, [
      band.body.id,
    ]);
    assert.deepEqual((await call("GET", `${urls.bands}/api/bands/${band.body.id}`)).body, {
      id: band.body.id,
      name: "Band",
      musicalStyle: "Rock",
      logo: null,
      managerId: manager.body.id,
      members: [artist.body.id],
    });
  });
});
