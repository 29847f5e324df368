/**
 * Real listeners for tests that need a real socket: the apps on free ports of 127.0.0.1, through
 * the same Listeners class `emu start` uses.
 */
import type { RequestListener } from "node:http";
import { Listeners, type ListenerOptions } from "../../emulator/bin/listeners.js";

export async function serve(
  apps: Record<string, unknown>,
  options: ListenerOptions = {},
): Promise<Listeners> {
  const listeners = new Listeners("127.0.0.1", options);
  for (const [name, app] of Object.entries(apps)) listeners.add(name, app as RequestListener, 0);
  await listeners.startAll();
  return listeners;
}
