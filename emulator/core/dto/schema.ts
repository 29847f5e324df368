/**
 * DTO schemas: one declaration per Java DTO, used three ways — to bind a JSON body the way Jackson
 * does (bind.ts), to run Bean Validation on it (validate.ts), and to describe it in the OpenAPI
 * document (openapi.ts), so the three can never disagree.
 */

/** A Java `Long` that arrived in a path or query: exact text survives even beyond 2^53. */
export type Id = number | bigint;

export type Constraint =
  | { kind: "notBlank"; message: string }
  | { kind: "notNull"; message: string }
  | { kind: "size"; min: number; max: number; message: string }
  | { kind: "email"; message: string }
  | { kind: "min"; value: number; message: string }
  | { kind: "pastOrPresent"; message: string }
  | { kind: "futureOrPresent"; message: string }
  | { kind: "valid" };

export type FieldType =
  | { kind: "string" }
  | { kind: "long" }
  | { kind: "int" }
  | { kind: "enum"; values: readonly string[]; javaType: string }
  | { kind: "localDateTime" }
  | { kind: "date" }
  | { kind: "longs"; javaType: string }
  | { kind: "objects"; dto: Dto<FieldMap> };

export interface FieldSpec<T extends FieldType = FieldType> {
  type: T;
  constraints: Constraint[];
  /** Like a Java setter that throws: the error surfaces as a JSON parse error (contract §3.2, role). */
  setter?: (value: unknown) => string | undefined;
  /** Value when the property is absent (Java field initialiser). */
  absent?: unknown;
  description?: string;
}

export type FieldMap = Record<string, FieldSpec>;

export interface Dto<F extends FieldMap> {
  name: string;
  javaType: string;
  fields: F;
}

export interface LocalDateTimeValue {
  /** `2024-03-01T10:00:00` or `2024-03-01T10:00:00.5`, Jackson's output form. */
  text: string;
  /** Milliseconds since the epoch, reading the local date-time as UTC (the services run in UTC). */
  epochMs: number;
}

type ValueOf<T extends FieldType> = T extends { kind: "string" }
  ? string | null
  : T extends { kind: "long" }
    ? number | null
    : T extends { kind: "int" }
      ? number
      : T extends { kind: "enum" }
        ? string | null
        : T extends { kind: "localDateTime" }
          ? LocalDateTimeValue | null
          : T extends { kind: "date" }
            ? Date | null
            : T extends { kind: "longs" }
              ? number[] | null
              : T extends { kind: "objects"; dto: infer D }
                ? D extends Dto<infer G>
                  ? Bound<G>[] | null
                  : never
                : never;

export type Bound<F extends FieldMap> = { [K in keyof F]: ValueOf<F[K]["type"]> };
export type BoundDto<D> = D extends Dto<infer F> ? Bound<F> : never;

export function dto<F extends FieldMap>(name: string, javaType: string, fields: F): Dto<F> {
  return { name, javaType, fields };
}

function field<T extends FieldType>(
  type: T,
  constraints: Constraint[] = [],
  extra: Partial<FieldSpec<T>> = {},
): FieldSpec<T> {
  return { type, constraints, ...extra };
}

export const string = (...constraints: Constraint[]) => field({ kind: "string" } as const, constraints);
export const long = (...constraints: Constraint[]) => field({ kind: "long" } as const, constraints);
export const int = (...constraints: Constraint[]) => field({ kind: "int" } as const, constraints);
export const localDateTime = (...constraints: Constraint[]) =>
  field({ kind: "localDateTime" } as const, constraints);
export const date = (...constraints: Constraint[]) => field({ kind: "date" } as const, constraints);
export const longs = (javaType: string, ...constraints: Constraint[]) =>
  field({ kind: "longs", javaType } as const, constraints);
export const objects = <G extends FieldMap>(of: Dto<G>, ...constraints: Constraint[]) =>
  field({ kind: "objects", dto: of } as { kind: "objects"; dto: Dto<G> }, constraints);
export const enumeration = (values: readonly string[], javaType: string, ...constraints: Constraint[]) =>
  field({ kind: "enum", values, javaType } as const, constraints);

/** Attach a setter check or an absent-value default to a field. */
export function withField<T extends FieldType>(
  spec: FieldSpec<T>,
  extra: Partial<FieldSpec<T>>,
): FieldSpec<T> {
  return { ...spec, ...extra };
}

export const notBlank = (message: string): Constraint => ({ kind: "notBlank", message });
export const notNull = (message: string): Constraint => ({ kind: "notNull", message });
export const size = (min: number, max: number, message: string): Constraint => ({
  kind: "size",
  min,
  max,
  message,
});
export const email = (message: string): Constraint => ({ kind: "email", message });
export const min = (value: number, message: string): Constraint => ({ kind: "min", value, message });
export const pastOrPresent = (message: string): Constraint => ({ kind: "pastOrPresent", message });
export const futureOrPresent = (message: string): Constraint => ({ kind: "futureOrPresent", message });
export const valid: Constraint = { kind: "valid" };
