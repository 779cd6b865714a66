// API keys seen a moment ago, by the hash of the presented key, so that a busy client's requests
// do not each read `api_keys`. An entry lives API_KEY_CACHE_MS; revoking a key drops it from this
// process at once, and other service processes (cluster mode) stop accepting it within that time.
import type { Executor } from '../db/database.ts';
import type { ApiKeyRow } from '../db/tables/api-keys.table.ts';

export const API_KEY_CACHE_MS = 2000;
const LIMIT = 10_000;

interface Entry {
  readonly row: ApiKeyRow;
  readonly until: number;
}

/** Per database (a test process may open several). */
const cacheByDatabase = new WeakMap<Executor, Map<string, Entry>>();

function entriesOf(db: Executor): Map<string, Entry> {
  let entries = cacheByDatabase.get(db);
  if (!entries) cacheByDatabase.set(db, (entries = new Map()));
  return entries;
}

/** The live key with this hash if it was read less than API_KEY_CACHE_MS ago. */
export function cachedApiKey(db: Executor, keyHash: string, now = performance.now()): ApiKeyRow | undefined {
  const entries = entriesOf(db);
  const entry = entries.get(keyHash);
  if (!entry) return undefined;
  if (entry.until <= now) {
    entries.delete(keyHash);
    return undefined;
  }
  return entry.row;
}

/** Remembers a live key just read from the database. */
export function rememberApiKey(db: Executor, keyHash: string, row: ApiKeyRow, now = performance.now()): void {
  const entries = entriesOf(db);
  if (entries.size >= LIMIT) entries.delete(entries.keys().next().value!);
  entries.set(keyHash, { row, until: now + API_KEY_CACHE_MS });
}

/** Forgets a key (on revocation). */
export function forgetApiKey(db: Executor, keyHash: string): void {
  entriesOf(db).delete(keyHash);
}
