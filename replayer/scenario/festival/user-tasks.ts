import { pick } from "../rng.js";
import { query, readId, ROUTES } from "./routes.js";
import { oneRequest, type Task, type TaskContext } from "./task.js";
import type { VuState } from "./vu-state.js";

export async function registerManager({ sender, data, state }: TaskContext): Promise<boolean> {
  const reply = await sender.send({
    route: ROUTES.registerManager,
    path: "/api/managers",
    json: data.manager(),
    read: readId,
  });
  if (reply.ok) state.addManager(reply.value);
  return reply.ok;
}

/** Artists need scope test_3 and answer 200, not 201 (api-contract §3.3). */
export async function registerArtist({ sender, data, state }: TaskContext): Promise<boolean> {
  const reply = await sender.send({
    route: ROUTES.registerArtist,
    path: "/api/artists",
    json: data.artist(),
    read: readId,
  });
  if (reply.ok) state.addArtist(reply.value);
  return reply.ok;
}

const always = (): boolean => true;
const hasArtist = (state: VuState): boolean => state.artists.length > 0;
const hasManager = (state: VuState): boolean => state.managers.length > 0;

export const USER_TASKS: readonly Task[] = [
  { tag: "users", title: "register a manager", weight: 1, ready: always, run: registerManager },
  { tag: "users", title: "register an artist", weight: 1, ready: always, run: registerArtist },
  oneRequest("users", "list artists", 1, always, ROUTES.listArtists, () => ({ path: "/api/artists" })),
  oneRequest("users", "list managers", 1, always, ROUTES.listManagers, () => ({ path: "/api/managers" })),
  oneRequest("users", "view an artist", 1, hasArtist, ROUTES.viewArtist, ({ state, rng }) => ({
    path: `/api/artists/${pick(rng, state.artists)}`,
  })),
  oneRequest("users", "view a manager", 1, hasManager, ROUTES.viewManager, ({ state, rng }) => ({
    path: `/api/managers/${pick(rng, state.managers)}`,
  })),
  oneRequest(
    "users",
    "update an artist profile",
    1,
    hasArtist,
    ROUTES.updateArtist,
    ({ state, rng, data }) => ({
      path: `/api/artists/${pick(rng, state.artists)}`,
      json: data.artistUpdate(),
    }),
  ),
  oneRequest(
    "users",
    "update a manager profile",
    1,
    hasManager,
    ROUTES.updateManager,
    ({ state, rng, data }) => ({
      path: `/api/managers/${pick(rng, state.managers)}`,
      json: data.managerUpdate(),
    }),
  ),
  {
    tag: "users",
    title: "find artists / managers of bands",
    weight: 1,
    ready: (state) => state.bands.length > 0,
    run: async ({ sender, state, rng }) => {
      const bandIds = [...new Set(state.bands.slice(0, 3).map(() => pick(rng, state.bands).id))].join(",");
      const artists = rng.next() < 0.5;
      await sender.send({
        route: artists ? ROUTES.artistsOfBands : ROUTES.managersOfBands,
        path: `${artists ? "/api/artists/bands" : "/api/managers/bands"}?${query({ bandIds })}`,
      });
    },
  },
];
