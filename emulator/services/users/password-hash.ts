/**
 * What the real service stores and returns as `password`: a BCrypt hash (contract §3.2). No
 * endpoint ever checks a password, so the emulator only has to produce the same shape —
 * `$2a$10$`, 22 salt characters and 31 hash characters of BCrypt's own base64 alphabet — without
 * BCrypt's deliberate CPU cost, which would make user creation the bottleneck of a load test.
 * A fresh random salt per call keeps the real property that hashing the same input twice gives two
 * different strings (the PUT re-hash of §3.2 is visible to clients).
 */
import { randomFillSync } from "node:crypto";

const ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const SALT_BYTES = 16;
const HASH_BYTES = 23;

/** BCrypt's 72-byte input limit (Spring Security 6.4.4 refuses longer passwords, contract §0). */
export const MAX_PASSWORD_BYTES = 72;

export type PasswordHasher = (password: string) => string;

/** OpenBSD BCrypt's base64 (no padding): 16 bytes → 22 characters, 23 bytes → 31. */
export function bcryptBase64(bytes: Uint8Array): string {
  let out = "";
  const char = (index: number) => ALPHABET[index & 0x3f] as string;
  for (let i = 0; i < bytes.length;) {
    const b1 = bytes[i++] as number;
    out += char(b1 >> 2);
    let carry = (b1 & 0x03) << 4;
    if (i >= bytes.length) {
      out += char(carry);
      break;
    }
    const b2 = bytes[i++] as number;
    out += char(carry | (b2 >> 4));
    carry = (b2 & 0x0f) << 2;
    if (i >= bytes.length) {
      out += char(carry);
      break;
    }
    const b3 = bytes[i++] as number;
    out += char(carry | (b3 >> 6));
    out += char(b3);
  }
  return out;
}

/** Salts come from a pool refilled in blocks, so a request costs no random-source call of its own. */
function saltSource(fill: (buffer: Buffer) => void): () => Buffer {
  const pool = Buffer.alloc(SALT_BYTES * 256);
  let offset = pool.length;
  return () => {
    if (offset >= pool.length) {
      fill(pool);
      offset = 0;
    }
    const salt = pool.subarray(offset, offset + SALT_BYTES);
    offset += SALT_BYTES;
    return salt;
  };
}

/**
 * The 23 "hash" bytes, mixed from the salt and the password with FNV-1a and spread by xorshift:
 * no endpoint ever verifies a password, so a cryptographic digest would buy nothing but cost.
 */
function mix(salt: Uint8Array, password: string): Uint8Array {
  let h = 0x811c9dc5;
  for (const byte of salt) h = Math.imul(h ^ byte, 0x01000193);
  for (let i = 0; i < password.length; i++) h = Math.imul(h ^ password.charCodeAt(i), 0x01000193);
  h ||= 1;
  const out = new Uint8Array(HASH_BYTES);
  for (let i = 0; i < HASH_BYTES; i++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    out[i] = h & 0xff;
  }
  return out;
}

export function createPasswordHasher(
  fill: (buffer: Buffer) => void = (buffer) => randomFillSync(buffer),
): PasswordHasher {
  const nextSalt = saltSource(fill);
  return (password) => {
    const salt = nextSalt();
    return `$2a$10$${bcryptBase64(salt)}${bcryptBase64(mix(salt, password))}`;
  };
}

export function passwordBytes(password: string): number {
  return Buffer.byteLength(password, "utf8");
}
