/**
 * Streaming recording writer. `add` only queues a reference, so the request that produced the
 * exchange pays nothing; turning it into a line (headers, redaction, JSON) and writing happens in
 * batches on a later turn of the event loop, one file write per batch. `close` writes what is
 * queued and closes the file: call it before the process exits.
 */
import { open, type FileHandle } from "node:fs/promises";
import { captureExchange, type RawExchange } from "./capture.js";
import {
  RECORDING_FORMAT,
  RECORDING_VERSION,
  type RecordedExchange,
  type RecordingHeader,
  type RecordingSource,
} from "./format.js";

export interface OpenRecordingOptions {
  source: RecordingSource;
  services?: RecordingHeader["services"];
  note?: string;
  /** Epoch milliseconds; the recording's start (default: Date.now()). */
  startedAtMs?: number;
  /** Told once if writing fails (the disk filled up…); later exchanges are dropped. */
  onError?: (error: Error) => void;
}

type Queued = { raw: RawExchange } | { recorded: RecordedExchange };

export class RecordingWriter {
  private queue: Queued[] = [];
  private draining: Promise<void> | undefined;
  private failure: Error | undefined;
  private closed = false;
  private written = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly header: RecordingHeader,
    readonly startedAtMs: number,
    private readonly onError: ((error: Error) => void) | undefined,
  ) {}

  /** Create (or truncate) `path` and write the header line; rejects if the file cannot be written. */
  static async open(path: string, options: OpenRecordingOptions): Promise<RecordingWriter> {
    const startedAtMs = options.startedAtMs ?? Date.now();
    const header: RecordingHeader = {
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      createdAt: new Date(startedAtMs).toISOString(),
      source: options.source,
      ...(options.services ? { services: options.services } : {}),
      ...(options.note ? { note: options.note } : {}),
    };
    const handle = await open(path, "w");
    try {
      await handle.write(`${JSON.stringify(header)}\n`);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new RecordingWriter(handle, header, startedAtMs, options.onError);
  }

  /** Queue an exchange as seen on the wire; it is captured and written on a later tick. */
  add(raw: RawExchange): void {
    this.enqueue({ raw });
  }

  /** Queue an exchange already in recording form (a HAR import, a copied recording). */
  write(recorded: RecordedExchange): void {
    this.enqueue({ recorded });
  }

  /** Exchanges written to the file so far. */
  get count(): number {
    return this.written;
  }

  /** Resolves once everything queued before the call is in the file. */
  async flush(): Promise<void> {
    while (this.draining || (this.queue.length > 0 && !this.failure)) {
      await (this.draining ?? this.drain());
    }
    if (this.failure) throw this.failure;
  }

  /** Write what is queued and close the file. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      await this.handle.close();
    }
  }

  private enqueue(item: Queued): void {
    if (this.closed || this.failure) return;
    this.queue.push(item);
    if (this.queue.length === 1 && !this.draining) setImmediate(() => void this.drain());
  }

  private drain(): Promise<void> {
    this.draining ??= this.writeAll().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async writeAll(): Promise<void> {
    while (this.queue.length > 0 && !this.failure) {
      const batch = this.queue;
      this.queue = [];
      let text = "";
      for (const item of batch) {
        const line = "raw" in item ? captureExchange(item.raw, this.startedAtMs) : item.recorded;
        text += `${JSON.stringify(line)}\n`;
      }
      try {
        await this.handle.write(text);
        this.written += batch.length;
      } catch (error) {
        this.failure = error as Error;
        this.queue = [];
        this.onError?.(this.failure);
      }
    }
  }
}
