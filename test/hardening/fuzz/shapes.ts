/**
 * What kind of answer a response is, by its body alone (contract §1.4): BOOT, PD, MC/TS
 * `{status,message}`, a validation map, TS-IAE `{error}`, the control plane's `{error[,problems]}`,
 * the token service's OAuth error, Boot's Whitelabel page, an empty body, or something else.
 */
import type { RawResponse } from "../../helpers/raw-http.js";

export type Shape =
  | "empty"
  | "boot"
  | "whitelabel"
  | "problem"
  | "message"
  | "fieldMap"
  | "errorOnly"
  | "adminError"
  | "oauthError"
  | "json"
  | "html"
  | "text"
  | "badJson";

export interface Classified {
  shape: Shape;
  json?: Record<string, unknown>;
}

const sameKeys = (keys: string[], expected: string[]) =>
  keys.length === expected.length && keys.every((key, i) => key === expected[i]);

function isJsonType(contentType: string): boolean {
  return /^application\/([\w.+-]+\+)?json\b|^application\/vnd\.spring-boot\.actuator\.v3\+json/.test(
    contentType,
  );
}

export function classify(res: RawResponse): Classified {
  if (res.body.length === 0) return { shape: "empty" };
  const contentType = (res.headers["content-type"] ?? "").toLowerCase();
  const text = res.body.toString("utf8");
  if (contentType.startsWith("text/html"))
    return { shape: text.includes("<h1>Whitelabel Error Page</h1>") ? "whitelabel" : "html" };
  if (!isJsonType(contentType)) return { shape: "text" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { shape: "badJson" };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { shape: "json" };
  const json = parsed as Record<string, unknown>;
  const keys = Object.keys(json);
  if (
    contentType.startsWith("application/problem+json") &&
    sameKeys(keys.slice(0, 5), ["type", "title", "status", "detail", "instance"])
  )
    return { shape: "problem", json };
  if (sameKeys(keys, ["timestamp", "status", "error", "path"])) return { shape: "boot", json };
  if (sameKeys(keys, ["status", "message"])) return { shape: "message", json };
  if (sameKeys(keys, ["error"])) return { shape: "errorOnly", json };
  if (sameKeys(keys, ["error", "problems"])) return { shape: "adminError", json };
  if (sameKeys(keys, ["error", "error_description"])) return { shape: "oauthError", json };
  if (res.status === 400 && keys.length > 0 && keys.every((key) => typeof json[key] === "string"))
    return { shape: "fieldMap", json };
  return { shape: "json", json };
}

/** Text that only a leaked exception would put in a body. */
const LEAKS = [
  /\bat [\w$.<>]+ \(.*:\d+:\d+\)/,
  /\bat (file|node):/,
  /node:internal/,
  /\/dist\/|\.(js|ts):\d+:\d+/,
  /\b(Type|Range|Reference|Syntax|URI|Eval)?Error: /,
  /Cannot read propert|is not a function|is not iterable|Maximum call stack|Invalid time value|undefined is not/,
];

export function leak(body: Buffer): string | undefined {
  const text = body.toString("utf8");
  const found = LEAKS.find((pattern) => pattern.test(text));
  return found ? `the body leaks an exception (${found}): ${text.slice(0, 300)}` : undefined;
}
