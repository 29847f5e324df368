/**
 * Spring Boot Actuator as the four resource services expose it (contract §1.9): all GET and
 * permitAll, health with details, empty info, Micrometer metrics and the Prometheus scrape
 * (request counts and latency histograms per route, from the same telemetry the CLI prints).
 */
import { statfsSync } from "node:fs";
import { defineRoute, type Route } from "./routing/route.js";
import type { Reply } from "./http/reply.js";
import { empty } from "./http/reply.js";
import { FrameworkError } from "./http/errors.js";
import { BUCKETS_SECONDS, type RouteAggregate, type Telemetry } from "./telemetry.js";

export const ACTUATOR_TYPE = "application/vnd.spring-boot.actuator.v3+json";

export interface HealthComponent {
  status: "UP" | "DOWN";
  details?: Record<string, unknown>;
}

export interface ActuatorSource {
  service: string;
  telemetry: Telemetry;
  /** Components beyond db/diskSpace/ping/ssl, e.g. `jms` for the user and band services. */
  extraHealth?: () => Record<string, HealthComponent>;
  startedAtMs: number;
  now: () => number;
}

function actuatorJson(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: ACTUATOR_TYPE };
}

function diskSpace(): HealthComponent {
  try {
    const stats = statfsSync(".");
    const total = stats.blocks * stats.bsize;
    const free = stats.bavail * stats.bsize;
    return {
      status: free > 10485760 ? "UP" : "DOWN",
      details: { total, free, threshold: 10485760, path: `${process.cwd()}/.`, exists: true },
    };
  } catch {
    return {
      status: "UP",
      details: { total: 0, free: 0, threshold: 10485760, path: `${process.cwd()}/.`, exists: false },
    };
  }
}

export function healthComponents(source: ActuatorSource): Record<string, HealthComponent> {
  const components: Record<string, HealthComponent> = {
    db: { status: "UP", details: { database: "H2", validationQuery: "isValid()" } },
    diskSpace: diskSpace(),
    ...(source.extraHealth?.() ?? {}),
    ping: { status: "UP" },
    ssl: { status: "UP", details: { validChains: [], invalidChains: [] } },
  };
  return Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
}

function outcomeOf(status: number): string {
  if (status >= 500) return "SERVER_ERROR";
  if (status >= 400) return "CLIENT_ERROR";
  if (status >= 300) return "REDIRECTION";
  if (status >= 200) return "SUCCESS";
  if (status >= 100) return "INFORMATIONAL";
  return "UNKNOWN";
}

function label(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export function prometheusText(source: ActuatorSource): string {
  const lines: string[] = [];
  const nowSeconds = source.now() / 1000;
  lines.push(
    "# HELP process_start_time_seconds Start time of the process since unix epoch.",
    "# TYPE process_start_time_seconds gauge",
    `process_start_time_seconds ${source.startedAtMs / 1000}`,
  );
  lines.push(
    "# HELP process_uptime_seconds The uptime of the Java virtual machine",
    "# TYPE process_uptime_seconds gauge",
    `process_uptime_seconds ${(nowSeconds - source.startedAtMs / 1000).toFixed(3)}`,
  );
  lines.push(
    "# HELP hikaricp_connections Total connections",
    "# TYPE hikaricp_connections gauge",
    'hikaricp_connections{pool="HikariPool-1"} 10',
  );
  const aggregates = source.telemetry.aggregatesFor(source.service);
  // A timer without a description gets Micrometer's help text " ", written after the name and its
  // separating space: the line ends in two spaces, byte for byte what the real scrape shows.
  lines.push("# HELP http_server_requests_seconds  ", "# TYPE http_server_requests_seconds histogram");
  const maxLines: string[] = [];
  for (const a of aggregates) {
    const tags = `error="none",exception="none",method="${label(a.method)}",outcome="${outcomeOf(a.status)}",status="${a.status}",uri="${label(a.route)}"`;
    BUCKETS_SECONDS.forEach((le, i) =>
      lines.push(`http_server_requests_seconds_bucket{${tags},le="${le}"} ${a.buckets[i]}`),
    );
    lines.push(`http_server_requests_seconds_bucket{${tags},le="+Inf"} ${a.count}`);
    lines.push(`http_server_requests_seconds_count{${tags}} ${a.count}`);
    lines.push(`http_server_requests_seconds_sum{${tags}} ${a.sumSeconds}`);
    maxLines.push(`http_server_requests_seconds_max{${tags}} ${a.maxSeconds}`);
  }
  lines.push(
    "# HELP http_server_requests_seconds_max  ",
    "# TYPE http_server_requests_seconds_max gauge",
    ...maxLines,
  );
  return lines.join("\n") + "\n";
}

const METRIC_NAMES = ["hikaricp.connections", "http.server.requests", "process.start.time", "process.uptime"];

type Tag = readonly [key: string, value: string];

/** The tags of a request timer, as Spring MVC's observation names them. */
function timerTags(a: RouteAggregate): Record<string, string> {
  return {
    error: "none",
    exception: "none",
    method: a.method,
    outcome: outcomeOf(a.status),
    status: String(a.status),
    uri: a.route,
  };
}

/**
 * `?tag=key:value` as MetricsEndpoint parses it: repeated or comma-separated, split at the
 * first colon. A tag without a colon is Boot's 400, naming that tag.
 */
export function parseTags(raw: string | null): Tag[] {
  if (raw === null) return [];
  return raw.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0) {
      const reason = `Each tag parameter must be in the form 'key:value' but was: ${part}`;
      throw new FrameworkError({ kind: "badEndpointRequest", reason });
    }
    return [part.slice(0, colon), part.slice(colon + 1)] as const;
  });
}

function metric(
  source: ActuatorSource,
  name: string,
  tags: readonly Tag[],
): Record<string, unknown> | undefined {
  const nowMs = source.now();
  // Only the request timer has tags worth filtering by; the gauges' single series either
  // matches every tag asked for or the metric is not found, as findFirstMatchingMeters does.
  const gaugeTags: Record<string, Record<string, string>> = {
    "hikaricp.connections": { pool: "HikariPool-1" },
  };
  if (name !== "http.server.requests" && !tags.every(([k, v]) => gaugeTags[name]?.[k] === v))
    return undefined;
  switch (name) {
    case "http.server.requests": {
      const aggregates = source.telemetry
        .aggregatesFor(source.service)
        .filter((a) => tags.every(([k, v]) => timerTags(a)[k] === v));
      // No meter has those tags: the endpoint answers 404, as for an unknown name.
      if (aggregates.length === 0 && tags.length > 0) return undefined;
      const values = (pick: (a: (typeof aggregates)[number]) => string) => [...new Set(aggregates.map(pick))];
      const filtered = new Set(tags.map(([k]) => k));
      return {
        name,
        baseUnit: "seconds",
        measurements: [
          { statistic: "COUNT", value: aggregates.reduce((s, a) => s + a.count, 0) },
          { statistic: "TOTAL_TIME", value: aggregates.reduce((s, a) => s + a.sumSeconds, 0) },
          { statistic: "MAX", value: aggregates.reduce((m, a) => Math.max(m, a.maxSeconds), 0) },
        ],
        // The tags filtered by are left out of availableTags, as MetricsEndpoint does.
        availableTags: [
          { tag: "exception", values: ["none"] },
          { tag: "method", values: values((a) => a.method) },
          { tag: "error", values: ["none"] },
          { tag: "uri", values: values((a) => a.route) },
          { tag: "outcome", values: values((a) => outcomeOf(a.status)) },
          { tag: "status", values: values((a) => String(a.status)) },
        ].filter((t) => !filtered.has(t.tag)),
      };
    }
    case "process.uptime":
      return {
        name,
        description: "The uptime of the Java virtual machine",
        baseUnit: "seconds",
        measurements: [{ statistic: "VALUE", value: (nowMs - source.startedAtMs) / 1000 }],
        availableTags: [],
      };
    case "process.start.time":
      return {
        name,
        description: "Start time of the process since unix epoch.",
        baseUnit: "seconds",
        measurements: [{ statistic: "VALUE", value: source.startedAtMs / 1000 }],
        availableTags: [],
      };
    case "hikaricp.connections":
      return {
        name,
        description: "Total connections",
        measurements: [{ statistic: "VALUE", value: 10 }],
        availableTags: [{ tag: "pool", values: ["HikariPool-1"] }].filter(
          (t) => !tags.some(([k]) => k === t.tag),
        ),
      };
    default:
      return undefined;
  }
}

const system = { secured: false, tag: "actuator" } as const;

export function actuatorRoutes(source: ActuatorSource): Route[] {
  const link = (host: string, path: string, templated = false) => ({
    href: `http://${host}/actuator${path}`,
    templated,
  });
  const health = () => {
    const components = healthComponents(source);
    const up = Object.values(components).every((c) => c.status === "UP");
    return actuatorJson(up ? 200 : 503, { status: up ? "UP" : "DOWN", components });
  };
  return [
    defineRoute({
      ...system,
      method: "GET",
      path: "/actuator",
      operationId: "links",
      summary: "Actuator root web endpoint",
      responses: { 200: { description: "OK" } },
      handle: ({ host }) =>
        actuatorJson(200, {
          _links: {
            self: link(host, ""),
            health: link(host, "/health"),
            "health-path": link(host, "/health/{*path}", true),
            info: link(host, "/info"),
            metrics: link(host, "/metrics"),
            "metrics-requiredMetricName": link(host, "/metrics/{requiredMetricName}", true),
            prometheus: link(host, "/prometheus"),
          },
        }),
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/actuator/health",
      operationId: "health",
      summary: "Actuator web endpoint 'health'",
      responses: { 200: { description: "OK" } },
      handle: health,
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/actuator/health/{component}",
      operationId: "health-path",
      summary: "Actuator web endpoint 'health-path'",
      params: { component: "string" },
      responses: { 200: { description: "OK" } },
      handle: ({ params }) => {
        const component = healthComponents(source)[params.component];
        return component ? actuatorJson(component.status === "UP" ? 200 : 503, component) : empty(404);
      },
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/actuator/info",
      operationId: "info",
      summary: "Actuator web endpoint 'info'",
      responses: { 200: { description: "OK" } },
      handle: () => actuatorJson(200, {}),
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/actuator/metrics",
      operationId: "metrics",
      summary: "Actuator web endpoint 'metrics'",
      responses: { 200: { description: "OK" } },
      handle: () => actuatorJson(200, { names: METRIC_NAMES }),
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/actuator/metrics/{requiredMetricName}",
      operationId: "metrics-requiredMetricName",
      summary: "Actuator web endpoint 'metrics-requiredMetricName'",
      params: { requiredMetricName: "string" },
      query: { tag: { type: "string", required: false } },
      responses: { 200: { description: "OK" } },
      handle: ({ params, query }) => {
        const tags = parseTags(query.tag);
        const found = metric(source, params.requiredMetricName, tags);
        return found ? actuatorJson(200, found) : empty(404);
      },
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/actuator/prometheus",
      operationId: "prometheus",
      summary: "Actuator web endpoint 'prometheus'",
      responses: { 200: { description: "OK", contentType: "text/plain" } },
      handle: () => ({
        status: 200,
        body: prometheusText(source),
        contentType: "text/plain;version=0.0.4;charset=utf-8",
      }),
    }),
  ];
}
