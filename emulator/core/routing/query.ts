/**
 * Query strings and form bodies as Tomcat decodes them: UTF-8, `+` is a space, repeated keys keep
 * every value, and a parameter whose percent-encoding is broken is dropped (Tomcat skips it).
 */
export type Parameters = Map<string, string[]>;

export function parseParameters(text: string, into: Parameters = new Map()): Parameters {
  if (text.length === 0) return into;
  for (const pair of text.split("&")) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf("=");
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? "" : pair.slice(eq + 1);
    const name = decode(rawName);
    const value = decode(rawValue);
    if (name === undefined || value === undefined || name.length === 0) continue;
    const values = into.get(name);
    if (values) values.push(value);
    else into.set(name, [value]);
  }
  return into;
}

function decode(text: string): string | undefined {
  const spaced = text.includes("+") ? text.replace(/\+/g, " ") : text;
  if (!spaced.includes("%")) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}
