/**
 * Spring MVC's argument resolution, in its order (contract §1.6): path variables, then request
 * parameters in declaration order, then the request body (content type, presence, JSON syntax,
 * binding, `@Valid`), then method validation of constrained parameters. The first failure wins.
 */
import type { IncomingMessage } from "node:http";
import { bindDto, bindLongList, BindError } from "../dto/bind.js";
import type { Id } from "../dto/schema.js";
import { validateDto } from "../dto/validate.js";
import { FrameworkError, ValidationError } from "../http/errors.js";
import {
  decodeUtf8,
  decoderFor,
  InvalidEncodingError,
  isForm,
  isJson,
  parseMediaType,
} from "../http/media-type.js";
import { announcesBody, readBody } from "../http/read-body.js";
import { JsonParseError, parseJackson, type JsonValue } from "../json/jackson-parser.js";
import { parseJavaLong } from "./convert.js";
import { parseParameters, type Parameters } from "./query.js";
import type { BodySpec, QueryParam, Route } from "./route.js";

export interface BindingFacts {
  req: IncomingMessage;
  method: string;
  variables: Record<string, string>;
  query: Parameters;
  maxBodyBytes: number;
  nowMs: number;
}

export interface BoundArguments {
  params: Record<string, Id | string>;
  query: Record<string, Id | Id[] | string | null>;
  body: unknown;
}

const JAVA_TYPE = { long: "java.lang.Long", longs: "java.util.List", string: "java.lang.String" } as const;

/** Synchronous unless a body has to be read, so a GET never waits for a microtask. */
export function bindArguments(route: Route, facts: BindingFacts): BoundArguments | Promise<BoundArguments> {
  const params = bindPathVariables(route, facts.variables);
  if (needsFormBody(route, facts)) {
    return readFormParameters(facts).then((parameters) => bindRest(route, facts, params, parameters));
  }
  return bindRest(route, facts, params, facts.query);
}

function bindRest(
  route: Route,
  facts: BindingFacts,
  params: BoundArguments["params"],
  parameters: Parameters,
): BoundArguments | Promise<BoundArguments> {
  const query: BoundArguments["query"] = {};
  for (const [name, spec] of Object.entries(route.query)) query[name] = bindParameter(name, spec, parameters);
  if (!route.body) {
    validateParameters(route, query);
    return { params, query, body: undefined };
  }
  return bindBody(route.body, facts).then((body) => {
    validateParameters(route, query);
    return { params, query, body };
  });
}

/** Spring 6.1 method validation of constrained parameters, after every argument is resolved. */
function validateParameters(route: Route, query: BoundArguments["query"]): void {
  for (const [name, spec] of Object.entries(route.query)) {
    const value = query[name];
    if (spec.notBlank && (typeof value !== "string" || value.trim() === "")) {
      throw new FrameworkError({ kind: "methodValidation" });
    }
  }
}

function bindPathVariables(route: Route, variables: Record<string, string>): Record<string, Id | string> {
  const params: Record<string, Id | string> = {};
  for (const [name, type] of Object.entries(route.params)) {
    const raw = variables[name] ?? "";
    if (type === "string") {
      params[name] = raw;
      continue;
    }
    const parsed = parseJavaLong(raw);
    if (!parsed.ok) {
      throw new FrameworkError({
        kind: "typeMismatch",
        name,
        value: raw,
        javaType: JAVA_TYPE.long,
        reason: parsed.reason,
      });
    }
    if (parsed.value === null) throw new FrameworkError({ kind: "missingParameter", name, javaType: "Long" });
    params[name] = parsed.value;
  }
  return params;
}

/** Tomcat adds the parameters of a form-encoded POST body to the query's. */
function needsFormBody(route: Route, facts: BindingFacts): boolean {
  if (facts.method !== "POST" || route.body || Object.keys(route.query).length === 0) return false;
  const header = facts.req.headers["content-type"];
  const media = header ? parseMediaType(header) : undefined;
  return media !== undefined && isForm(media) && announcesBody(facts.req);
}

async function readFormParameters(facts: BindingFacts): Promise<Parameters> {
  const bytes = await readBody(facts.req, facts.maxBodyBytes);
  const merged: Parameters = new Map([...facts.query].map(([k, v]) => [k, [...v]]));
  return parseParameters(bytes.toString("utf8"), merged);
}

function bindParameter(name: string, spec: QueryParam, parameters: Parameters): Id | Id[] | string | null {
  const required = spec.required ?? true;
  const values = parameters.get(name);
  const missing = (): null => {
    if (required) throw new FrameworkError({ kind: "missingParameter", name, javaType: shortType(spec) });
    return null;
  };
  if (!values) return missing();
  if (spec.type === "string") return values.join(",");
  if (spec.type === "long") {
    const value = toLong(name, values[0] as string);
    return value === null ? missing() : value;
  }
  const items = values.length === 1 ? (values[0] as string).split(",").filter((s) => s.length > 0) : values;
  return items.map((item) => toLong(name, item)).filter((v): v is Id => v !== null);
}

function shortType(spec: QueryParam): string {
  return spec.type === "long" ? "Long" : spec.type === "longs" ? "List" : "String";
}

function toLong(name: string, raw: string): Id | null {
  const parsed = parseJavaLong(raw);
  if (!parsed.ok) {
    throw new FrameworkError({
      kind: "typeMismatch",
      name,
      value: raw,
      javaType: JAVA_TYPE.long,
      reason: parsed.reason,
    });
  }
  return parsed.value;
}

async function bindBody(spec: BodySpec, facts: BindingFacts): Promise<unknown> {
  const header = facts.req.headers["content-type"];
  const hasBody = announcesBody(facts.req);
  if (header === undefined) {
    if (hasBody)
      throw new FrameworkError({ kind: "unsupportedMediaType", contentType: "application/octet-stream" });
    throw new FrameworkError({ kind: "bodyMissing", signature: spec.signature });
  }
  const media = parseMediaType(header);
  if (!media || !isJson(media)) {
    throw new FrameworkError({ kind: "unsupportedMediaType", contentType: media?.text ?? header });
  }
  const bytes = hasBody ? await readBody(facts.req, facts.maxBodyBytes) : Buffer.alloc(0);
  if (bytes.length === 0) throw new FrameworkError({ kind: "bodyMissing", signature: spec.signature });
  const root = parseBody(bytes, media.charset);
  if (root === null) throw new FrameworkError({ kind: "bodyMissing", signature: spec.signature });
  try {
    if (spec.kind === "longs") return bindLongList(root, spec.javaType);
    const bound = bindDto(spec.dto, root);
    if (spec.validate) {
      const errors = validateDto(spec.dto, bound, facts.nowMs);
      if (errors.length > 0) throw new ValidationError(errors);
    }
    return bound;
  } catch (error) {
    if (error instanceof BindError) throw new FrameworkError({ kind: "notReadable", message: error.message });
    throw error;
  }
}

function parseBody(bytes: Buffer, charset: string | undefined): JsonValue {
  try {
    const decode = charset ? (decoderFor(charset) ?? decodeUtf8) : decodeUtf8;
    return parseJackson(decode(bytes));
  } catch (error) {
    if (error instanceof JsonParseError || error instanceof InvalidEncodingError) {
      throw new FrameworkError({ kind: "notReadable", message: error.message });
    }
    throw error;
  }
}
