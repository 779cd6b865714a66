// Hints for the hot path of new business: the version a product code (or code@version) resolved
// to a moment ago, kept in memory so that a decision need not read the catalog first. A hint is
// never trusted on its own: the write that uses it re-checks, in the same statement, that the
// version is still the product's latest (when no version was asked for) and that the product is
// not retired; when the check fails the caller forgets the hint and resolves again. A decision that
// fails on a hinted version (an application it refuses) never reaches that write: the caller
// resolves again before answering with the error, since a newer version may take it.
import type { Executor } from '../db/database.ts';
import { resolveVersion, type PinnedVersion } from './product-versions.ts';

const LIMIT = 1024;
/** Per database (a test process may open several). */
const hintsByDatabase = new WeakMap<Executor, Map<string, PinnedVersion>>();

function hintsOf(db: Executor): Map<string, PinnedVersion> {
  let hints = hintsByDatabase.get(db);
  if (!hints) hintsByDatabase.set(db, (hints = new Map()));
  return hints;
}

function keyOf(code: string, version: number | undefined): string {
  return version === undefined ? code : `${code}@${version}`;
}

/**
 * The version of `code` (latest, or `version`): the hint when there is one (`fromHint`), else read
 * from the catalog now and remembered. A caller must not answer from a hint without a re-check.
 */
export async function hintedVersion(db: Executor, code: string, version: number | undefined): Promise<{ pinned: PinnedVersion; fromHint: boolean }> {
  const key = keyOf(code, version);
  const hints = hintsOf(db);
  const hint = hints.get(key);
  if (hint) return { pinned: hint, fromHint: true };
  const pinned = await resolveVersion(db, code, version, { forNewBusiness: true });
  if (hints.size >= LIMIT) hints.delete(hints.keys().next().value!);
  hints.set(key, pinned);
  return { pinned, fromHint: false };
}

/** Drops a hint found stale (a newer version was published, or the product retired) or not to be trusted. */
export function forgetHint(db: Executor, code: string, version: number | undefined): void {
  hintsOf(db).delete(keyOf(code, version));
}
