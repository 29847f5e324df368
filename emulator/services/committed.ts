/**
 * A write's answer, sent once its change is durable: with `--data` after the store file is
 * written, in memory at once — without the microtask an `await` would cost every request.
 */
import type { Reply } from "../core/http/reply.js";
import type { Store } from "../core/store/store.js";

export function committed(store: Store, reply: Reply): Reply | Promise<Reply> {
  return store.persistent ? store.commit().then(() => reply) : reply;
}
