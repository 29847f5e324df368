/**
 * A concurrent write load that remembers what was acknowledged: managers and bands created by
 * `workers` loops over keep-alive connections, until told to stop or the process dies. Each 2xx
 * answer is a promise that the entity is on disk (with `--data`).
 */
import { Agent, request } from "undici";

export interface Acknowledged {
  kind: "manager" | "band";
  id: number;
  name: string;
  /** How long the answer took, from sending to its last byte. */
  ms: number;
}

export interface WriteLoad {
  acknowledged: Acknowledged[];
  /** Requests that got no answer (the process was killed under them) or an error status. */
  failures: string[];
  stop(): Promise<void>;
}

export function startWriteLoad(
  urls: Record<string, string>,
  token: string,
  workers: number,
  tag: string,
): WriteLoad {
  const agent = new Agent({ connections: workers, keepAliveTimeout: 10_000 });
  const acknowledged: Acknowledged[] = [];
  const failures: string[] = [];
  let running = true;
  let counter = 0;
  const headers = { authorization: `Bearer ${token}` };

  async function once(worker: number): Promise<void> {
    const n = ++counter;
    const kind = (n + worker) % 2 === 0 ? "manager" : "band";
    const name = `${tag}-${kind}-${n}`;
    const started = performance.now();
    const response =
      kind === "manager"
        ? await request(`${urls.users}/api/managers`, {
            method: "POST",
            dispatcher: agent,
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify({ username: name, email: `${name}@example.org`, password: "secret" }),
          })
        : await request(`${urls.bands}/api/bands?name=${name}&musicalStyle=Rock&managerId=4`, {
            method: "POST",
            dispatcher: agent,
            headers,
          });
    const text = await response.body.text();
    if (response.statusCode !== 201) {
      failures.push(`${kind} ${name}: ${response.statusCode} ${text.slice(0, 200)}`);
      return;
    }
    const id = (JSON.parse(text) as { id: number }).id;
    acknowledged.push({ kind, id, name, ms: performance.now() - started });
  }

  const loops = Array.from({ length: workers }, async (_, worker) => {
    while (running) {
      try {
        await once(worker);
      } catch (error) {
        // The process died under the request: it was never acknowledged.
        failures.push(`no answer: ${(error as Error).message}`);
        if (!running) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  });

  return {
    acknowledged,
    failures,
    async stop() {
      running = false;
      await Promise.all(loops);
      await agent.destroy();
    },
  };
}

/** Resolves once `count` writes were acknowledged (or rejects after `timeoutMs`). */
export async function untilAcknowledged(load: WriteLoad, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (load.acknowledged.length < count) {
    if (Date.now() > deadline)
      throw new Error(
        `only ${load.acknowledged.length} writes acknowledged in ${timeoutMs} ms: ${load.failures.slice(0, 3).join("; ")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
