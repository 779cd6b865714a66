// Login throttling: failed logins are counted per account (`account:<email>`, known or not) and
// per client address (`address:<ip>`), in `login_throttles`, so that every service process sees
// the same counts and a restart forgets nothing. An attempt is counted *before* the password is
// checked (a claim, under the row's lock), so a burst of parallel attempts cannot all slip past
// the threshold; a success gives its claim back. Past the threshold each failure blocks the key
// for twice as long as the one before, from 1 s up to 15 min; a blocked attempt is refused with
// 429 without checking the password. Each block is an audit entry (`login-throttled`).
//
// An attacker can keep an account's block alive, but not lock its user out: the account's block
// does not apply from an address the user has opened a session from in the last 30 days (that
// address's own count still does). See runtime/README.md, "Security".
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { LoginThrottleRow } from '../db/tables/login-throttles.table.ts';

export const LOGIN_THROTTLE = {
  /** Failures in a row per account before the first block. */
  accountThreshold: 5,
  /** Per address: higher, since an office or a phone carrier puts many people behind one. */
  addressThreshold: 20,
  firstBlockMs: 1000,
  maxBlockMs: 15 * 60 * 1000,
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: 60 * 60 * 1000,
  /** An address the account logged in from this recently is known to it. */
  knownAddressMs: 30 * 24 * 60 * 60 * 1000,
} as const;

export type ThrottleScope = 'account' | 'address';

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${scope === 'account' ? value.trim().toLowerCase() : value}`.slice(0, 400);
}

/** How long the block after the `failures`-th failure in a row lasts (0 under the threshold). */
export function blockMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(LOGIN_THROTTLE.maxBlockMs, LOGIN_THROTTLE.firstBlockMs * 2 ** Math.min(failures - threshold, 30));
}

/** A counted attempt (with the block it set and the one it replaced, to give back) or a refusal. */
export type Claim =
  | { readonly claimed: true; readonly key: string; readonly blockedUntil: string | null; readonly previousBlockedUntil: string | null }
  | { readonly claimed: false; readonly blockedUntil: string };

interface ClaimContext {
  readonly now: Date;
  readonly requestId: string | null;
}

/**
 * Counts one attempt under `key` unless the key is blocked at `now` (then `claimed: false` and
 * until when). An attempt that reaches the threshold blocks the key and writes its audit entry.
 */
export async function claimAttempt(tx: Executor, scope: ThrottleScope, key: string, ctx: ClaimContext): Promise<Claim> {
  const nowIso = ctx.now.toISOString();
  const now = ctx.now.getTime();
  await tx
    .insertInto('login_throttles')
    .values({ key, failures: 0, first_failed_at: nowIso, last_failed_at: nowIso, blocked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await tx.selectFrom('login_throttles').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
  if (row.blocked_until !== null && Date.parse(row.blocked_until) > now) return { claimed: false, blockedUntil: row.blocked_until };
  const fresh = row.failures === 0 || Date.parse(row.last_failed_at) <= now - LOGIN_THROTTLE.forgetAfterMs;
  const failures = fresh ? 1 : row.failures + 1;
  const firstFailedAt = fresh ? nowIso : row.first_failed_at;
  const threshold = scope === 'account' ? LOGIN_THROTTLE.accountThreshold : LOGIN_THROTTLE.addressThreshold;
  const block = blockMs(failures, threshold);
  const blockedUntil = block > 0 ? new Date(now + block).toISOString() : null;
  await tx
    .updateTable('login_throttles')
    .set({ failures, first_failed_at: firstFailedAt, last_failed_at: nowIso, blocked_until: blockedUntil })
    .where('key', '=', key)
    .execute();
  if (blockedUntil !== null) {
    await appendAudit(tx, {
      actor: 'system',
      action: 'login-throttled',
      entityType: 'login-throttle',
      entityId: key,
      before: stateOf(row),
      after: { failures, firstFailedAt, blockedUntil },
      details: { scope, failures, since: firstFailedAt, blockedUntil },
      requestId: ctx.requestId,
      at: nowIso,
    });
  }
  return { claimed: true, key, blockedUntil, previousBlockedUntil: row.blocked_until };
}

function stateOf(row: LoginThrottleRow) {
  return { failures: row.failures, firstFailedAt: row.first_failed_at, blockedUntil: row.blocked_until };
}

/** After a successful login: the account starts again from zero. */
export async function clearAccount(tx: Executor, key: string): Promise<void> {
  await tx.deleteFrom('login_throttles').where('key', '=', key).execute();
}

/** After a successful login: the claim is given back (and the block it set, unless a later failure moved it). */
export async function releaseClaim(tx: Executor, claim: Claim & { claimed: true }): Promise<void> {
  const row = await tx.selectFrom('login_throttles').selectAll().where('key', '=', claim.key).forUpdate().executeTakeFirst();
  if (!row || row.failures === 0) return;
  const setByClaim = row.blocked_until !== null && claim.blockedUntil !== null && Date.parse(row.blocked_until) === Date.parse(claim.blockedUntil);
  await tx
    .updateTable('login_throttles')
    .set({ failures: row.failures - 1, blocked_until: setByClaim ? claim.previousBlockedUntil : row.blocked_until })
    .where('key', '=', claim.key)
    .execute();
}

/** The accounts of `emails` blocked at `now`: email (lower case) → until when. */
export async function accountBlocks(db: Executor, emails: readonly string[], now: Date): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_throttles')
    .select(['key', 'blocked_until'])
    .where('key', 'in', emails.map((e) => throttleKey('account', e)))
    .where('blocked_until', '>', now.toISOString())
    .execute();
  return new Map(rows.map((r) => [r.key.slice('account:'.length), new Date(r.blocked_until!).toISOString()]));
}

/**
 * An admin lifts the block of a user's account: its failures go back to zero (the row is
 * removed), audited as `login-unblock` on the user. The throttle of the client addresses stays.
 * Returns whether there was a block (or failures) to lift; nothing is written when there was not.
 */
export async function liftAccountBlock(
  tx: Executor,
  user: { readonly id: string; readonly email: string },
  ctx: { readonly actor: string; readonly now: Date; readonly requestId: string | null },
): Promise<boolean> {
  const key = throttleKey('account', user.email);
  const row = await tx.selectFrom('login_throttles').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
  if (!row || row.failures === 0) return false;
  await tx.deleteFrom('login_throttles').where('key', '=', key).execute();
  const blocked = row.blocked_until !== null && Date.parse(row.blocked_until) > ctx.now.getTime();
  await appendAudit(tx, {
    actor: ctx.actor,
    action: 'login-unblock',
    entityType: 'user',
    entityId: user.id,
    before: stateOf(row),
    after: { failures: 0, blockedUntil: null },
    details: { email: user.email, failures: row.failures, wasBlocked: blocked },
    requestId: ctx.requestId,
    at: ctx.now.toISOString(),
  });
  return true;
}

/** True when the user opened a session from `address` within LOGIN_THROTTLE.knownAddressMs of `now`. */
export async function isKnownAddress(db: Executor, userId: string, address: string, now: Date): Promise<boolean> {
  if (address === 'unknown') return false;
  const since = new Date(now.getTime() - LOGIN_THROTTLE.knownAddressMs).toISOString();
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('client_address', '=', address)
    .where('created_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets keys with no failure for a day and no block in force (called after a failed login). */
export async function forgetOldThrottles(db: Kysely<Database>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  await db
    .deleteFrom('login_throttles')
    .where('key', 'in', (q) => q.selectFrom('login_throttles').select('key').where('last_failed_at', '<', before).limit(100))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now.toISOString())]))
    .execute();
}

/** One login attempt's keys: the account (by email, whether it exists or not) and the address. */
export interface LoginAttempt {
  readonly accountKey: string;
  readonly addressKey: string;
  /** The account's user, when the email is a user's. */
  readonly userId: string | null;
  /** The client address (addressKey form), for the known-address exception. */
  readonly address: string;
}

export type Admission =
  | { readonly admitted: true; readonly addressClaim: Claim & { claimed: true } }
  | { readonly admitted: false; readonly retryAfterSeconds: number };

/**
 * Claims the attempt under the address, then under the account; refuses it when either is
 * blocked (the account's block does not apply from a known address). One short transaction.
 */
export async function admitLogin(db: Kysely<Database>, attempt: LoginAttempt, ctx: ClaimContext): Promise<Admission> {
  return db.transaction().execute(async (tx): Promise<Admission> => {
    const byAddress = await claimAttempt(tx, 'address', attempt.addressKey, ctx);
    if (!byAddress.claimed) return refused(byAddress.blockedUntil, ctx.now);
    const byAccount = await claimAttempt(tx, 'account', attempt.accountKey, ctx);
    if (byAccount.claimed) return { admitted: true, addressClaim: byAddress };
    if (attempt.userId !== null && (await isKnownAddress(tx, attempt.userId, attempt.address, ctx.now))) return { admitted: true, addressClaim: byAddress };
    return refused(byAccount.blockedUntil, ctx.now);
  });
}

function refused(blockedUntil: string, now: Date): Admission {
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(blockedUntil) - now.getTime()) / 1000)) };
}

/** A login succeeded: the account starts again from zero and the address gets its claim back. */
export async function recordLoginSuccess(tx: Executor, attempt: LoginAttempt, admission: Admission & { admitted: true }): Promise<void> {
  await clearAccount(tx, attempt.accountKey);
  await releaseClaim(tx, admission.addressClaim);
}
