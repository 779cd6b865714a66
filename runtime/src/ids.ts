// Time-ordered ids (UUID version 7, RFC 9562): new rows land at the end of their indexes and
// keyset pagination by id follows creation order.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** Random bytes drawn from the system 4 KB at a time (one call per ~400 ids, not one per id). */
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function random16(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  pool.copy(bytes, 0, offset, offset + 16);
  offset += 16;
  return bytes;
}

/** A UUIDv7: 48 bits of Unix milliseconds, then a per-process counter and random bits. */
export function uuidv7(now: number = Date.now()): string {
  // Monotonic inside one process: the same millisecond bumps a 12-bit counter (rand_a).
  if (now <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = 0;
  }
  const bytes = random16();
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
