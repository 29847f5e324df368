import { intBetween, pick, randomToken, type Rng } from "../rng.js";

const FIRST_NAMES = ["Ada", "Björn", "Chiara", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Ines", "Jonas"];
const LAST_NAMES = ["Novak", "Svoboda", "Lindqvist", "Moreau", "Okafor", "Rossi", "Tanaka", "Weber"];
const STYLES = ["Psychedelic Rock", "Hip-Hop", "Electronic", "Jazz Fusion", "Folk", "Metal", "Synthpop"];
const WORDS = ["Midnight", "Velvet", "Echo", "Neon", "Paper", "Static", "Golden", "Hollow", "Crimson"];
const NOUNS = ["Owls", "Circuits", "Tides", "Lanterns", "Engines", "Foxes", "Signals", "Gardens"];
const CITIES = [
  "Prague",
  "Brno",
  "Vienna",
  "Berlin",
  "Kraków",
  "Budapest",
  "Ljubljana",
  "Bratislava",
  "Linz",
];
const SKILLS = ["Singer", "Guitar", "Drums", "Bass", "Keys", "Violin", "Producer"];

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the UTC calendar day `days` after the one `epochMs` falls in. */
export function utcDatePlusDays(epochMs: number, days: number): string {
  const midnight = Math.floor(epochMs / DAY_MS) * DAY_MS;
  return new Date(midnight + days * DAY_MS).toISOString().slice(0, 10);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * Request bodies for one virtual user, from its seeded RNG. Every username, email and band name
 * carries the run id, the user's index and a counter, so they are unique across users and across
 * runs against the same store (the real services reject duplicates), plus a few random
 * characters. City-visit dates are counted from `calendar()` (wall-clock ms, passed in).
 */
export class DataGenerator {
  private counter = 0;

  constructor(
    private readonly rng: Rng,
    private readonly runId: string,
    private readonly userIndex: number,
    private readonly calendar: () => number,
  ) {}

  uniqueSuffix(): string {
    this.counter += 1;
    return `${this.runId}${this.userIndex.toString(36)}x${this.counter.toString(36)}${randomToken(this.rng, 3)}`;
  }

  private person(prefix: string): Record<string, string> {
    const suffix = this.uniqueSuffix();
    return {
      username: `${prefix}_${suffix}`,
      email: `${prefix}.${suffix}@festival.example`,
      firstName: pick(this.rng, FIRST_NAMES),
      lastName: pick(this.rng, LAST_NAMES),
      password: `pw-${randomToken(this.rng, 12)}`,
    };
  }

  manager(): Record<string, string> {
    return { ...this.person("mgr"), companyName: `${pick(this.rng, WORDS)} Management` };
  }

  artist(): Record<string, string> {
    const person = this.person("art");
    return {
      ...person,
      stageName: `${person.firstName} ${pick(this.rng, NOUNS)}`,
      bio: "Plays festivals.",
      skills: pick(this.rng, SKILLS),
    };
  }

  /** A partial update: no username or email, which would collide (500) if they changed. */
  artistUpdate(): Record<string, string> {
    return {
      stageName: `${pick(this.rng, WORDS)} ${pick(this.rng, NOUNS)}`,
      bio: `Touring ${pick(this.rng, CITIES)}.`,
      skills: pick(this.rng, SKILLS),
    };
  }

  managerUpdate(): Record<string, string> {
    return {
      companyName: `${pick(this.rng, WORDS)} ${pick(this.rng, NOUNS)} Agency`,
      firstName: pick(this.rng, FIRST_NAMES),
    };
  }

  bandName(): string {
    return `${pick(this.rng, WORDS)} ${pick(this.rng, NOUNS)} ${this.uniqueSuffix()}`;
  }

  musicalStyle(): string {
    return pick(this.rng, STYLES);
  }

  logoUrl(): string {
    return `https://example.com/logos/${randomToken(this.rng, 8)}.png`;
  }

  /** A city visit 30–60 days ahead (today's date would be rejected as past), as `YYYY-MM-DD`. */
  cityVisit(): { cityName: string; dateFrom: string; dateTo: string } {
    const fromDay = intBetween(this.rng, 30, 57);
    const toDay = fromDay + intBetween(this.rng, 0, 3);
    const now = this.calendar();
    return {
      cityName: pick(this.rng, CITIES),
      dateFrom: utcDatePlusDays(now, fromDay),
      dateTo: utcDatePlusDays(now, toDay),
    };
  }

  tour(bandId: number): {
    bandId: number;
    tourName: string;
    cityVisits: ReturnType<DataGenerator["cityVisit"]>[];
  } {
    const visits = Array.from({ length: intBetween(this.rng, 3, 6) }, () => this.cityVisit());
    return {
      bandId,
      tourName: `${pick(this.rng, WORDS)} Festival Tour ${randomToken(this.rng, 4)}`,
      cityVisits: visits,
    };
  }

  /** An album released in the past, as the catalog's local date-time `2024-03-01T10:00:00`. */
  album(bandId: number): { title: string; releaseDate: string; bandId: number } {
    const date = `${intBetween(this.rng, 2000, 2024)}-${pad(intBetween(this.rng, 1, 12))}-${pad(intBetween(this.rng, 1, 28))}`;
    const time = `${pad(intBetween(this.rng, 0, 23))}:${pad(intBetween(this.rng, 0, 59))}:00`;
    return {
      title: `${pick(this.rng, WORDS)} ${pick(this.rng, NOUNS)}`,
      releaseDate: `${date}T${time}`,
      bandId,
    };
  }

  /** A song of at least one second (a duration of 0 fails validation). */
  song(
    bandId: number,
    albumId: number | null,
  ): { name: string; duration: number; bandId: number; albumId?: number } {
    const song = {
      name: `${pick(this.rng, WORDS)} ${pick(this.rng, NOUNS)}`,
      duration: intBetween(this.rng, 90, 420),
      bandId,
    };
    return albumId === null ? song : { ...song, albumId };
  }
}
