/**
 * The fuzz oracle on answers whose verdict is known: it must pass what the contract allows and
 * catch each kind of wrong answer, or the fuzz test could not fail.
 */
import assert from "node:assert/strict";
import type { RawResponse } from "../helpers/raw-http.js";
import { CHALLENGES, type Sent } from "./fuzz/checks.js";
import type { FuzzService } from "./fuzz/operations.js";
import { judge } from "./fuzz/oracle.js";

const SECURITY = { "x-content-type-options": "nosniff" };
const TIME = "2025-06-01T12:00:00.000+00:00";

function response(status: number, body: unknown, headers: Record<string, string> = {}): RawResponse {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  const type: Record<string, string> =
    body === undefined
      ? {}
      : { "content-type": typeof body === "string" ? "text/plain" : "application/json" };
  return { status, headers: { ...SECURITY, ...type, ...headers }, body: Buffer.from(text), closed: false };
}

const sent = (method: string, rawPath: string, extra: Partial<Sent> = {}): Sent => ({
  method,
  rawPath,
  accept: undefined,
  flawed: false,
  ...extra,
});

const boot = (status: number, error: string, path: string) => ({ timestamp: TIME, status, error, path });
const problem = {
  type: "about:blank",
  title: "Band not found",
  status: 404,
  detail: "Band with id 9 was not found",
  instance: "/api/bands/9",
};

type Case = [string, FuzzService, Sent, RawResponse];

const ALLOWED: Case[] = [
  [
    "a BOOT 400",
    "bands",
    sent("GET", "/api/bands/x"),
    response(400, boot(400, "Bad Request", "/api/bands/x")),
  ],
  [
    "a PD 404",
    "bands",
    sent("GET", "/api/bands/9"),
    response(404, problem, { "content-type": "application/problem+json" }),
  ],
  [
    "a 401 challenge",
    "users",
    sent("GET", "/api/artists"),
    response(401, undefined, { "www-authenticate": CHALLENGES.inactive }),
  ],
  ["the CSRF 403", "tours", sent("POST", "/api/tours"), response(403, boot(403, "Forbidden", "/api/tours"))],
  [
    "a user-service 500 on a create",
    "users",
    sent("POST", "/api/artists"),
    response(500, boot(500, "Internal Server Error", "/api/artists")),
  ],
  [
    "music's catch-all 500",
    "catalog",
    sent("GET", "/api/nope"),
    response(500, { status: 500, message: "An unexpected error occurred: No static resource api/nope." }),
  ],
  [
    "a TS-VAL map",
    "tours",
    sent("POST", "/api/tours"),
    response(400, { tourName: "Tour name cannot be blank" }),
  ],
  ["a successful city-visit delete", "tours", sent("DELETE", "/api/cityVisits/3"), response(404, undefined)],
  [
    "an empty error to a client refusing JSON",
    "bands",
    sent("GET", "/api/bands/9", { accept: "application/xml" }),
    response(404, undefined),
  ],
  [
    "a bare 400 to a request that is not HTTP",
    "users",
    sent("FOO", "/x", { flawed: true }),
    { status: 400, headers: {}, body: Buffer.alloc(0), closed: true },
  ],
  ["an admin 400", "admin", sent("PUT", "/admin/strain"), response(400, { error: "bad", problems: ["x"] })],
  [
    "an admin 403 to a change from another web page",
    "admin",
    sent("POST", "/admin/reset", { crossOrigin: true }),
    response(403, { error: "requests from other web pages are refused (Origin: http://evil.example)" }),
  ],
];

const CAUGHT: [string, Case, RegExp][] = [
  [
    "a stack trace",
    ["", "users", sent("GET", "/api/artists"), response(400, "TypeError: x\n    at f (/app/dist/a.js:1:2)")],
    /leaks an exception/,
  ],
  [
    "a JS error message in a catch-all",
    [
      "",
      "tours",
      sent("POST", "/api/tours"),
      response(500, { status: 500, message: "An unexpected error occurred: Invalid time value" }),
    ],
    /leaks/,
  ],
  [
    "a catch-all of an unknown kind",
    [
      "",
      "catalog",
      sent("POST", "/api/albums"),
      response(500, { status: 500, message: "An unexpected error occurred: boom" }),
    ],
    /unknown kind/,
  ],
  [
    "a 500 from band-service on a GET",
    ["", "bands", sent("GET", "/api/bands"), response(500, boot(500, "Internal Server Error", "/api/bands"))],
    /no unhandled exception/,
  ],
  [
    "BOOT with another path",
    ["", "users", sent("GET", "/api/artists/x"), response(400, boot(400, "Bad Request", "/api/artists"))],
    /BOOT path/,
  ],
  [
    "BOOT with the wrong status",
    ["", "users", sent("GET", "/x"), response(404, boot(400, "Bad Request", "/x"))],
    /BOOT status/,
  ],
  [
    "a ProblemDetail from music-catalog",
    [
      "",
      "catalog",
      sent("GET", "/api/albums/9"),
      response(404, problem, { "content-type": "application/problem+json" }),
    ],
    /catalog answered 404 with a problem/,
  ],
  [
    "a user-service PD without errorCode",
    [
      "",
      "users",
      sent("GET", "/api/bands/9"),
      response(404, problem, { "content-type": "application/problem+json" }),
    ],
    /extras/,
  ],
  [
    "a 401 without the challenge",
    ["", "bands", sent("GET", "/api/bands"), response(401, undefined)],
    /WWW-Authenticate/,
  ],
  [
    "an empty 404 to a JSON client",
    ["", "bands", sent("GET", "/api/bands/9"), response(404, undefined)],
    /empty body/,
  ],
  [
    "an admin 403 to a request without a foreign Origin",
    ["", "admin", sent("POST", "/admin/reset"), response(403, { error: "refused" })],
    /control plane answered 403/,
  ],
  [
    "a 5xx from the control plane",
    ["", "admin", sent("GET", "/admin/store"), response(500, { error: "internal error" })],
    /control plane answered 500/,
  ],
  [
    "an answer without the security headers",
    [
      "",
      "tours",
      sent("GET", "/api/tours"),
      { ...response(200, []), headers: { "content-type": "application/json" } },
    ],
    /Security headers/,
  ],
  [
    "a bare 400 to a well-formed request",
    [
      "",
      "tours",
      sent("GET", "/api/tours"),
      { status: 400, headers: {}, body: Buffer.alloc(0), closed: true },
    ],
    /Security headers/,
  ],
  [
    "a JSON type with a body that is not JSON",
    [
      "",
      "bands",
      sent("GET", "/api/bands"),
      { ...response(200, "[1,"), headers: { ...SECURITY, "content-type": "application/json" } },
    ],
    /not JSON/,
  ],
];

describe("fuzz oracle", () => {
  for (const [title, service, request, res] of ALLOWED)
    it(`passes ${title}`, () => assert.equal(judge(service, request, res), undefined));
  for (const [title, [, service, request, res], expected] of CAUGHT)
    it(`catches ${title}`, () => assert.match(judge(service, request, res) ?? "(passed)", expected));
});
