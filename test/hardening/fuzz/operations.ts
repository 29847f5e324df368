/**
 * What the fuzzer starts from: one valid request per operation. The resource services' operations
 * are read from their own `/v3/api-docs` (so a new route is fuzzed without touching this file);
 * auth and the control plane, which publish no document, are listed here. Valid bodies are
 * written per DTO: a schema without one fails the run instead of going unfuzzed.
 */
import type { FuzzState } from "./state.js";

export type FuzzService = "auth" | "users" | "bands" | "catalog" | "tours" | "admin";
export const RESOURCE_SERVICES = ["users", "bands", "catalog", "tours"] as const;

export type ParamType = "integer" | "string" | "array";

export interface Operation {
  service: FuzzService;
  method: string;
  /** A path template: `/api/bands/{id}`. */
  path: string;
  pathParams: Record<string, ParamType>;
  query: Record<string, ParamType>;
  /** A DTO schema name, `array` for a JSON list of ids, `form` for a form body. */
  body?: string;
  /** A fixed query for handwritten operations. */
  fixedQuery?: (state: FuzzState) => string;
  /** A fixed JSON body for handwritten operations. */
  fixedBody?: (state: FuzzState) => unknown;
}

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { type?: string };
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string; type?: string } }> };
}

/** The operations of one resource service, from its OpenAPI document. */
export function operationsFromDocs(service: FuzzService, docs: unknown): Operation[] {
  const paths = (docs as { paths: Record<string, Record<string, OpenApiOperation>> }).paths;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const pathParams: Record<string, ParamType> = {};
      const query: Record<string, ParamType> = {};
      for (const parameter of spec.parameters ?? []) {
        const type = (parameter.schema?.type ?? "string") as ParamType;
        if (parameter.in === "path") pathParams[parameter.name] = type;
        else if (parameter.in === "query") query[parameter.name] = type;
      }
      const schema = spec.requestBody?.content?.["application/json"]?.schema;
      const body = schema?.$ref?.split("/").pop() ?? (schema?.type === "array" ? "array" : undefined);
      operations.push({ service, method: method.toUpperCase(), path, pathParams, query, body });
    }
  }
  return operations;
}

const op = (
  service: FuzzService,
  method: string,
  path: string,
  extra: Partial<Operation> = {},
): Operation => ({
  service,
  method,
  path,
  pathParams: {},
  query: {},
  ...extra,
});

/** The token service: the real `/token` shape plus the standard endpoints (contract §2). */
export const AUTH_OPERATIONS: readonly Operation[] = [
  op("auth", "GET", "/token", {
    fixedQuery: (s) => s.pick(["", "scope=test_1", "scope=test_1+test_2", "ttl=60"]),
  }),
  op("auth", "POST", "/token", {
    body: "form",
    fixedBody: () => "grant_type=client_credentials&scope=test_1",
  }),
  op("auth", "POST", "/introspect", { body: "form", fixedBody: (s) => `token=${s.token}` }),
  op("auth", "GET", "/.well-known/openid-configuration"),
  op("auth", "GET", "/.well-known/jwks.json"),
  op("auth", "GET", "/oauth2/authorization/muni"),
  op("auth", "GET", "/login"),
  op("auth", "GET", "/"),
  op("auth", "GET", "/health"),
  op("auth", "POST", "/logout"),
];

const SERVICE_NAMES = ["auth", "users", "bands", "catalog", "tours"];

/** The control plane. Its own fuzz run may reset the store and take services down. */
export const ADMIN_OPERATIONS: readonly Operation[] = [
  op("admin", "GET", "/"),
  op("admin", "GET", "/admin/state"),
  op("admin", "GET", "/admin/saga"),
  op("admin", "GET", "/admin/requests", {
    fixedQuery: (s) => `limit=${s.pick(["1", "50", "10000"])}&service=bands`,
  }),
  op("admin", "GET", "/admin/stats", { fixedQuery: (s) => s.pick(["", "service=tours"]) }),
  op("admin", "DELETE", "/admin/stats"),
  op("admin", "POST", "/admin/reset", {
    fixedQuery: (s) => s.pick(["", "fixtures=none", "fixtures=default"]),
  }),
  op("admin", "POST", "/admin/fixtures", { body: "Fixture", fixedBody: (s) => smallFixture(s) }),
  op("admin", "GET", "/admin/store", { fixedQuery: (s) => s.pick(["", "table=bands", "table=songs"]) }),
  op("admin", "GET", "/admin/strain"),
  op("admin", "PUT", "/admin/strain", {
    body: "StrainSettings",
    fixedBody: (s) => s.pick([{}, { latency: { bands: "1ms" } }, { faults: { catalog: ["503:0.01"] } }]),
  }),
  op("admin", "GET", "/admin/services"),
  op("admin", "POST", "/admin/services/{name}/{action}", {
    pathParams: { name: "string", action: "string" },
  }),
];

/** Values for the control plane's path variables. */
export function adminPathValue(name: string, state: FuzzState): string {
  return name === "action" ? state.pick(["down", "up", "up"]) : state.pick(SERVICE_NAMES);
}

function smallFixture(s: FuzzState): unknown {
  return {
    bands: {
      bands: [{ id: 1000 + s.int(0, 50_000), name: s.unique("fixture"), musicalStyle: "Jazz", managerId: 4 }],
    },
  };
}
