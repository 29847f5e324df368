/**
 * Spring MVC path patterns as the real services use them, for both the controllers' mappings and
 * the security rules (contract §1.5): `{var}` matches exactly one non-empty segment, a trailing
 * `/**` matches zero or more segments (so `/x/**` also matches `/x` and `/x/`), and everything
 * else must match exactly — no trailing-slash or case leniency.
 */
export type Segment = { literal: string } | { variable: string };

export interface PathPattern {
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly catchAll: boolean;
  /** Fewer variables is more specific; Spring's comparator puts literals first. */
  readonly variableCount: number;
  readonly literalLength: number;
}

export function compilePattern(text: string): PathPattern {
  const parts = text.split("/").slice(1);
  const catchAll = parts[parts.length - 1] === "**";
  if (catchAll) parts.pop();
  const segments = parts.map((part): Segment => {
    const variable = /^\{(\w+)\}$/.exec(part);
    return variable ? { variable: variable[1] as string } : { literal: part };
  });
  const variableCount = segments.filter((s) => "variable" in s).length + (catchAll ? 1 : 0);
  const literalLength = segments.reduce((sum, s) => sum + ("literal" in s ? s.literal.length : 0), 0);
  return { text, segments, catchAll, variableCount, literalLength };
}

/**
 * Match decoded path segments (`/api/bands/7` → `["api", "bands", "7"]`, a trailing slash adds an
 * empty last segment). Returns the captured variables, or undefined.
 */
export function matchPattern(
  pattern: PathPattern,
  segments: readonly string[],
): Record<string, string> | undefined {
  const { segments: expected, catchAll } = pattern;
  if (catchAll ? segments.length < expected.length : segments.length !== expected.length) return undefined;
  let captured: Record<string, string> | undefined;
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as Segment;
    const got = segments[i] as string;
    if ("literal" in want) {
      if (want.literal !== got) return undefined;
    } else {
      if (got.length === 0) return undefined;
      (captured ??= {})[want.variable] = got;
    }
  }
  return captured ?? NO_VARIABLES;
}

const NO_VARIABLES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Most specific first: fewer variables, then more literal text (Spring's PathPattern order). */
export function compareSpecificity(a: PathPattern, b: PathPattern): number {
  if (a.catchAll !== b.catchAll) return a.catchAll ? 1 : -1;
  if (a.variableCount !== b.variableCount) return a.variableCount - b.variableCount;
  return b.literalLength - a.literalLength;
}
