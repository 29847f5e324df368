/**
 * Writing a Reply to the wire, with the injected delay and fault of its StrainPlan. The delay is
 * counted from the request's arrival and never blocks: a timer per response, no queue.
 */
import type { ServerResponse } from "node:http";
import { MAX_TIMER_MS } from "../../../common/timers.js";
import type { Fault, StrainPlan } from "../strain.js";
import { SECURITY_HEADERS_FLAT } from "./headers.js";
import type { Reply } from "./reply.js";

export interface Delivered {
  status: number;
  bytes: number;
  fault: string | undefined;
}

/** Responses held by a `hang` fault, so a shutdown can cut them. */
export const hangingResponses = new Set<ServerResponse>();

export function deliver(
  res: ServerResponse,
  reply: Reply,
  plan: StrainPlan | undefined,
  arrival: number,
  done: (delivered: Delivered) => void,
): void {
  const write = () => {
    if (res.destroyed) return done({ status: 0, bytes: 0, fault: plan?.fault?.kind });
    if (plan?.fault) return applyFault(res, reply, plan.fault, done);
    const bytes = writeReply(res, reply);
    done({ status: reply.status, bytes, fault: undefined });
  };
  const deadline = arrival + (plan?.delayMs ?? 0);
  const waitForDeadline = () => {
    const left = deadline - performance.now();
    // Timers count whole milliseconds from the loop's cached clock and can fire a little early;
    // a delay is a promise ("at least this long after arrival"), so wait out the remainder.
    // A timer holds at most 2^31 - 1 ms (Node fires a longer one after 1 ms, with a warning):
    // a longer delay waits in steps.
    if (left > 0) setTimeout(waitForDeadline, Math.min(Math.ceil(left), MAX_TIMER_MS));
    else write();
  };
  waitForDeadline();
}

function headersOf(reply: Reply, length: number): string[] {
  const headers = [...SECURITY_HEADERS_FLAT];
  if (reply.headers) for (const [name, value] of reply.headers) headers.push(name, value);
  if (reply.contentType) headers.push("Content-Type", reply.contentType);
  if (reply.status !== 204 && reply.status !== 304) headers.push("Content-Length", String(length));
  return headers;
}

function bodyOf(reply: Reply): Buffer | string {
  // 204 never has a body: Tomcat drops what the controller returned (contract §1.8).
  if (reply.status === 204 || reply.body === undefined) return "";
  return reply.body;
}

export function writeReply(res: ServerResponse, reply: Reply): number {
  const body = bodyOf(reply);
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  res.writeHead(reply.status, headersOf(reply, length));
  res.end(body);
  return length;
}

function applyFault(res: ServerResponse, reply: Reply, fault: Fault, done: (d: Delivered) => void): void {
  const socket = res.socket;
  switch (fault.kind) {
    case "status":
      // The pipeline has already replaced the reply with the service's own error body.
      done({ status: reply.status, bytes: writeReply(res, reply), fault: "status" });
      return;
    case "reset":
      // resetAndDestroy sends a TCP RST: the client sees ECONNRESET, not a clean close.
      if (socket) socket.resetAndDestroy();
      else res.destroy();
      done({ status: 0, bytes: 0, fault: "reset" });
      return;
    case "hang":
      hangingResponses.add(res);
      res.on("close", () => {
        hangingResponses.delete(res);
        done({ status: 0, bytes: 0, fault: "hang" });
      });
      return;
    case "truncate": {
      // The full Content-Length is announced and half the body sent: the client sees a premature
      // close. An empty body cannot be cut, so it gets its headers and a closed connection.
      const body = Buffer.from(bodyOf(reply));
      const half = body.subarray(0, Math.floor(body.length / 2));
      res.writeHead(reply.status, headersOf(reply, body.length));
      if (half.length === 0) {
        res.flushHeaders();
        socket?.end();
      } else {
        res.write(half, () => socket?.destroy());
      }
      done({ status: reply.status, bytes: half.length, fault: "truncate" });
      return;
    }
    case "slow":
      trickle(res, reply, fault.bytesPerSecond, done);
      return;
  }
}

/** Chunks of a trickled body go out at most this often (20 a second). */
const TRICKLE_INTERVAL_MS = 50;

/**
 * A body trickled out in small chunks at `bytesPerSecond`. Below 20 bytes a second the chunks
 * are single bytes spaced further apart, so the rate holds for slow settings too.
 */
function trickle(
  res: ServerResponse,
  reply: Reply,
  bytesPerSecond: number,
  done: (d: Delivered) => void,
): void {
  const body = Buffer.from(bodyOf(reply));
  res.writeHead(reply.status, headersOf(reply, body.length));
  const interval = Math.max(TRICKLE_INTERVAL_MS, 1000 / bytesPerSecond);
  const chunk = Math.max(1, Math.floor((bytesPerSecond * interval) / 1000));
  let offset = 0;
  const step = () => {
    if (res.destroyed) return done({ status: 0, bytes: offset, fault: "slow" });
    const end = Math.min(body.length, offset + chunk);
    res.write(body.subarray(offset, end));
    offset = end;
    if (offset >= body.length) {
      res.end();
      return done({ status: reply.status, bytes: body.length, fault: "slow" });
    }
    setTimeout(step, interval);
  };
  step();
}
