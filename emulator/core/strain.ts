/**
 * The hook through which latency and faults reach every service: one pure decision per request,
 * taken at arrival, applied when the answer is written (pipeline.ts). The policy itself — which
 * distribution, which fault, how often — lives in emulator/strain/.
 */
export type Fault =
  | { kind: "status"; status: number }
  | { kind: "reset" }
  | { kind: "hang" }
  | { kind: "slow"; bytesPerSecond: number }
  | { kind: "truncate" };

export interface StrainPlan {
  delayMs: number;
  fault?: Fault;
}

export interface RouteKey {
  service: string;
  method: string;
  /** The route pattern (`/api/bands/{id}`), or undefined when no route matches. */
  route: string | undefined;
}

export interface Strain {
  /** Called once per request at arrival; undefined means "answer as fast as you can". */
  plan(key: RouteKey): StrainPlan | undefined;
  /** Requests currently being served per service (for load-dependent latency). */
  enter?(service: string): void;
  leave?(service: string): void;
}

export const noStrain: Strain = { plan: () => undefined };
