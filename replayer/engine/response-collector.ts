import type { Dispatcher } from "undici";
import { failureReason } from "./failure-reason.js";

/** Response headers as undici parsed them: lower-case names, a repeated header as an array. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface HttpResult {
  /** The status, or null when no HTTP answer arrived. */
  status: number | null;
  /** The response headers, when an HTTP answer arrived. */
  headers?: ResponseHeaders;
  /** Response body bytes received. */
  bytes: number;
  chunks: Buffer[];
  /** Why no HTTP answer arrived, or null. */
  error: string | null;
}

/**
 * Collects one response. undici's low-level `dispatch` with this handler was measured ~50 %
 * faster than `request()`, which builds a stream per response; the body is read to its end
 * either way, so the keep-alive connection can take the next request.
 */
export class ResponseCollector implements Dispatcher.DispatchHandler {
  private status: number | null = null;
  private headers: ResponseHeaders | undefined;
  private bytes = 0;
  private readonly chunks: Buffer[] = [];
  private controller: Dispatcher.DispatchController | undefined;
  private expired: Error | undefined;

  constructor(
    readonly deadlineMs: number,
    private readonly settle: (collector: ResponseCollector, result: HttpResult) => void,
  ) {}

  /** Ends the request as a timeout (now, or as soon as undici hands it a connection). */
  expire(error: Error): void {
    this.expired = error;
    this.controller?.abort(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.expired) controller.abort(this.expired);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: ResponseHeaders,
  ): void {
    this.status = statusCode;
    // Only a reference: undici has parsed them for every response anyway.
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.settle(this, {
      status: this.status,
      headers: this.headers,
      bytes: this.bytes,
      chunks: this.chunks,
      error: null,
    });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.settle(this, { status: null, bytes: this.bytes, chunks: [], error: failureReason(error) });
  }
}
