import { Agent, request } from "undici";
import { failureReason } from "../engine/failure-reason.js";

export type GetResult = { ok: true; status: number; body: string } | { ok: false; reason: string };

/** One GET outside the measured run (token, pre-flight), with its own short-lived agent. */
export async function httpGet(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<GetResult> {
  const agent = new Agent({ connect: { timeout: timeoutMs } });
  try {
    const response = await request(url, {
      method: "GET",
      headers,
      dispatcher: agent,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    return { ok: true, status: response.statusCode, body: await response.body.text() };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  } finally {
    await agent.close().catch(() => undefined);
  }
}

/** Reads `accessToken` from a `/token` answer (api-contract §2). */
export async function fetchToken(
  url: string,
  timeoutMs: number,
): Promise<{ token: string } | { problem: string }> {
  const answer = await httpGet(url, { accept: "application/json" }, timeoutMs);
  if (!answer.ok) return { problem: `GET ${url}: ${answer.reason}` };
  if (answer.status < 200 || answer.status >= 300) return { problem: `GET ${url} answered ${answer.status}` };
  try {
    const token = (JSON.parse(answer.body) as { accessToken?: unknown }).accessToken;
    if (typeof token === "string" && token.length > 0) return { token };
  } catch {
    // handled below
  }
  return { problem: `GET ${url} answered no accessToken` };
}
