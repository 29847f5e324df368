/**
 * springdoc's endpoints: the OpenAPI document in JSON and YAML, the Swagger UI config and the
 * `/swagger-ui.html` redirect. The UI itself is not bundled (it would need assets from a CDN);
 * its page points at the document instead.
 */
import { json, type Reply } from "./http/reply.js";
import { openApiDocument, toYaml, type DocsInfo } from "./openapi.js";
import { defineRoute, type Route } from "./routing/route.js";

const system = { secured: false, tag: "springdoc" } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function docsRoutes(info: DocsInfo, serviceRoutes: readonly Route[]): Route[] {
  const document = (host: string) => openApiDocument(info, serviceRoutes, host);
  return [
    defineRoute({
      ...system,
      method: "GET",
      path: "/v3/api-docs",
      operationId: "openapiJson",
      summary: "OpenAPI document",
      responses: { 200: { description: "OK" } },
      handle: ({ host }) => json(200, document(host)),
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/v3/api-docs.yaml",
      operationId: "openapiYaml",
      summary: "OpenAPI document (YAML)",
      responses: { 200: { description: "OK" } },
      handle: ({ host }): Reply => ({
        status: 200,
        body: toYaml(document(host)).replace(/^\n/, "") + "\n",
        contentType: "application/vnd.oai.openapi",
      }),
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/v3/api-docs/swagger-config",
      operationId: "swaggerConfig",
      summary: "Swagger UI configuration",
      responses: { 200: { description: "OK" } },
      handle: ({ host }) =>
        json(200, {
          configUrl: "/v3/api-docs/swagger-config",
          oauth2RedirectUrl: `http://${host}/swagger-ui/oauth2-redirect.html`,
          url: "/v3/api-docs",
          validatorUrl: "",
        }),
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/swagger-ui.html",
      operationId: "swaggerUiRedirect",
      summary: "Swagger UI",
      responses: { 302: { description: "Found" } },
      handle: () => ({ status: 302, headers: [["Location", "/swagger-ui/index.html"]] }),
    }),
    defineRoute({
      ...system,
      method: "GET",
      path: "/swagger-ui/index.html",
      operationId: "swaggerUi",
      summary: "Swagger UI",
      responses: { 200: { description: "OK" } },
      handle: (): Reply => ({
        status: 200,
        contentType: "text/html;charset=UTF-8",
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)}</title></head><body><h1>${escapeHtml(info.title)} ${escapeHtml(info.version)}</h1><p>Swagger UI is not bundled with the emulator. The OpenAPI document is at <a href="/v3/api-docs">/v3/api-docs</a> (<a href="/v3/api-docs.yaml">YAML</a>).</p></body></html>`,
      }),
    }),
  ];
}
