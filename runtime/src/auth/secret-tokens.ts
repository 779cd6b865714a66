// High-entropy secrets (API keys, session tokens) and their stored form: SHA-256, since a random
// 256-bit secret needs no slow hash; the plain value is shown once and never stored or logged.
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'plz_';

/** SHA-256 hex of a secret token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new API key `plz_<43 base64url chars>` and the prefix shown in listings (`plz_AbCdEfGh`). */
export function generateApiKey(): { key: string; prefix: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 8) };
}

/** A new session token for the studio cookie. */
export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Letters and digits people do not confuse (no 0/O, 1/l/I). */
const READABLE = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A temporary password for a person to type once: 4 groups of 4 readable characters (80 bits). */
export function temporaryPassword(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => READABLE[b % READABLE.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
