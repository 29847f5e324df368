/**
 * `replay --record FILE`: every request the run sends and what it got, written in the recording
 * format (recordings/README.md) with the virtual user as the session, so the file can be
 * replayed with `replay --recording` — for generated and recorded traffic alike. It wraps the
 * HTTP client and only queues each exchange; the writer captures (allow-list, redaction) and
 * writes in batches later, so the measured request pays nothing for it.
 */
import { RecordingWriter, type RecordingHeader } from "../../common/recording/index.js";
import type { Clock } from "../engine/clock.js";
import type { HttpClient, HttpResult, SendOptions } from "../engine/http-client.js";
import type { ServiceName } from "../services.js";

type Client = Pick<HttpClient, "send" | "close" | "destroy" | "requestHeaders">;

export class RecordingSender {
  private constructor(
    private readonly client: Client,
    private readonly writer: RecordingWriter,
    private readonly clock: Clock,
    private readonly calendar: () => number,
  ) {}

  /** Creates the file now, so a path that cannot be written stops the run before it starts. */
  static async open(
    file: string,
    client: Client,
    io: { clock: Clock; calendar: () => number },
    header: { services: RecordingHeader["services"]; note: string },
  ): Promise<RecordingSender> {
    const writer = await RecordingWriter.open(file, {
      source: "replay",
      services: header.services,
      note: header.note,
      startedAtMs: io.calendar(),
    });
    return new RecordingSender(client, writer, io.clock, io.calendar);
  }

  async send(
    service: ServiceName,
    method: string,
    path: string,
    body?: string | Buffer,
    options?: SendOptions,
  ): Promise<HttpResult> {
    const time = this.calendar();
    const startMs = this.clock.now();
    const result = await this.client.send(service, method, path, body, options);
    const query = path.indexOf("?");
    this.writer.add({
      time,
      session: options?.user ?? "replay",
      service,
      method,
      path: query < 0 ? path : path.slice(0, query),
      query: query < 0 ? "" : path.slice(query + 1),
      requestHeaders: this.client.requestHeaders(body, options),
      requestBody: body,
      status: result.status ?? 0,
      responseHeaders: result.headers ?? {},
      responseBody: result.chunks.length === 1 ? result.chunks[0] : Buffer.concat(result.chunks),
      durationMs: this.clock.now() - startMs,
      // No answer: the recording says why, as the proxy does for an upstream it could not reach.
      ...(result.error === null ? {} : { fault: result.error }),
    });
    return result;
  }

  close(): Promise<void> {
    return this.client.close();
  }

  destroy(): Promise<void> {
    return this.client.destroy();
  }

  /** Exchanges in the file once `finish` resolved. */
  get count(): number {
    return this.writer.count;
  }

  /** Write what is queued and close the recording. */
  finish(): Promise<void> {
    return this.writer.close();
  }
}
