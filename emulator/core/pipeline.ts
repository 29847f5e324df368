/**
 * One resource service as an express app that never listens: firewall → security → routing →
 * argument binding → handler → error mapping → delivery with latency and faults → telemetry.
 * Every service (user, band, music-catalog, tour) is this pipeline plus its own definition.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ACTUATOR_TYPE, actuatorRoutes, type HealthComponent } from "./actuator.js";
import type { Clock } from "./clock.js";
import { exchangeOf, type ExchangeObserver } from "./exchange.js";
import { docsRoutes } from "./docs-routes.js";
import type { DocsInfo } from "./openapi.js";
import { bootReply, type ErrorContext, type ErrorStyle } from "./http/error-styles.js";
import { FrameworkError } from "./http/errors.js";
import { deliver } from "./http/deliver.js";
import {
  actuatorTypeFor,
  isUnreadableAccept,
  jsonTypeFor,
  parseAccept,
  prefersHtml,
} from "./http/media-type.js";
import { empty, JSON_TYPE, PROBLEM_TYPE, type Reply } from "./http/reply.js";
import { bindArguments, type BoundArguments } from "./routing/bind-request.js";
import { serviceApp, type ServiceApp } from "./service-app.js";
import { parseParameters } from "./routing/query.js";
import type { Principal, Route } from "./routing/route.js";
import { Router } from "./routing/router.js";
import { checkSecurity } from "./security/check.js";
import { decodeSegments, refuse } from "./security/firewall.js";
import { compileRules, type SecurityRule } from "./security/rules.js";
import { HttpSessions } from "./security/sessions.js";
import type { TokenAuthority } from "./security/tokens.js";
import type { Strain, StrainPlan } from "./strain.js";
import type { Telemetry } from "./telemetry.js";

export interface ServiceContext {
  clock: Clock;
  tokens: TokenAuthority;
  /** `--auth off`: no CSRF, no tokens, no scopes. */
  enforceAuth: boolean;
  telemetry: Telemetry;
  strain: Strain;
  maxBodyBytes: number;
  /** Sees every exchange after its answer went out (the recorder). */
  observe?: ExchangeObserver;
}

export interface ResourceServiceDefinition {
  /** Short name used on the command line and in metrics: `users`, `bands`, `catalog`, `tours`. */
  name: string;
  /** The Spring application name: `user-service`, … */
  springName: string;
  style: ErrorStyle;
  rules: readonly SecurityRule[];
  routes: readonly Route[];
  docs: DocsInfo;
  /** Health components beyond the common ones (the JMS broker of user- and band-service). */
  extraHealth?: () => Record<string, HealthComponent>;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createResourceApp(
  definition: ResourceServiceDefinition,
  context: ServiceContext,
): ServiceApp {
  const { clock, strain, telemetry } = context;
  const startedAtMs = clock.now();
  const router = new Router([
    ...definition.routes,
    ...actuatorRoutes({
      service: definition.name,
      telemetry: context.telemetry,
      extraHealth: definition.extraHealth,
      startedAtMs,
      now: () => context.clock.now(),
    }),
    ...docsRoutes(definition.docs, definition.routes),
  ]);
  const rules = compileRules(definition.rules);
  const sessions = new HttpSessions();
  const { style, name: service } = definition;

  /** Synchronous unless a body must be read or the handler is async: no microtask on a plain GET. */
  function answer(
    req: IncomingMessage,
    method: string,
    rawPath: string,
    rawQuery: string,
    segments: string[] | undefined,
    errorContext: ErrorContext,
  ): Reply | Promise<Reply> {
    const refusal = refuse(method, rawPath);
    if (refusal)
      return bootReply(refusal.status, errorContext, refusal.allow ? [["Allow", refusal.allow]] : undefined);
    if (!segments) return bootReply(400, errorContext);
    let principal: Principal | undefined;
    if (context.enforceAuth) {
      const outcome = checkSecurity(
        method,
        segments,
        req.headers,
        rules,
        context.tokens,
        errorContext,
        sessions,
      );
      if ("reply" in outcome) return outcome.reply;
      principal = outcome.principal;
    }
    if (method === "OPTIONS") {
      const preflight =
        req.headers.origin !== undefined && req.headers["access-control-request-method"] !== undefined;
      if (preflight) return empty(200);
      const allow = router.allowFor(segments);
      // No mapping for the path: resolve() below raises the unknown-path error (404 / 500).
      if (allow) return empty(200, [["Allow", allow.join(",")]]);
    }
    const { route, variables } = router.resolve(method, segments);
    const args = bindArguments(route, {
      req,
      method,
      variables,
      query: parseParameters(rawQuery),
      maxBodyBytes: context.maxBodyBytes,
      nowMs: errorContext.nowMs,
    });
    // Fields named one by one: spreading `bound` cost a third of a plain GET's dispatch time.
    const run = (bound: BoundArguments) =>
      route.handle({
        params: bound.params,
        query: bound.query,
        body: bound.body,
        principal,
        nowMs: errorContext.nowMs,
        rawPath,
        host: req.headers.host ?? "localhost",
      } as Parameters<Route["handle"]>[0]);
    return args instanceof Promise ? args.then(run) : run(args);
  }

  /** Content negotiation after the handler ran, as Spring does it (the effects stay). */
  function negotiate(
    reply: Reply,
    accept: ReturnType<typeof parseAccept>,
    errorContext: ErrorContext,
  ): Reply {
    // A ProblemDetail goes out as application/problem+json whatever the client accepts: Spring 6
    // falls back on the RFC 9457 media type when nothing acceptable can be written (§1.4, Q22) —
    // but not when the Accept header does not even parse: then every body written by content
    // negotiation is dropped, and a 2xx with a body becomes the 406 (or the catch-all's 500).
    if (reply.contentType === PROBLEM_TYPE && isUnreadableAccept(accept)) return empty(reply.status);
    if (reply.contentType !== JSON_TYPE && reply.contentType !== ACTUATOR_TYPE) return reply;
    // Actuator's endpoints produce their own versioned type or plain JSON, chosen by Accept.
    const written = reply.contentType === ACTUATOR_TYPE ? actuatorTypeFor(accept) : jsonTypeFor(accept);
    if (written === reply.contentType) return reply;
    if (written) return { ...reply, contentType: written };
    if (reply.status < 400) return style.toReply(new FrameworkError({ kind: "notAcceptable" }), errorContext);
    // The headers set before the error page was rendered (Allow, a session cookie) stay.
    return errorContext.wantsHtml
      ? bootReply(reply.status, errorContext, reply.headers)
      : empty(reply.status, reply.headers);
  }

  function dispatch(req: IncomingMessage, res: ServerResponse): void {
    const arrival = performance.now();
    const nowMs = clock.now();
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? "" : url.slice(q + 1);
    const accept = parseAccept(req.headers.accept);
    const errorContext: ErrorContext = { method, rawPath, nowMs, wantsHtml: prefersHtml(accept) };
    const segments = decodeSegments(rawPath);
    const named = segments ? router.nameFor(method, segments) : undefined;
    const plan: StrainPlan | undefined = strain.plan({ service, method, route: named?.path });
    strain.enter?.(service);
    // An injected status answers instead of the service: the request changes nothing, as when a
    // gateway or an overloaded service refuses it. Network faults keep the service's work.
    const injected =
      plan?.fault?.kind === "status" ? style.injected(plan.fault.status, errorContext) : undefined;
    let answered: Reply | Promise<Reply>;
    if (injected) {
      answered = injected;
    } else {
      try {
        answered = answer(req, method, rawPath, rawQuery, segments, errorContext);
      } catch (error) {
        answered = style.toReply(error, errorContext);
      }
    }
    if (answered instanceof Promise) {
      answered.then(finish, (error: unknown) => finish(style.toReply(error, errorContext)));
    } else {
      finish(answered);
    }

    function finish(answer: Reply): void {
      const reply = injected ?? negotiate(answer, accept, errorContext);
      // An unread body on a refused write would otherwise sit in the socket; let Node discard it.
      if (WRITE_METHODS.has(method) && !req.readableEnded) req.resume();
      deliver(res, reply, plan, arrival, (delivered) => {
        strain.leave?.(service);
        const durationMs = performance.now() - arrival;
        context.observe?.(
          exchangeOf(req, {
            time: nowMs,
            service,
            method,
            path: rawPath,
            query: rawQuery,
            reply,
            status: delivered.status,
            durationMs,
            fault: delivered.fault,
          }),
        );
        telemetry.record({
          time: nowMs,
          service,
          method,
          path: rawPath,
          route: named?.path ?? (reply.status === 404 ? "NOT_FOUND" : "UNKNOWN"),
          status: delivered.status,
          durationMs,
          delayMs: plan?.delayMs ?? 0,
          fault: delivered.fault,
          bytes: delivered.bytes,
        });
      });
    }
  }

  return serviceApp(
    dispatch,
    router.all.map((route) => route.path),
  );
}
