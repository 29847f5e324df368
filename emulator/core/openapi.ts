/**
 * The `/v3/api-docs` document of a service, generated from the very route definitions it serves
 * (springdoc 2.8 shape: OpenAPI 3.0.1, `*\/*` response content, the `Bearer` security scheme).
 */
import type { Constraint, Dto, FieldMap, FieldSpec } from "./dto/schema.js";
import type { BodySpec, ResponseSchema, Route } from "./routing/route.js";

export interface DocsInfo {
  title: string;
  version: string;
}

type Schema = Record<string, unknown>;

function fieldSchema(spec: FieldSpec, refs: Map<string, Dto<FieldMap>>): Schema {
  const { type } = spec;
  let schema: Schema;
  switch (type.kind) {
    case "string":
      schema = { type: "string" };
      break;
    case "long":
      schema = { type: "integer", format: "int64" };
      break;
    case "int":
      schema = { type: "integer", format: "int32" };
      break;
    case "enum":
      schema = { type: "string", enum: [...type.values] };
      break;
    case "localDateTime":
    case "date":
      schema = { type: "string", format: "date-time" };
      break;
    case "longs":
      schema = {
        type: "array",
        items: { type: "integer", format: "int64" },
        ...(type.javaType.includes("Set") ? { uniqueItems: true } : {}),
      };
      break;
    case "objects":
      refs.set(type.dto.name, type.dto);
      schema = { type: "array", items: { $ref: `#/components/schemas/${type.dto.name}` } };
      break;
  }
  for (const constraint of spec.constraints) Object.assign(schema, constraintSchema(constraint));
  if (spec.description) schema.description = spec.description;
  return schema;
}

function constraintSchema(constraint: Constraint): Schema {
  switch (constraint.kind) {
    case "size":
      return { maxLength: constraint.max, minLength: constraint.min };
    case "email":
      return { format: "email" };
    case "min":
      return { minimum: constraint.value };
    case "notBlank":
      return { minLength: 1 };
    default:
      return {};
  }
}

function dtoSchema(dto: Dto<FieldMap>, refs: Map<string, Dto<FieldMap>>): Schema {
  const required = Object.entries(dto.fields)
    .filter(([, spec]) => spec.constraints.some((c) => c.kind === "notBlank" || c.kind === "notNull"))
    .map(([name]) => name);
  const properties = Object.fromEntries(
    Object.entries(dto.fields).map(([name, spec]) => [name, fieldSchema(spec, refs)]),
  );
  return { ...(required.length ? { required } : {}), type: "object", properties };
}

function ref(dto: Dto<FieldMap>, refs: Map<string, Dto<FieldMap>>): Schema {
  refs.set(dto.name, dto);
  return { $ref: `#/components/schemas/${dto.name}` };
}

function responseSchema(schema: ResponseSchema, refs: Map<string, Dto<FieldMap>>): Schema {
  if ("dto" in schema) return ref(schema.dto, refs);
  if ("arrayOf" in schema) return { type: "array", items: ref(schema.arrayOf, refs) };
  return { type: "array", items: { type: "integer", format: "int64" } };
}

function bodySchema(body: BodySpec, refs: Map<string, Dto<FieldMap>>): Schema {
  if (body.kind === "dto") return ref(body.dto, refs);
  return { type: "array", items: { type: "integer", format: "int64" } };
}

function operation(route: Route, refs: Map<string, Dto<FieldMap>>): Schema {
  const parameters = [
    ...Object.entries(route.params).map(([name, type]) => ({
      name,
      in: "path",
      required: true,
      schema: type === "long" ? { type: "integer", format: "int64" } : { type: "string" },
    })),
    ...Object.entries(route.query).map(([name, spec]) => ({
      name,
      in: "query",
      required: spec.required ?? true,
      ...(spec.description ? { description: spec.description } : {}),
      schema:
        spec.type === "longs"
          ? { type: "array", items: { type: "integer", format: "int64" } }
          : spec.type === "long"
            ? { type: "integer", format: "int64" }
            : { type: "string" },
    })),
  ];
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, spec]) => [
      status,
      {
        description: spec.description,
        ...(spec.schema
          ? { content: { [spec.contentType ?? "*/*"]: { schema: responseSchema(spec.schema, refs) } } }
          : {}),
      },
    ]),
  );
  return {
    tags: [route.tag ?? "default"],
    summary: route.summary,
    operationId: route.operationId,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            content: { "application/json": { schema: bodySchema(route.body, refs) } },
            required: true,
          },
        }
      : {}),
    responses,
    ...(route.secured ? { security: [{ Bearer: [] }] } : {}),
  };
}

export function openApiDocument(info: DocsInfo, routes: readonly Route[], host: string): Schema {
  const refs = new Map<string, Dto<FieldMap>>();
  const paths: Record<string, Record<string, Schema>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operation(route, refs);
  }
  const schemas: Record<string, Schema> = {};
  for (let done = 0; done < refs.size;) {
    done = refs.size;
    for (const [name, dto] of [...refs]) if (!schemas[name]) schemas[name] = dtoSchema(dto, refs);
  }
  return {
    openapi: "3.0.1",
    info,
    servers: [{ url: `http://${host}`, description: "Generated server url" }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: { Bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  };
}

/** YAML for `/v3/api-docs.yaml`: block style, strings quoted when they need it. */
export function toYaml(value: unknown, indent = 0): string {
  const pad = "  ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return " []";
    return value
      .map(
        (item) =>
          `\n${pad}-${isScalar(item) ? ` ${scalar(item)}` : toYaml(item, indent + 1).replace(/^\n\s*/, " ")}`,
      )
      .join("");
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return " {}";
    return entries
      .map(
        ([key, item]) =>
          `\n${pad}${scalar(key)}:${isScalar(item) ? ` ${scalar(item)}` : toYaml(item, indent + 1)}`,
      )
      .join("");
  }
  return ` ${scalar(value)}`;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

function scalar(value: unknown): string {
  if (typeof value === "string")
    return /^[A-Za-z_/][\w ./{}-]*$/.test(value) && !/^(true|false|null|yes|no)$/i.test(value)
      ? value
      : JSON.stringify(value);
  return JSON.stringify(value);
}
