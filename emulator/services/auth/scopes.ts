/**
 * Which scopes a token may carry, and how `?scope=` narrows them.
 */
export const TEST_SCOPES = ["test_1", "test_2", "test_3"] as const;
export const KNOWN_SCOPES = new Set(["openid", "profile", ...TEST_SCOPES]);

export type ScopeRequest = { ok: true; scopes: string[] } | { ok: false; unknown: string[] };

/** `test_1 test_2` or `test_1,test_2`; absent means every test scope. */
export function requestedScopes(param: string | undefined): ScopeRequest {
  if (param === undefined) return { ok: true, scopes: [...TEST_SCOPES] };
  const scopes = [...new Set(param.split(/[\s,]+/).filter(Boolean))];
  const unknown = scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, scopes };
}

/** What the real `/token` lists in `scopes`: the OIDC scopes, then the granted test scopes. */
export function listedScopes(granted: readonly string[]): string[] {
  return ["openid", "profile", ...granted.filter((scope) => scope !== "openid" && scope !== "profile")];
}
