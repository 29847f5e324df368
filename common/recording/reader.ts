/**
 * Reading recordings line by line, so a long recording never has to fit in memory at once. Every
 * problem is a RecordingError naming the file and the line: `recording x.jsonl line 7: not valid
 * JSON (…)`. Blank lines are skipped; the first non-blank line must be the header.
 */
import { open } from "node:fs/promises";
import type { RecordedExchange, RecordingHeader } from "./format.js";
import { checkExchange, checkHeader } from "./validate.js";

export class RecordingError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`recording ${file}${line === undefined ? "" : ` line ${line}`}: ${problem}`);
    this.name = "RecordingError";
  }
}

export interface Recording {
  header: RecordingHeader;
  exchanges: RecordedExchange[];
}

export interface OpenedRecording {
  header: RecordingHeader;
  /** The exchanges in file order (the order their answers completed); iterate once. */
  exchanges: AsyncIterable<RecordedExchange>;
}

/** Turns numbered lines into the header and exchanges, throwing at the first broken one. */
class LineParser {
  header: RecordingHeader | undefined;

  constructor(private readonly name: string) {}

  /** The exchange on this line, undefined for the header or a blank line. */
  parse(text: string, lineNumber: number): RecordedExchange | undefined {
    const line = lineNumber === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (line.trim().length === 0) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new RecordingError(this.name, lineNumber, `not valid JSON (${(error as Error).message})`);
    }
    const checked = this.header ? checkExchange(value) : checkHeader(value);
    if (!checked.ok) throw new RecordingError(this.name, lineNumber, checked.problem);
    if (this.header) return checked.value as RecordedExchange;
    this.header = checked.value as RecordingHeader;
    return undefined;
  }

  requireHeader(): RecordingHeader {
    if (!this.header) throw new RecordingError(this.name, undefined, "empty file (no header line)");
    return this.header;
  }
}

/** A recording held in a string (tests, small files); `name` is what errors call it. */
export function parseRecording(text: string, name = "(text)"): Recording {
  const parser = new LineParser(name);
  const exchanges: RecordedExchange[] = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    const exchange = parser.parse(line.endsWith("\r") ? line.slice(0, -1) : line, index + 1);
    if (exchange) exchanges.push(exchange);
  });
  return { header: parser.requireHeader(), exchanges };
}

async function* linesOf(path: string): AsyncGenerator<string> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new RecordingError(
      path,
      undefined,
      `cannot read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  try {
    // A directory opens fine and fails only on its first read (EISDIR).
    let lines: AsyncIterator<string>;
    let next: IteratorResult<string>;
    try {
      lines = handle.readLines({ encoding: "utf8" })[Symbol.asyncIterator]();
      next = await lines.next();
    } catch (error) {
      throw new RecordingError(
        path,
        undefined,
        `cannot read (${(error as NodeJS.ErrnoException).code ?? error})`,
      );
    }
    for (; !next.done; next = await lines.next()) yield next.value;
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Open a recording file: the header is read (and checked) now, the exchanges as you iterate.
 * Errors on later lines surface from the iteration.
 */
export async function openRecording(path: string): Promise<OpenedRecording> {
  const parser = new LineParser(path);
  const lines = linesOf(path)[Symbol.asyncIterator]();
  let lineNumber = 0;
  try {
    while (!parser.header) {
      const next = await lines.next();
      if (next.done) parser.requireHeader();
      else parser.parse(next.value, ++lineNumber);
    }
  } catch (error) {
    await lines.return(undefined);
    throw error;
  }
  async function* exchanges(): AsyncGenerator<RecordedExchange> {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const exchange = parser.parse(next.value, ++lineNumber);
      if (exchange) yield exchange;
    }
  }
  return { header: parser.requireHeader(), exchanges: exchanges() };
}

/** The whole recording in memory. */
export async function readRecording(path: string): Promise<Recording> {
  const opened = await openRecording(path);
  const exchanges: RecordedExchange[] = [];
  for await (const exchange of opened.exchanges) exchanges.push(exchange);
  return { header: opened.header, exchanges };
}
