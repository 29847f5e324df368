/**
 * Bending the headers: very long and binary values, a control character (which makes the request
 * unparseable), many headers, CORS preflights, method overrides, Expect, cookies, content
 * encodings, a second Content-Type, chunked framing, conditional and preference headers.
 */
import type { Mutable } from "./mutate-request.js";
import type { FuzzState } from "./state.js";

export function mutateHeaders(d: Mutable, s: FuzzState): string {
  const roll = s.int(0, 12);
  const add = (name: string, value: string | Buffer) => d.extraHeaders.push([name, value]);
  switch (roll) {
    case 0: {
      const size = s.pick([100, 8000, 15_000, 20_000]);
      add("X-Filler", "f".repeat(size));
      return `a ${size}-byte header`;
    }
    case 1:
      add("X-Name", Buffer.from([0x62, 0xe9, 0x6e, 0xff]));
      return "latin1 bytes in a header";
    case 2:
      add("X-Ctl", Buffer.from([0x61, 0x01, 0x62]));
      d.flawed = true;
      return "a control character in a header";
    case 3:
      for (let i = 0; i < 120; i++) add(`X-Many-${i}`, String(i));
      return "120 extra headers";
    case 4:
      add("Origin", "http://evil.example");
      add("Access-Control-Request-Method", s.pick(["GET", "DELETE"]));
      return "a CORS preflight";
    case 5:
      add("X-HTTP-Method-Override", "DELETE");
      return "X-HTTP-Method-Override";
    case 6:
      add("Expect", "100-continue");
      return "Expect: 100-continue";
    case 7:
      add("Cookie", "JSESSIONID=ABC; XSRF-TOKEN=x");
      return "cookies";
    case 8:
      add("Content-Encoding", s.pick(["gzip", "br", "identity", "bogus"]));
      return "Content-Encoding";
    case 9:
      add("Content-Type", "text/plain");
      return "a second Content-Type";
    case 10:
      d.chunked = d.body !== undefined;
      return "chunked body";
    case 11:
      add("If-None-Match", '"x"');
      add("Range", "bytes=0-1");
      return "conditional and range headers";
    default:
      add("Accept-Charset", "latin1");
      add("Accept-Language", "cs-CZ, *;q=0.1");
      return "charset and language preferences";
  }
}
