/**
 * The shape of a JSON value: its JSON types, the fields of its objects and the element shape of
 * its arrays — never its values, so ids, dates, hashes and names that must differ between two
 * stores never count. An array's element shape is the merge of all its elements: a field that
 * only some elements have is optional, a field that is a string in one and null in another may
 * be either.
 */

export type JsonKind = "object" | "array" | "string" | "number" | "boolean" | "null";

const KIND_ORDER: readonly JsonKind[] = ["object", "array", "string", "number", "boolean", "null"];

export interface FieldShape {
  shape: Shape;
  /** Present in every object merged into this shape. */
  always: boolean;
}

export interface Shape {
  kinds: ReadonlySet<JsonKind>;
  /** The fields, when `object` is among the kinds. */
  fields?: ReadonlyMap<string, FieldShape>;
  /** The merged element shape, when `array` is among the kinds and some array had elements. */
  element?: Shape;
}

function kindOf(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" ? type : "object";
}

export function shapeOf(value: unknown): Shape {
  const kind = kindOf(value);
  if (kind === "object") {
    const fields = new Map<string, FieldShape>();
    for (const [key, field] of Object.entries(value as Record<string, unknown>))
      fields.set(key, { shape: shapeOf(field), always: true });
    return { kinds: new Set([kind]), fields };
  }
  if (kind === "array") {
    const items = value as unknown[];
    const element = items.length === 0 ? undefined : items.map(shapeOf).reduce(mergeShapes);
    return element ? { kinds: new Set([kind]), element } : { kinds: new Set([kind]) };
  }
  return { kinds: new Set([kind]) };
}

function mergeFields(
  a: ReadonlyMap<string, FieldShape> | undefined,
  b: ReadonlyMap<string, FieldShape> | undefined,
): ReadonlyMap<string, FieldShape> | undefined {
  if (!a || !b) return a ?? b;
  const merged = new Map<string, FieldShape>();
  for (const [key, field] of a) {
    const other = b.get(key);
    merged.set(
      key,
      other
        ? { shape: mergeShapes(field.shape, other.shape), always: field.always && other.always }
        : { shape: field.shape, always: false },
    );
  }
  for (const [key, field] of b) if (!a.has(key)) merged.set(key, { shape: field.shape, always: false });
  return merged;
}

export function mergeShapes(a: Shape, b: Shape): Shape {
  const kinds = new Set([...a.kinds, ...b.kinds]);
  const fields = mergeFields(a.fields, b.fields);
  const element = a.element && b.element ? mergeShapes(a.element, b.element) : (a.element ?? b.element);
  return { kinds, ...(fields ? { fields } : {}), ...(element ? { element } : {}) };
}

/** `array or null` */
export function describeKinds(shape: Shape): string {
  return KIND_ORDER.filter((kind) => shape.kinds.has(kind)).join(" or ");
}
