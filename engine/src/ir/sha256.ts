// SHA-256 (FIPS 180-4) in plain JavaScript: the engine runs in the browser, where Node's crypto is
// absent and WebCrypto is async, so product hashes are computed here, synchronously.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

// Words are kept as int32 (`| 0`), which V8 holds unboxed; `>>> 0` would make doubles of half of them.
const K32 = Int32Array.from(K);
const W = new Int32Array(64);
const H = new Int32Array(8);
const TAIL = new Uint8Array(128);
const encoder = new TextEncoder();

/**
 * SHA-256 of a string (hashed as UTF-8) or of bytes, as 64 lowercase hex digits.
 * @example sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(input: string | Uint8Array): string {
  const message = typeof input === 'string' ? encoder.encode(input) : input;
  const length = message.length;
  for (let i = 0; i < 8; i++) H[i] = INITIAL[i]!;
  // Whole blocks straight from the message; then the tail with its padding (0x80, zeros, the
  // 64-bit big-endian bit length) in one or two more blocks.
  const whole = length - (length % 64);
  compress(message, 0, whole);
  const rest = length - whole;
  TAIL.fill(0);
  TAIL.set(message.subarray(whole), 0);
  TAIL[rest] = 0x80;
  const tailLength = rest + 9 <= 64 ? 64 : 128;
  const bitsHigh = Math.floor(length / 0x20000000);
  const bitsLow = (length * 8) >>> 0;
  TAIL[tailLength - 8] = bitsHigh >>> 24;
  TAIL[tailLength - 7] = bitsHigh >>> 16;
  TAIL[tailLength - 6] = bitsHigh >>> 8;
  TAIL[tailLength - 5] = bitsHigh;
  TAIL[tailLength - 4] = bitsLow >>> 24;
  TAIL[tailLength - 3] = bitsLow >>> 16;
  TAIL[tailLength - 2] = bitsLow >>> 8;
  TAIL[tailLength - 1] = bitsLow;
  compress(TAIL, 0, tailLength);
  let hex = '';
  for (let i = 0; i < 8; i++) hex += (H[i]! >>> 0).toString(16).padStart(8, '0');
  return hex;
}

/** Runs the compression function over the 64-byte blocks of `bytes[from, to)`, updating H. */
function compress(bytes: Uint8Array, from: number, to: number): void {
  const w = W;
  const k = K32;
  let h0 = H[0]!, h1 = H[1]!, h2 = H[2]!, h3 = H[3]!, h4 = H[4]!, h5 = H[5]!, h6 = H[6]!, h7 = H[7]!;
  for (let offset = from; offset < to; offset += 64) {
    for (let t = 0, j = offset; t < 16; t++, j += 4) {
      w[t] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let t = 0; t < 64; t++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const choose = (e & f) ^ (~e & g);
      const temp1 = (h + s1 + choose + k[t]! + w[t]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (s0 + majority) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + temp1) | 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  H[0] = h0;
  H[1] = h1;
  H[2] = h2;
  H[3] = h3;
  H[4] = h4;
  H[5] = h5;
  H[6] = h6;
  H[7] = h7;
}
