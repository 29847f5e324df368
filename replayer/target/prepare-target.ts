import type { TargetConfig } from "../config/replay-config.js";
import { TargetUnreachableError } from "../errors.js";
import type { ServiceUrls } from "../services.js";
import { startEmbeddedEmulator } from "./embedded-emulator.js";
import { fetchToken } from "./http-get.js";
import { preflight } from "./preflight.js";

/** What a run needs of its target, whichever it is: base URLs, a token, and a way to let go. */
export interface PreparedTarget {
  readonly urls: ServiceUrls;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * `--target` swaps only this: the embedded emulator's URLs and token, or the given ones. Both are
 * then checked the same way before the run.
 */
export async function prepareTarget(target: TargetConfig, timeoutMs: number): Promise<PreparedTarget> {
  if (target.kind === "real") {
    const token =
      target.token.kind === "value" ? target.token.value : await tokenFrom(target.token.url, timeoutMs);
    const problem = await preflight(target.urls, token, timeoutMs);
    if (problem) throw new TargetUnreachableError(problem);
    return { urls: target.urls, token, close: async () => undefined };
  }
  const emulator = await startEmbeddedEmulator({ fixtures: target.fixtures });
  try {
    const token = await tokenFrom(`${emulator.authUrl}/token`, timeoutMs);
    const problem = await preflight(emulator.urls, token, timeoutMs);
    if (problem) throw new TargetUnreachableError(problem);
    return { urls: emulator.urls, token, close: () => emulator.stop() };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

async function tokenFrom(url: string, timeoutMs: number): Promise<string> {
  const answer = await fetchToken(url, timeoutMs);
  if ("problem" in answer) throw new TargetUnreachableError(`no token: ${answer.problem}`);
  return answer.token;
}
