/** Errors the CLI maps to its exit codes in its one top-level catch. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export class TargetUnreachableError extends Error {
  readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = "TargetUnreachableError";
  }
}
