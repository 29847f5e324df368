import { monotonicClock, type Clock } from "../../../replayer/engine/clock.js";
import { HttpClient } from "../../../replayer/engine/http-client.js";
import type { LoadModel } from "../../../replayer/engine/models.js";
import type { StopReason } from "../../../replayer/engine/run-window.js";
import { startRun, type RunController } from "../../../replayer/engine/run.js";
import type { Reply, Scenario, Sender } from "../../../replayer/engine/scenario.js";
import type { RouteName } from "../../../replayer/stats/stats-collector.js";
import { sameUrlForAll } from "./servers.js";

export const PROBE: RouteName = { name: "/probe [GET]", method: "GET", service: "bands" };

/** Every iteration sends GET /probe and hands the reply to `onReply`; counts the users it created. */
export function probeScenario(
  onReply: (reply: Reply<unknown>) => void = () => undefined,
): Scenario & { created: number } {
  const scenario = {
    created: 0,
    routes: [PROBE],
    createUser() {
      scenario.created += 1;
      return {
        async iterate(sender: Sender) {
          onReply(await sender.send({ route: PROBE, path: "/probe" }));
          return true;
        },
      };
    },
  };
  return scenario;
}

export interface EngineRun {
  model: LoadModel;
  runTimeMs: number;
  timeoutMs?: number;
  clock?: Clock;
  stoppedBefore?: StopReason;
}

export function runAgainst(url: string, scenario: Scenario, options: EngineRun): RunController {
  const timeoutMs = options.timeoutMs ?? 2000;
  return startRun({
    model: options.model,
    runTimeMs: options.runTimeMs,
    timeoutMs,
    scenario,
    http: new HttpClient(sameUrlForAll(url), { timeoutMs, headers: { authorization: "Bearer test" } }),
    clock: options.clock ?? monotonicClock,
    think: () => 0,
    stoppedBefore: options.stoppedBefore,
  });
}
