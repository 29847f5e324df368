/**
 * The in-process stand-in for Artemis (contract §7): point-to-point queues, a delivery delay,
 * transacted listeners (a listener that throws gets the message again, up to `maxDeliveries`,
 * then it goes to the dead-letter queue), and a view of what is pending and dead for the control
 * plane and the log.
 */
import { randomUUID } from "node:crypto";

export interface Message {
  id: string;
  queue: string;
  /** The Java class of the payload, as the `_type` property of the real JMS message. */
  type: string;
  correlationId: string | undefined;
  payload: Record<string, unknown>;
  sentAt: number;
  deliveries: number;
  lastError?: string;
}

export type Listener = (message: Message) => void | Promise<void>;

export interface BusOptions {
  /** Delay before each delivery attempt (the broker round trip). */
  delayMs: number;
  /** Artemis' default max-delivery-attempts. */
  maxDeliveries: number;
  now: () => number;
  log?: (line: string) => void;
}

export class MessageBus {
  private readonly listeners = new Map<string, Listener>();
  private readonly inFlight = new Map<string, { message: Message; timer: NodeJS.Timeout }>();
  private readonly dead: Message[] = [];
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: BusOptions) {}

  listen(queue: string, listener: Listener): void {
    this.listeners.set(queue, listener);
  }

  send(queue: string, type: string, payload: Record<string, unknown>, correlationId?: string): Message {
    const message: Message = {
      id: randomUUID(),
      queue,
      type,
      correlationId,
      payload,
      sentAt: this.options.now(),
      deliveries: 0,
    };
    this.schedule(message);
    return message;
  }

  /** Messages waiting for (re)delivery, oldest first. */
  pending(): Message[] {
    return [...this.inFlight.values()]
      .map(({ message }) => ({ ...message }))
      .sort((a, b) => a.sentAt - b.sentAt);
  }

  deadLetters(): Message[] {
    return this.dead.map((message) => ({ ...message }));
  }

  clear(): void {
    for (const { timer } of this.inFlight.values()) clearTimeout(timer);
    this.inFlight.clear();
    this.dead.length = 0;
    this.notifyIdle();
  }

  /** Resolves once nothing is pending (every message handled or dead-lettered). */
  idle(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.inFlight.values()) clearTimeout(timer);
    this.inFlight.clear();
    this.notifyIdle();
  }

  private schedule(message: Message): void {
    if (this.closed) return;
    const timer = setTimeout(() => void this.deliver(message), this.options.delayMs);
    timer.unref();
    this.inFlight.set(message.id, { message, timer });
  }

  private async deliver(message: Message): Promise<void> {
    const listener = this.listeners.get(message.queue);
    message.deliveries++;
    try {
      if (!listener) throw new Error(`no listener on ${message.queue}`);
      await listener(message);
      this.inFlight.delete(message.id);
    } catch (error) {
      message.lastError = error instanceof Error ? error.message : String(error);
      this.inFlight.delete(message.id);
      if (message.deliveries >= this.options.maxDeliveries) {
        this.dead.push(message);
        this.options.log?.(
          `saga: ${message.type} on ${message.queue} dead-lettered after ${message.deliveries} deliveries: ${message.lastError}`,
        );
      } else {
        this.schedule(message);
      }
    }
    if (this.inFlight.size === 0) this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

export function newSagaId(): string {
  return randomUUID();
}
