import type { TargetConfig } from "../config/replay-config.js";
import { TargetUnreachableError } from "../errors.js";
import type { ServiceUrls } from "../services.js";
import { startEmbeddedEmulator } from "./embedded-emulator.js";
import { fetchToken } from "./http-get.js";
import { preflight } from "./preflight.js";

/** What a run needs of its target, whichever it is: base URLs, tokens, and a way to let go. */
export interface PreparedTarget {
  readonly urls: ServiceUrls;
  /** The token the pre-flight checked; every request that has no user of its own carries it. */
  readonly token: string;
  /**
   * One token per virtual user where a token service is known (the embedded emulator's, or
   * `--token-url`), so each user is one person to the target, as in festival-scenario.md; the
   * single `--token` otherwise.
   */
  readonly tokens: readonly string[];
  close(): Promise<void>;
}

/** Beyond this many users, users share tokens round-robin (fetching them would only cost time). */
export const MAX_DISTINCT_TOKENS = 200;

/**
 * `--target` swaps only this: the embedded emulator's URLs and token, or the given ones. Both are
 * then checked the same way before the run.
 */
export async function prepareTarget(
  target: TargetConfig,
  timeoutMs: number,
  users = 1,
): Promise<PreparedTarget> {
  if (target.kind === "real") {
    const tokens =
      target.token.kind === "value"
        ? [target.token.value]
        : await tokensFrom(target.token.url, users, timeoutMs);
    const token = tokens[0] as string;
    const problem = await preflight(target.urls, token, timeoutMs);
    if (problem) throw new TargetUnreachableError(problem);
    return { urls: target.urls, token, tokens, close: async () => undefined };
  }
  const emulator = await startEmbeddedEmulator({ fixtures: target.fixtures });
  try {
    const tokens = await tokensFrom(`${emulator.authUrl}/token`, users, timeoutMs);
    const token = tokens[0] as string;
    const problem = await preflight(emulator.urls, token, timeoutMs);
    if (problem) throw new TargetUnreachableError(problem);
    return { urls: emulator.urls, token, tokens, close: () => emulator.stop() };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

/** Tokens for `users` users (at most MAX_DISTINCT_TOKENS), fetched a few at a time. */
async function tokensFrom(url: string, users: number, timeoutMs: number): Promise<string[]> {
  const count = Math.max(1, Math.min(users, MAX_DISTINCT_TOKENS));
  const tokens: string[] = [];
  while (tokens.length < count) {
    const batch = Math.min(10, count - tokens.length);
    tokens.push(...(await Promise.all(Array.from({ length: batch }, () => tokenFrom(url, timeoutMs)))));
  }
  return tokens;
}

async function tokenFrom(url: string, timeoutMs: number): Promise<string> {
  const answer = await fetchToken(url, timeoutMs);
  if ("problem" in answer) throw new TargetUnreachableError(`no token: ${answer.problem}`);
  return answer.token;
}
