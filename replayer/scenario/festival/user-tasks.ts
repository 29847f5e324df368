import { pick } from "../rng.js";
import { query, readId, ROUTES } from "./routes.js";
import type { Task, TaskContext } from "./task.js";

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

export const USER_TASKS: readonly Task[] = [
  { tag: "users", title: "register a manager", weight: 1, ready: () => true, run: registerManager },
  { tag: "users", title: "register an artist", weight: 1, ready: () => true, run: registerArtist },
  {
    tag: "users",
    title: "list artists",
    weight: 1,
    ready: () => true,
    run: async ({ sender }) => void (await sender.send({ route: ROUTES.listArtists, path: "/api/artists" })),
  },
  {
    tag: "users",
    title: "list managers",
    weight: 1,
    ready: () => true,
    run: async ({ sender }) =>
      void (await sender.send({ route: ROUTES.listManagers, path: "/api/managers" })),
  },
  {
    tag: "users",
    title: "view an artist",
    weight: 1,
    ready: (state) => state.artists.length > 0,
    run: async ({ sender, state, rng }) =>
      void (await sender.send({
        route: ROUTES.viewArtist,
        path: `/api/artists/${pick(rng, state.artists)}`,
      })),
  },
  {
    tag: "users",
    title: "view a manager",
    weight: 1,
    ready: (state) => state.managers.length > 0,
    run: async ({ sender, state, rng }) =>
      void (await sender.send({
        route: ROUTES.viewManager,
        path: `/api/managers/${pick(rng, state.managers)}`,
      })),
  },
  {
    tag: "users",
    title: "update an artist profile",
    weight: 1,
    ready: (state) => state.artists.length > 0,
    run: async ({ sender, state, rng, data }) =>
      void (await sender.send({
        route: ROUTES.updateArtist,
        path: `/api/artists/${pick(rng, state.artists)}`,
        json: data.artistUpdate(),
      })),
  },
  {
    tag: "users",
    title: "update a manager profile",
    weight: 1,
    ready: (state) => state.managers.length > 0,
    run: async ({ sender, state, rng, data }) =>
      void (await sender.send({
        route: ROUTES.updateManager,
        path: `/api/managers/${pick(rng, state.managers)}`,
        json: data.managerUpdate(),
      })),
  },
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
