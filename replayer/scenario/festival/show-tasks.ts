import { pick } from "../rng.js";
import { readId, ROUTES } from "./routes.js";
import { oneRequest, type Task } from "./task.js";
import type { VuState } from "./vu-state.js";

const hasBand = (state: VuState): boolean => state.bands.length > 0;
const hasTour = (state: VuState): boolean => state.tours.length > 0;

/** Tours, albums and songs: the tour-service and the music catalog. */
export const SHOW_TASKS: readonly Task[] = [
  {
    tag: "tours",
    title: "schedule a tour with 3–6 city visits",
    weight: 1,
    ready: hasBand,
    run: async ({ sender, state, data, rng }) => {
      const reply = await sender.send({
        route: ROUTES.createTour,
        path: "/api/tours",
        json: data.tour(pick(rng, state.bands).id),
        read: readId,
      });
      if (reply.ok) state.addTour(reply.value);
    },
  },
  oneRequest("tours", "view the tours of a band", 2, hasBand, ROUTES.toursOfBand, ({ state, rng }) => ({
    path: `/api/tours/band/${pick(rng, state.bands).id}`,
  })),
  oneRequest("tours", "view a tour", 1, hasTour, ROUTES.viewTour, ({ state, rng }) => ({
    path: `/api/tours/${pick(rng, state.tours)}`,
  })),
  // 201 with an empty body: nothing to read.
  oneRequest("tours", "add a city to a tour", 1, hasTour, ROUTES.addCityVisit, ({ state, rng, data }) => ({
    path: `/api/tours/${pick(rng, state.tours)}/city-visit`,
    json: data.cityVisit(),
  })),
  {
    tag: "albums",
    title: "release an album",
    weight: 1,
    ready: hasBand,
    run: async ({ sender, state, data, rng }) => {
      const bandId = pick(rng, state.bands).id;
      const reply = await sender.send({
        route: ROUTES.createAlbum,
        path: "/api/albums",
        json: data.album(bandId),
        read: readId,
      });
      if (reply.ok) state.addAlbum({ id: reply.value, bandId });
    },
  },
  oneRequest("albums", "view the albums of a band", 2, hasBand, ROUTES.albumsOfBand, ({ state, rng }) => ({
    path: `/api/albums/band/${pick(rng, state.bands).id}`,
  })),
  {
    tag: "songs",
    title: "add a song (half of them into an album)",
    weight: 1,
    ready: hasBand,
    run: async ({ sender, state, data, rng }) => {
      const album = state.albums.length > 0 && rng.next() < 0.5 ? pick(rng, state.albums) : undefined;
      const bandId = album ? album.bandId : pick(rng, state.bands).id;
      await sender.send({
        route: ROUTES.createSong,
        path: "/api/songs",
        json: data.song(bandId, album ? album.id : null),
        read: readId,
      });
    },
  },
  oneRequest("songs", "view the songs of a band", 2, hasBand, ROUTES.songsOfBand, ({ state, rng }) => ({
    path: `/api/songs/band/${pick(rng, state.bands).id}`,
  })),
];
