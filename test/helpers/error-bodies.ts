/**
 * Exact checks of the error bodies of contract §1.4 that user- and band-service answer.
 */
import assert from "node:assert/strict";
import type { Response } from "supertest";
import { BOOT_TIMESTAMP } from "./emulator.js";

/** Boot's `/error` JSON: exactly the four keys, the reason phrase, the path without its query. */
export function assertBoot(res: Response, status: number, path: string): void {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.equal(res.headers["content-type"], "application/json");
  assert.deepEqual(Object.keys(res.body), ["timestamp", "status", "error", "path"]);
  const reasons: Record<number, string> = {
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    415: "Unsupported Media Type",
    500: "Internal Server Error",
  };
  assert.deepEqual(
    { status: res.body.status, error: res.body.error, path: res.body.path },
    { status, error: reasons[status], path },
  );
  assert.match(res.body.timestamp, BOOT_TIMESTAMP);
}

/** A ProblemDetail, compared whole (user-service adds `errorCode`, band-service nothing). */
export function assertProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  instance: string,
  extra: Record<string, string> = {},
): void {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.equal(res.headers["content-type"], "application/problem+json");
  assert.deepEqual(res.body, { type: "about:blank", title, status, detail, instance, ...extra });
}

/** BCrypt's shape: `$2a$10$`, 22 salt and 31 hash characters of its alphabet (contract §3.2). */
export const BCRYPT_HASH = /^\$2a\$10\$[./A-Za-z0-9]{53}$/;
