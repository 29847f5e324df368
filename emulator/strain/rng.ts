/**
 * The only source of randomness for latency and faults: a small seeded generator (sfc32, seeded
 * through splitmix32), so `--seed N` replays every choice. Each service draws from its own stream
 * (`createRng(seed, "bands")`), so one service's sequence does not depend on how its requests
 * interleave with another's.
 */
export interface Rng {
  /** A uniform number in [0, 1). */
  next(): number;
}

/** FNV-1a, to turn a stream name into 32 bits. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRng(seed: number, stream = ""): Rng {
  // Seeds are safe integers (up to 2^53): fold the high bits in instead of dropping them.
  const high = Math.floor(seed / 0x1_0000_0000);
  let state = ((seed >>> 0) ^ Math.imul(high, 0x9e3779b1) ^ hashLabel(stream)) >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return {
    next() {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      return (t >>> 0) / 0x1_0000_0000;
    },
  };
}

/** A standard normal deviate (Box–Muller; `1 - u` keeps the logarithm away from 0). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
