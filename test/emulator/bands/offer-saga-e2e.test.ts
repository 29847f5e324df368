import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { packageRoot } from "../../../emulator/package-root.js";

type Urls = Record<"auth" | "users" | "bands", string>;

/** Starts the built CLI on free ports and resolves with the URLs of its ready line. */
async function startCli(): Promise<{ child: ChildProcess; urls: Urls }> {
  const cli = join(packageRoot(), "dist", "emulator", "bin", "emu.js");
  const child = spawn(
    process.execPath,
    [cli, "start", "--port", "0", "--json", "--quiet", "--fixtures", "none"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`emu exited with ${code} before it was ready`);
  });
  const ready = (async () => {
    for await (const line of lines) {
      const event = JSON.parse(line) as { event: string; urls: Urls };
      if (event.event === "ready") return event.urls;
    }
    throw new Error("emu closed its output before it was ready");
  })();
  const urls = await Promise.race([ready, exited]);
  exited.catch(() => {});
  return { child, urls };
}

describe("end to end over HTTP: manager → band → artist → offer → accept → saga", () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exit = once(child, "exit");
      child.kill("SIGTERM");
      await exit;
    }
  });

  it("links the artist and adds the member once the saga has run", async () => {
    const started = await startCli();
    child = started.child;
    const { urls } = started;
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
