/**
 * A small service on the real pipeline, for testing framework behaviour (routing, binding, error
 * shapes, security) independently of any emulated domain.
 */
import type express from "express";
import { fixedClock } from "../../emulator/core/clock.js";
import { dto, long, notBlank, notNull, string } from "../../emulator/core/dto/schema.js";
import type { ErrorStyle } from "../../emulator/core/http/error-styles.js";
import { ProblemError } from "../../emulator/core/http/errors.js";
import { empty, json } from "../../emulator/core/http/reply.js";
import { createResourceApp } from "../../emulator/core/pipeline.js";
import { defineRoute } from "../../emulator/core/routing/route.js";
import { TokenAuthority } from "../../emulator/core/security/tokens.js";
import { noStrain } from "../../emulator/core/strain.js";
import { Telemetry } from "../../emulator/core/telemetry.js";

export const PROBE_NOW = Date.UTC(2025, 4, 21, 10, 15, 30, 123);

export const WidgetDto = dto("WidgetDto", "cz.example.WidgetDto", {
  id: long(),
  name: string(notBlank("Widget name cannot be blank")),
  bandId: long(notNull("Band ID cannot be null")),
});

export const SIGNATURE =
  "public org.springframework.http.ResponseEntity<cz.example.WidgetDto> cz.example.WidgetController.create(cz.example.WidgetDto)";

const routes = [
  defineRoute({
    method: "GET",
    path: "/api/widgets/{id}",
    operationId: "getWidget",
    summary: "Get a widget",
    params: { id: "long" },
    responses: { 200: { description: "OK", schema: { dto: WidgetDto } } },
    handle: ({ params }) => {
      if (params.id === 404)
        throw new ProblemError(404, "Widget not found", `Widget with id ${params.id} was not found`);
      return json(200, { id: Number(params.id), name: "w", bandId: 1 });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/widgets",
    operationId: "createWidget",
    summary: "Create a widget",
    body: { kind: "dto", dto: WidgetDto, validate: true, signature: SIGNATURE },
    responses: { 201: { description: "Created", schema: { dto: WidgetDto } } },
    handle: ({ body }) => json(201, { ...body, id: 1 }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/widgets/{id}",
    operationId: "patchWidget",
    summary: "Patch a widget",
    params: { id: "long" },
    body: { kind: "dto", dto: WidgetDto, validate: false, signature: SIGNATURE },
    responses: { 200: { description: "OK" } },
    handle: ({ body }) => json(200, body),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/widgets/{id}",
    operationId: "deleteWidget",
    summary: "Delete a widget",
    params: { id: "long" },
    responses: { 204: { description: "No Content" } },
    handle: () => empty(204),
  }),
  defineRoute({
    method: "POST",
    path: "/api/widgets/search",
    operationId: "searchWidgets",
    summary: "Search by query parameters",
    query: {
      name: { type: "string", notBlank: true },
      managerId: { type: "long" },
      ids: { type: "longs", required: false },
    },
    responses: { 200: { description: "OK" } },
    handle: ({ query }) => json(200, query),
  }),
];

export function probeApp(
  style: ErrorStyle,
  enforceAuth = true,
): { app: express.Express; tokens: TokenAuthority } {
  const clock = fixedClock(PROBE_NOW);
  const tokens = new TokenAuthority(
    {
      issuer: "http://emu",
      signing: { kind: "secret", secret: "probe" },
      defaultTtlSeconds: 3600,
      leewaySeconds: 2,
    },
    clock,
  );
  const app = createResourceApp(
    {
      name: "probe",
      springName: "probe-service",
      style,
      rules: [
        { method: "GET", pattern: "/api/widgets/**", anyOf: ["test_1"] },
        { method: "POST", pattern: "/api/widgets", anyOf: ["test_2"] },
        { method: "DELETE", pattern: "/api/widgets/**", anyOf: ["test_2", "test_3"] },
      ],
      routes,
      docs: { title: "Probe API", version: "1.0" },
    },
    { clock, tokens, enforceAuth, telemetry: new Telemetry(), strain: noStrain, maxBodyBytes: 1024 },
  );
  return { app, tokens };
}
