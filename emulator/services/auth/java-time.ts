/**
 * Java's `ZonedDateTime.toString()` for a UTC zone, which the real `/token` puts in `expiresAt`
 * (contract §2): `2025-05-21T14:03:12Z[Etc/UTC]` — seconds dropped when zero, fraction only
 * when non-zero, in groups of three digits.
 */
export function javaZonedDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCSeconds();
  const millis = date.getUTCMilliseconds();
  let time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (seconds !== 0 || millis !== 0) time += `:${pad(seconds)}`;
  if (millis !== 0) time += `.${pad(millis, 3)}`;
  return `${day}T${time}Z[Etc/UTC]`;
}

/** Java's `Set.toString()` of the granted scopes: `[openid, profile, test_1]`. */
export function javaSetString(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}
