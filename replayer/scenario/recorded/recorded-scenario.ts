import type { RecordedExchange } from "../../../common/recording/index.js";
import type { Scenario } from "../../engine/scenario.js";
import { IdMap, nameFor, type CompareTally, type ReplaySchedule } from "../../recording/index.js";
import { isServiceName } from "../../services.js";
import type { RouteName } from "../../stats/stats-collector.js";
import { RecordedUser, type RecordedPlay } from "./recorded-user.js";

export interface RecordedScenarioOptions {
  readonly schedule: ReplaySchedule;
  /** The target's token, for the requests recorded with a bearer. */
  readonly token: string;
  readonly compare: CompareTally | null;
  /** Days between the recording and the replay (shift-dates.ts). */
  readonly shiftDays: number;
}

/**
 * Recorded traffic as a scenario for the scripted model: one virtual user per session instance
 * of the schedule, named by the route table (`/api/bands/{id} [GET]`) like generated traffic,
 * so both land under the same names in the statistics.
 */
export function recordedScenario(options: RecordedScenarioOptions): Scenario {
  const { schedule } = options;
  const routes = new Map<RecordedExchange, RouteName>();
  const byName = new Map<string, RouteName>();
  for (const instance of schedule.instances)
    for (const exchange of instance.session.exchanges) {
      if (routes.has(exchange)) continue;
      // Token fetches were taken out when the recording was loaded: every service here is one of the four.
      if (!isServiceName(exchange.service)) throw new Error(`no replay for ${exchange.service} exchanges`);
      const name = nameFor(exchange.service, exchange.method, exchange.path);
      let route = byName.get(name);
      if (!route) byName.set(name, (route = { name, method: exchange.method, service: exchange.service }));
      routes.set(exchange, route);
    }
  const shared = new Map<string, IdMap>();
  const play: RecordedPlay = {
    schedule,
    token: options.token,
    compare: options.compare,
    shiftDays: options.shiftDays,
    routeOf: (exchange) => routes.get(exchange) as RouteName,
    sharedIds(copy, pass) {
      const key = `${copy}/${pass}`;
      let ids = shared.get(key);
      if (!ids) shared.set(key, (ids = new IdMap()));
      return ids;
    },
  };
  return {
    routes: [...byName.values()],
    createUser(index) {
      const instance = schedule.instances[index];
      if (!instance) throw new RangeError(`the schedule has no session instance ${index}`);
      return new RecordedUser(instance, play);
    },
  };
}
