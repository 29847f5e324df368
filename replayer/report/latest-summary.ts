import type { ServiceName } from "../services.js";
import type { Results } from "./results.js";

/** The original's service keys. */
const SERVICE_KEYS: Readonly<Record<ServiceName, string>> = {
  bands: "band_management",
  tours: "tour_management",
  catalog: "music_catalog",
  users: "user_service",
};

/**
 * `latest_summary.json` in the original run_showcase.py's shape and keys. Latencies in ms;
 * a figure without samples is JSON `null` (never NaN, which JSON cannot carry).
 */
export function renderLatestSummary(results: Results): string {
  const { overall } = results;
  const endpoints = Object.fromEntries(
    results.endpoints.map((endpoint) => [
      endpoint.name,
      {
        requests: endpoint.requests,
        failures: endpoint.failures,
        median_response_time: endpoint.medianMs,
        avg_response_time: endpoint.avgMs,
        "95th_percentile": endpoint.p95Ms,
      },
    ]),
  );
  const services = Object.fromEntries(
    (Object.keys(SERVICE_KEYS) as ServiceName[]).map((service) => {
      const stats = results.services[service];
      return [
        SERVICE_KEYS[service],
        { requests: stats.requests, failures: stats.failures, avg_time: stats.avgMs, rps: stats.rps },
      ];
    }),
  );
  const summary = {
    total_requests: overall.requests,
    failed_requests: overall.failures,
    avg_response_time: overall.avgMs,
    median_response_time: overall.medianMs,
    "95th_percentile": overall.p95Ms,
    endpoints,
    services,
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}
