/**
 * One exchange with the emulator, kept as the bytes it answered: the bare reference server
 * replays exactly these, so both are measured with the same status, headers and body.
 */
import { request } from "node:http";
import type { CapturedResponse } from "./jobs.js";

/** Node adds these to every response by itself, on the emulator and on the bare server alike. */
const ADDED_BY_NODE = new Set(["date", "connection", "keep-alive"]);

export function capture(
  url: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body?: string,
): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = res.rawHeaders;
        const kept: [string, string][] = [];
        for (let i = 0; i < raw.length; i += 2) {
          const name = raw[i] as string;
          if (!ADDED_BY_NODE.has(name.toLowerCase())) kept.push([name, raw[i + 1] as string]);
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: kept,
          bodyBase64: Buffer.concat(chunks).toString("base64"),
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
