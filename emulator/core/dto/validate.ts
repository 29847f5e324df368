/**
 * Bean Validation over a bound DTO: declaration order, one message per field (the first violated
 * constraint), nested paths like `cityVisits[0].dateFrom` (contract §1.4 MC-VAL / TS-VAL).
 */
import { isValidEmail } from "./email.js";
import { fieldEntries } from "./field-entries.js";
import type { Constraint, Dto, FieldMap, LocalDateTimeValue } from "./schema.js";

export interface FieldError {
  field: string;
  message: string;
}

export function validateDto<F extends FieldMap>(
  schema: Dto<F>,
  value: object,
  nowMs: number,
  prefix = "",
): FieldError[] {
  const errors: FieldError[] = [];
  const record = value as Record<string, unknown>;
  for (const [name, spec] of fieldEntries(schema.fields)) {
    const fieldValue = record[name];
    const path = prefix + name;
    const violated = spec.constraints.find((constraint) => violates(constraint, fieldValue, nowMs));
    if (violated && violated.kind !== "valid") errors.push({ field: path, message: violated.message });
    if (
      spec.type.kind === "objects" &&
      spec.constraints.some((c) => c.kind === "valid") &&
      Array.isArray(fieldValue)
    ) {
      const nested = spec.type.dto;
      fieldValue.forEach((item, index) => {
        if (item !== null && typeof item === "object") {
          errors.push(...validateDto(nested, item as object, nowMs, `${path}[${index}].`));
        }
      });
    }
  }
  return errors;
}

function instantOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (value && typeof value === "object" && "epochMs" in value) return (value as LocalDateTimeValue).epochMs;
  return undefined;
}

function violates(constraint: Constraint, value: unknown, nowMs: number): boolean {
  switch (constraint.kind) {
    case "notNull":
      return value === null || value === undefined;
    case "notBlank":
      return typeof value !== "string" || value.trim().length === 0;
    case "size":
      return typeof value === "string" && (value.length < constraint.min || value.length > constraint.max);
    case "email":
      return typeof value === "string" && !isValidEmail(value);
    case "min":
      return typeof value === "number" && value < constraint.value;
    case "pastOrPresent": {
      const instant = instantOf(value);
      return instant !== undefined && instant > nowMs;
    }
    case "futureOrPresent": {
      const instant = instantOf(value);
      return instant !== undefined && instant < nowMs;
    }
    case "valid":
      return false;
  }
}
