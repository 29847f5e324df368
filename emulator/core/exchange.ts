/**
 * One request and its answer as a service saw them, handed to observers (the recorder) after the
 * answer went out. Built only when someone observes, so it costs nothing otherwise.
 */
import type { IncomingMessage } from "node:http";
import { bodyRead } from "./http/read-body.js";
import type { Reply } from "./http/reply.js";

export interface Exchange {
  /** Epoch milliseconds at arrival. */
  time: number;
  service: string;
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  requestHeaders: IncomingMessage["headers"];
  requestBody: Buffer | undefined;
  status: number;
  responseHeaders: ReadonlyArray<readonly [string, string]>;
  responseBody: string | Buffer | undefined;
  durationMs: number;
  fault: string | undefined;
  remoteAddress: string | undefined;
}

export type ExchangeObserver = (exchange: Exchange) => void;

export function exchangeOf(
  req: IncomingMessage,
  fields: {
    time: number;
    service: string;
    method: string;
    path: string;
    query: string;
    reply: Reply;
    status: number;
    durationMs: number;
    fault: string | undefined;
  },
): Exchange {
  const { reply } = fields;
  const responseHeaders = [
    ...(reply.headers ?? []),
    ...(reply.contentType ? [["Content-Type", reply.contentType] as const] : []),
  ];
  return {
    time: fields.time,
    service: fields.service,
    method: fields.method,
    path: fields.path,
    query: fields.query,
    requestHeaders: req.headers,
    requestBody: bodyRead(req),
    status: fields.status,
    responseHeaders,
    responseBody: reply.status === 204 ? undefined : reply.body,
    durationMs: fields.durationMs,
    fault: fields.fault,
    remoteAddress: req.socket.remoteAddress,
  };
}
