/**
 * Hostile tokens over real HTTP, against each resource service of the built CLI (contract §1.5).
 * The emulator signs with a key this test made (`--token-key`), so the test can also sign tokens
 * that are valid but odd. Every token that is not active gets 401 with "Provided token isn't
 * active" — on a scoped GET, on a permitAll path and on a write alike (a parseable bearer exempts
 * a write from CSRF, so the 401 comes before any 403); a validly signed token whose `scope` is
 * not a string is authenticated with no authorities: 403 insufficient_scope where a scope is
 * needed, and the ordinary answer where none is.
 */
import assert from "node:assert/strict";
import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type JsonWebKey,
  type KeyObject,
} from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jwt from "jsonwebtoken";
import { startEmu, stop, type Ready, type Spawned } from "../helpers/cli.js";
import { CHALLENGES } from "./fuzz/checks.js";

const ISSUER = "http://tokens.soundcheck.test";

interface Probe {
  method: string;
  path: string;
  body?: unknown;
}

/** Per service: a GET that needs a scope, a write that needs one, and a write that needs none. */
const PROBES: Record<string, { scoped: Probe; write: Probe; open: Probe; openAnswer: unknown }> = {
  users: {
    scoped: { method: "GET", path: "/api/artists" },
    write: {
      method: "POST",
      path: "/api/managers",
      body: { username: "m", email: "m@x.org", password: "p" },
    },
    open: { method: "POST", path: "/api/artists/1" },
    openAnswer: { status: 405, error: "Method Not Allowed", path: "/api/artists/1" },
  },
  bands: {
    scoped: { method: "GET", path: "/api/bands" },
    write: { method: "POST", path: "/api/bands?name=Hostile&musicalStyle=Noise&managerId=4" },
    open: { method: "PATCH", path: "/api/bands/999", body: {} },
    openAnswer: {
      type: "about:blank",
      title: "Band not found",
      status: 404,
      detail: "Band with id 999 was not found",
      instance: "/api/bands/999",
    },
  },
  catalog: {
    scoped: { method: "GET", path: "/api/albums" },
    write: {
      method: "POST",
      path: "/api/albums",
      body: { title: "t", releaseDate: "2024-01-01T00:00:00", bandId: 1 },
    },
    open: { method: "POST", path: "/api/albums/999/songs", body: { name: "s", duration: 60, bandId: 1 } },
    openAnswer: { status: 404, message: "Album not found with id: 999" },
  },
  tours: {
    scoped: { method: "GET", path: "/api/tours" },
    write: { method: "POST", path: "/api/tours", body: { bandId: 1, tourName: "t" } },
    open: { method: "GET", path: "/actuator/health/ping" },
    openAnswer: { status: "UP" },
  },
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("hostile tokens over HTTP (contract §1.5)", function () {
  this.timeout(30_000);
  let emu: Spawned & { ready: Ready };
  let folder: string;
  let key: KeyObject;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    sub: "hostile",
    scope: "test_1 test_2 test_3",
    iat: now(),
    exp: now() + 600,
    iss: ISSUER,
    jti: randomBytes(8).toString("hex"),
    client_id: "soundcheck",
    ...extra,
  });
  const sign = (payload: object, with_: KeyObject = key) => jwt.sign(payload, with_, { algorithm: "RS256" });

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), "soundcheck-tokens-"));
    key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const pem = join(folder, "key.pem");
    await writeFile(pem, key.export({ type: "pkcs8", format: "pem" }));
    emu = await startEmu(["--quiet", "--token-key", pem, "--token-issuer", ISSUER]);
  });
  after(async () => {
    await stop(emu);
    await rm(folder, { recursive: true, force: true });
  });

  async function send(service: string, probe: Probe, token: string) {
    const response = await fetch(`${emu.ready.urls[service]}${probe.path}`, {
      method: probe.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(probe.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
    });
    return {
      status: response.status,
      challenge: response.headers.get("www-authenticate"),
      body: await response.text(),
    };
  }

  /** Tokens no introspection would call active, each built as an attacker would. */
  async function inactiveTokens(): Promise<Record<string, string>> {
    const jwks = (await (await fetch(`${emu.ready.urls.auth}/.well-known/jwks.json`)).json()) as {
      keys: JsonWebKey[];
    };
    const publicPem = createPublicKey({ key: jwks.keys[0] as JsonWebKey, format: "jwk" }).export({
      type: "spki",
      format: "pem",
    });
    const good = sign(claims());
    const [header, payload, signature] = good.split(".") as [string, string, string];
    const hs = `${b64({ alg: "HS256", typ: "JWT" })}.${payload}`;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    return {
      "alg: none": `${b64({ alg: "none", typ: "JWT" })}.${payload}.`,
      "HS256 signed with the public key": `${hs}.${createHmac("sha256", publicPem).update(hs).digest("base64url")}`,
      expired: sign(claims({ iat: now() - 3600, exp: now() - 60 })),
      "not yet valid": sign(claims({ nbf: now() + 60 })),
      "another issuer": sign(claims({ iss: "https://id.muni.cz/oidc/" })),
      "another key": sign(claims(), other),
      "a tampered payload": `${header}.${b64({ ...claims(), sub: "admin" })}.${signature}`,
      "a changed signature bit": `${good.slice(0, -1)}${alphabet[alphabet.indexOf(good.at(-1) as string) ^ 0b1111]}`,
      "no exp": sign(Object.fromEntries(Object.entries(claims()).filter(([name]) => name !== "exp"))),
      "a 10 kB token of token characters": `${"A".repeat(5000)}.${"b".repeat(5000)}`,
      "a 10 kB token signed with another key": sign(claims({ padding: "p".repeat(7000) }), other),
    };
  }

  it("the test's own key signs tokens the services accept (so the refusals below are the tokens')", async () => {
    for (const [service, probes] of Object.entries(PROBES)) {
      const answer = await send(service, probes.scoped, sign(claims()));
      assert.equal(answer.status, 200, `${service}: ${answer.body}`);
    }
  });

  for (const service of Object.keys(PROBES)) {
    it(`${service}: every inactive token → 401 "Provided token isn't active", empty body, on any route`, async () => {
      const probes = PROBES[service]!;
      for (const [name, token] of Object.entries(await inactiveTokens())) {
        for (const probe of [probes.scoped, probes.write, probes.open]) {
          const answer = await send(service, probe, token);
          assert.deepEqual(
            answer,
            { status: 401, challenge: CHALLENGES.inactive, body: "" },
            `${name}: ${probe.method} ${probe.path}`,
          );
        }
      }
    });

    it(`${service}: a validly signed token whose scope is not a string → 403 insufficient_scope where a scope is needed`, async () => {
      const probes = PROBES[service]!;
      for (const scope of [["test_1", "test_2", "test_3"], 7, { test_1: true }, null]) {
        const token = sign(claims({ scope }));
        for (const probe of [probes.scoped, probes.write]) {
          const answer = await send(service, probe, token);
          assert.deepEqual(
            answer,
            { status: 403, challenge: CHALLENGES.insufficientScope, body: "" },
            JSON.stringify(scope),
          );
        }
        const open = await send(service, probes.open, token);
        assert.equal(open.challenge, null);
        const body = JSON.parse(open.body) as Record<string, unknown>;
        delete body.timestamp;
        assert.deepEqual(body, probes.openAnswer);
      }
    });

    it(`${service}: a 10 kB bearer of illegal characters is malformed: 401 on a GET, the CSRF 403 on a write`, async () => {
      const probes = PROBES[service]!;
      const token = "a!".repeat(5000);
      assert.deepEqual(await send(service, probes.scoped, token), {
        status: 401,
        challenge: CHALLENGES.malformed,
        body: "",
      });
      const write = await send(service, probes.write, token);
      assert.equal(write.status, 403);
      assert.equal(write.challenge, null);
      const body = JSON.parse(write.body) as Record<string, unknown>;
      assert.deepEqual(
        { ...body, timestamp: undefined },
        { timestamp: undefined, status: 403, error: "Forbidden", path: probes.write.path.split("?")[0] },
      );
    });
  }
});
