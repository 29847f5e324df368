/**
 * "A request applies all of its changes or none": a write answered with an error must leave its
 * service's tables as they were. The tables are read through the control plane before and after
 * the request. Fields the offer saga changes asynchronously (an artist's band ids, a band's
 * members, an offer's status) are left out, since the saga may run between the two reads.
 */
import type { StoreData } from "../../../emulator/core/store/store.js";
import type { RawResponse } from "../../helpers/raw-http.js";
import { takesJson } from "./checks.js";
import type { Mutable } from "./mutate-request.js";

const TABLES: Readonly<Record<string, readonly string[]>> = {
  users: ["users"],
  bands: ["bands", "band_offers"],
  catalog: ["albums", "songs"],
  tours: ["tours", "cityVisits"],
};

const SAGA_FIELDS = new Set(["bandIds", "members", "status"]);

export async function storeOf(adminUrl: string): Promise<StoreData> {
  const response = await fetch(`${adminUrl}/admin/store`);
  if (response.status !== 200) throw new Error(`GET /admin/store answered ${response.status}`);
  return (await response.json()) as StoreData;
}

function tablesOf(data: StoreData, service: string): string {
  const picked = (TABLES[service] ?? []).map((table) => data.tables[table] ?? []);
  return JSON.stringify(picked, (key, value: unknown) => (SAGA_FIELDS.has(key) ? undefined : value));
}

/** §6.3: a successful city-visit delete answers 404 with an empty body. */
function deletedCityVisit(draft: Mutable, res: RawResponse): boolean {
  return draft.method === "DELETE" && res.status === 404 && res.body.length === 0;
}

/**
 * An `aroundWrite` hook for the fuzzer that compares a service's tables around every
 * `1 / rate`-th write answered with an error.
 */
export function nothingHalfApplied(adminUrl: string, rate = 1, random = Math.random) {
  return async (draft: Mutable) => {
    // A client that refuses JSON gets its error after the handler ran: the change stays (§1.7).
    if (random() >= rate || !TABLES[draft.service] || !takesJson(draft.accept)) return async () => undefined;
    const before = tablesOf(await storeOf(adminUrl), draft.service);
    return async (res: RawResponse) => {
      if (res.status < 400 || deletedCityVisit(draft, res)) return undefined;
      const after = tablesOf(await storeOf(adminUrl), draft.service);
      return after === before ? undefined : `a ${res.status} answer changed ${draft.service}'s tables`;
    };
  };
}
