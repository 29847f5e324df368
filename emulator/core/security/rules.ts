/**
 * A service's authorization rules as data (contract §3.1, §4.1, §5.1, §6.1): evaluated top to
 * bottom, first match wins, anything unmatched is permitAll. The method must be equal, so HEAD and
 * OPTIONS never match a GET rule.
 */
import { compilePattern, matchPattern, type PathPattern } from "../routing/path-pattern.js";
import type { HttpMethod } from "../routing/route.js";

export interface SecurityRule {
  method: HttpMethod;
  pattern: string;
  /** The request needs any one of these scopes (`test_1` → authority `SCOPE_test_1`). */
  anyOf: readonly string[];
  /** Why the rule is odd, when it is (shadowed, disagrees with the annotation…). */
  note?: string;
}

export interface CompiledRule extends SecurityRule {
  compiled: PathPattern;
}

export function compileRules(rules: readonly SecurityRule[]): CompiledRule[] {
  return rules.map((rule) => ({ ...rule, compiled: compilePattern(rule.pattern) }));
}

/** The first rule matching the request, or undefined for permitAll. */
export function firstMatch(
  rules: readonly CompiledRule[],
  method: string,
  segments: readonly string[],
): CompiledRule | undefined {
  for (const rule of rules) {
    if (rule.method === method && matchPattern(rule.compiled, segments)) return rule;
  }
  return undefined;
}
