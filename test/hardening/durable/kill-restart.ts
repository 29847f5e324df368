/**
 * One round of "kill -9 under load, start again on the same file, count what survived", shared by
 * the test and the soak run.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { StoreData } from "../../../emulator/core/store/store.js";
import { startEmu, type Ready, type Spawned } from "../../helpers/cli.js";
import { checkInvariants, countersGoBack } from "../../helpers/store-invariants.js";
import { startWriteLoad, untilAcknowledged, type Acknowledged } from "./write-load.js";

export type Emu = Spawned & { ready: Ready };

export async function tokenOf(emu: Emu): Promise<string> {
  const response = await fetch(`${emu.ready.urls.auth}/token`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function storeOf(emu: Emu): Promise<StoreData> {
  return (await (await fetch(`${emu.ready.urls.admin}/admin/store`)).json()) as StoreData;
}

/** Every acknowledged entity is served again, with what was sent. */
export async function assertAllThere(
  emu: Emu,
  token: string,
  acknowledged: readonly Acknowledged[],
): Promise<void> {
  const missing: string[] = [];
  for (const ack of acknowledged) {
    const path = ack.kind === "manager" ? `/api/managers/${ack.id}` : `/api/bands/${ack.id}`;
    const response = await fetch(`${emu.ready.urls[ack.kind === "manager" ? "users" : "bands"]}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { username?: string; name?: string };
    if (response.status !== 200 || (body.username ?? body.name) !== ack.name)
      missing.push(`${ack.kind} ${ack.id} ${ack.name}`);
  }
  assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged writes lost`);
}

export interface RoundResult {
  acknowledged: number;
  slowestMs: number;
  counters: Record<string, number>;
}

/**
 * Start on `file`, write with `workers` until `acknowledgedBeforeKill` answers came, SIGKILL,
 * start again, check. Returns the counters after the restart for the next round to compare.
 */
export async function killRound(
  file: string,
  round: number,
  acknowledgedBeforeKill: number,
  workers: number,
  previousCounters: Record<string, number>,
): Promise<RoundResult> {
  const first = await startEmu(["--quiet", "--data", file]);
  const load = startWriteLoad(first.ready.urls, await tokenOf(first), workers, `round${round}`);
  try {
    await untilAcknowledged(load, acknowledgedBeforeKill, 20_000);
  } finally {
    first.child.kill("SIGKILL");
    await first.exited;
    await load.stop();
  }
  const refused = load.failures.filter((failure) => !failure.startsWith("no answer"));
  assert.deepEqual(refused, [], "every write before the kill was answered 201");
  // The file is whole whenever the process died: written to a temp file, then renamed.
  const onDisk = JSON.parse(await readFile(file, "utf8")) as StoreData;
  assert.equal(onDisk.format, 1);

  const second = await startEmu(["--quiet", "--data", file]);
  try {
    const token = await tokenOf(second);
    await assertAllThere(second, token, load.acknowledged);
    const data = await storeOf(second);
    assert.deepEqual(checkInvariants(data), []);
    assert.deepEqual(countersGoBack(previousCounters, data.counters), []);
    const top = (kind: Acknowledged["kind"]) =>
      Math.max(0, ...load.acknowledged.filter((ack) => ack.kind === kind).map((ack) => ack.id));
    assert.ok((data.counters.users ?? 0) >= top("manager"), "users counter below an acknowledged id");
    assert.ok((data.counters.bands ?? 0) >= top("band"), "bands counter below an acknowledged id");
    const slowestMs = Math.max(...load.acknowledged.map((ack) => ack.ms));
    return { acknowledged: load.acknowledged.length, slowestMs, counters: data.counters };
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }
}
