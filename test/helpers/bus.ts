/**
 * Watching and holding the emulator's message bus in tests, without timing assumptions.
 */
import type { Message } from "../../emulator/core/messaging/bus.js";
import type { TestEmulator } from "./emulator.js";

/** Every message sent on the emulator's bus from now on, as it was when sent. */
export function recordSends(t: TestEmulator): Message[] {
  const sent: Message[] = [];
  const bus = t.emu.bus;
  const send = bus.send.bind(bus);
  bus.send = (...args: Parameters<typeof bus.send>) => {
    const message = send(...args);
    sent.push({ ...message });
    return message;
  };
  return sent;
}

/**
 * Keeps the saga's commands from reaching the bus until `release()`, so a test can act on the
 * offer "between step 3 and step 5" (contract §7.2) without racing the delivery timer.
 */
export function holdCommands(t: TestEmulator): { held: number; release(): void } {
  const bus = t.emu.bus;
  const send = bus.send.bind(bus);
  const held: Parameters<typeof bus.send>[] = [];
  bus.send = (...args: Parameters<typeof bus.send>) => {
    if (args[0] !== "band.offer-accept.cmd") return send(...args);
    held.push(args);
    return {
      id: "held",
      queue: args[0],
      type: args[1],
      correlationId: args[3],
      payload: args[2],
      sentAt: 0,
      deliveries: 0,
    };
  };
  return {
    get held() {
      return held.length;
    },
    release() {
      bus.send = send;
      for (const args of held.splice(0)) send(...args);
    },
  };
}
