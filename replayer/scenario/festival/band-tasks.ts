import { pick } from "../rng.js";
import { query, readId, ROUTES } from "./routes.js";
import { oneRequest, type Task, type TaskContext } from "./task.js";
import type { VuState } from "./vu-state.js";

/** Creates a band managed by one of the user's managers (band creation takes query parameters). */
export async function createBand({ sender, data, state, rng }: TaskContext): Promise<boolean> {
  const name = data.bandName();
  const musicalStyle = data.musicalStyle();
  const managerId = pick(rng, state.managers);
  const reply = await sender.send({
    route: ROUTES.createBand,
    path: `/api/bands?${query({ name, musicalStyle, managerId })}`,
    read: readId,
  });
  if (reply.ok) state.addBand({ id: reply.value, name, musicalStyle, managerId, members: new Map() });
  return reply.ok;
}

async function updateBand({ sender, state, data, rng }: TaskContext): Promise<void> {
  const band = pick(rng, state.bands);
  const musicalStyle = data.musicalStyle();
  // The PATCH is a full overwrite: every field must be sent (a missing one is stored as null).
  const reply = await sender.send({
    route: ROUTES.updateBand,
    path: `/api/bands/${band.id}`,
    json: { name: band.name, musicalStyle, logoUrl: data.logoUrl(), managerId: band.managerId },
  });
  if (reply.ok) band.musicalStyle = musicalStyle;
  // It also clears the members; a saga still under way may add one back, so unknown stays unknown.
  const after = reply.ok ? "absent" : reply.status === null ? "unknown" : null;
  if (after === null) return;
  for (const [artistId, membership] of band.members) {
    if (membership === "present") band.members.set(artistId, after);
  }
}

async function addMember({ sender, state, rng }: TaskContext): Promise<void> {
  const { band, artistId } = pick(rng, state.pairs("absent"));
  const reply = await sender.send({
    route: ROUTES.addMember,
    path: `/api/bands/${band.id}/members/${artistId}`,
  });
  band.members.set(artistId, reply.ok ? "present" : "unknown");
}

async function removeMember({ sender, state, rng }: TaskContext): Promise<void> {
  const { band, artistId } = pick(rng, state.pairs("present"));
  const reply = await sender.send({
    route: ROUTES.removeMember,
    path: `/api/bands/${band.id}/members/${artistId}`,
  });
  band.members.set(artistId, reply.ok ? "absent" : "unknown");
}

const hasBand = (state: VuState): boolean => state.bands.length > 0;

export const BAND_TASKS: readonly Task[] = [
  oneRequest(
    "bands",
    "list bands",
    2,
    () => true,
    ROUTES.listBands,
    () => ({ path: "/api/bands" }),
  ),
  {
    tag: "bands",
    title: "create a band",
    weight: 1,
    ready: (state) => state.managers.length > 0,
    run: createBand,
  },
  oneRequest("bands", "view a band", 2, hasBand, ROUTES.viewBand, ({ state, rng }) => ({
    path: `/api/bands/${pick(rng, state.bands).id}`,
  })),
  { tag: "bands", title: "update a band", weight: 1, ready: hasBand, run: updateBand },
  {
    tag: "bands",
    title: "add a member",
    weight: 1,
    ready: (state) => state.pairs("absent").length > 0,
    run: addMember,
  },
  {
    tag: "bands",
    title: "remove a member",
    weight: 1,
    ready: (state) => state.pairs("present").length > 0,
    run: removeMember,
  },
];
