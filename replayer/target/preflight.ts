import { SERVICE_LABELS, SERVICES, type ServiceName, type ServiceUrls } from "../services.js";
import { httpGet } from "./http-get.js";

/** A cheap list per service that needs the token's general scope (test_1). */
export const PREFLIGHT_PATHS: Readonly<Record<ServiceName, string>> = {
  users: "/api/artists",
  bands: "/api/bands",
  catalog: "/api/songs",
  tours: "/api/tours",
};

/**
 * Checks that every service answers and accepts the token before the run starts. Returns one
 * line naming each service that did not (empty when all did) — never a prompt (api-contract R2).
 */
export async function preflight(urls: ServiceUrls, token: string, timeoutMs: number): Promise<string | null> {
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const answers = await Promise.all(
    SERVICES.map(async (service) => {
      const url = `${urls[service]}${PREFLIGHT_PATHS[service]}`;
      const answer = await httpGet(url, headers, timeoutMs);
      if (!answer.ok) return `${SERVICE_LABELS[service]} (GET ${url}): ${answer.reason}`;
      if (answer.status === 401 || answer.status === 403) {
        return `${SERVICE_LABELS[service]} (GET ${url}) refused the token with ${answer.status}`;
      }
      if (answer.status < 200 || answer.status >= 300)
        return `${SERVICE_LABELS[service]} (GET ${url}) answered ${answer.status}`;
      return null;
    }),
  );
  const failed = answers.filter((line): line is string => line !== null);
  return failed.length === 0 ? null : `target not ready: ${failed.join("; ")}`;
}
