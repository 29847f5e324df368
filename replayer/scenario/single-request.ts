import type { Scenario, Sender, VirtualUser } from "../engine/scenario.js";
import type { ServiceName } from "../services.js";
import type { RouteName } from "../stats/stats-collector.js";

export interface SingleRequestOptions {
  readonly service: ServiceName;
  readonly method: string;
  /** The concrete path, which is also the name in the statistics (with the method). */
  readonly path: string;
  readonly json?: unknown;
}

/**
 * The smallest scenario: every iteration sends the same request. It measures the engine itself
 * (one name, as a benchmark against another load generator needs) without any domain logic.
 */
export function singleRequestScenario(options: SingleRequestOptions): Scenario {
  const route: RouteName = {
    name: `${options.path} [${options.method}]`,
    method: options.method,
    service: options.service,
  };
  const spec = { route, path: options.path, json: options.json };
  const user: VirtualUser = {
    async iterate(sender: Sender): Promise<boolean> {
      await sender.send(spec);
      return true;
    },
  };
  return { routes: [route], createUser: () => user };
}
