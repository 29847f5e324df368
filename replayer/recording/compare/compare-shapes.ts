/**
 * Where an actual JSON shape departs from the recorded one, in readable lines with a JSON path:
 * `$.members: expected array, got null`, `$.logo: missing (expected null)`,
 * `$[].cityVisits[].dateFrom: expected string, got number`, `$.extra: unexpected field (string)`.
 */
import { describeKinds, type Shape } from "./shape.js";

function fieldPath(path: string, name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

export function compareShapes(expected: Shape, actual: Shape, path: string, out: string[]): void {
  const foreign = [...actual.kinds].filter((kind) => !expected.kinds.has(kind));
  if (foreign.length > 0) {
    out.push(`${path}: expected ${describeKinds(expected)}, got ${describeKinds(actual)}`);
    return;
  }
  if (expected.fields && actual.fields) {
    for (const [name, field] of expected.fields) {
      const other = actual.fields.get(name);
      const where = fieldPath(path, name);
      if (!other) {
        if (field.always) out.push(`${where}: missing (expected ${describeKinds(field.shape)})`);
        continue;
      }
      if (field.always && !other.always) out.push(`${where}: missing in some elements`);
      compareShapes(field.shape, other.shape, where, out);
    }
    for (const [name, field] of actual.fields)
      if (!expected.fields.has(name))
        out.push(`${fieldPath(path, name)}: unexpected field (${describeKinds(field.shape)})`);
  }
  if (expected.element && actual.element) compareShapes(expected.element, actual.element, `${path}[]`, out);
}
