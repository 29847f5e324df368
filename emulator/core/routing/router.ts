/**
 * Request → route, the way Spring's RequestMappingHandlerMapping picks one: among the patterns
 * that match the path, the most specific one with the request's method wins; if patterns match
 * the path but none has the method, that is a 405 listing their methods; no pattern is a 404
 * (the static-resource fallback). HEAD is served by GET mappings.
 */
import { FrameworkError } from "../http/errors.js";
import { compareSpecificity, matchPattern } from "./path-pattern.js";
import type { HttpMethod, Route } from "./route.js";

export interface RouteMatch {
  route: Route;
  variables: Record<string, string>;
}

export class Router {
  private readonly routes: Route[];

  constructor(routes: readonly Route[]) {
    this.routes = [...routes].sort((a, b) => compareSpecificity(a.pattern, b.pattern));
  }

  get all(): readonly Route[] {
    return this.routes;
  }

  /** The route for `method` on `segments`; throws the 404/405 Spring would raise. */
  resolve(method: string, segments: readonly string[]): RouteMatch {
    const wanted = method === "HEAD" ? "GET" : method;
    let allowed: HttpMethod[] | undefined;
    for (const route of this.routes) {
      const variables = matchPattern(route.pattern, segments);
      if (!variables) continue;
      if (route.method === wanted) return { route, variables };
      allowed ??= [];
      if (!allowed.includes(route.method)) allowed.push(route.method);
    }
    if (allowed) throw new FrameworkError({ kind: "methodNotAllowed", allow: allowed.sort() });
    throw new FrameworkError({ kind: "noResource" });
  }

  /** The first match regardless of method: the route's name for metrics and latency settings. */
  nameFor(method: string, segments: readonly string[]): Route | undefined {
    const wanted = method === "HEAD" ? "GET" : method;
    let fallback: Route | undefined;
    for (const route of this.routes) {
      if (!matchPattern(route.pattern, segments)) continue;
      if (route.method === wanted) return route;
      fallback ??= route;
    }
    return fallback;
  }

  /**
   * Spring's automatic OPTIONS answer: the declared methods, plus HEAD for GET, plus OPTIONS.
   * Undefined when no mapping has this path: the OPTIONS then reaches the static-resource handler,
   * which finds nothing and raises NoResourceFoundException like any other method.
   */
  allowFor(segments: readonly string[]): string[] | undefined {
    const methods: string[] = [];
    for (const route of this.routes) {
      if (matchPattern(route.pattern, segments) && !methods.includes(route.method))
        methods.push(route.method);
    }
    if (methods.length === 0) return undefined;
    const allow = methods.sort().flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method]));
    allow.push("OPTIONS");
    return allow;
  }
}
