// Studio users and what an admin does with them — create, disable and enable, reset the password,
// issue and list their API keys — each write with its audit entry in the same transaction; and the
// API's view of a user.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database } from '../db/database.ts';
import type { ActorRef, RoleName } from '../db/tables/columns.ts';
import type { UserRow } from '../db/tables/users.table.ts';
import { isUniqueViolation } from '../db/postgres-errors.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { listApiKeysOfUser } from '../repositories/api-key.repository.ts';
import { revokeUserSessions } from '../repositories/session.repository.ts';
import { countUsers, findUserById, insertUser, lockEnabledAdmins, lockUser, lockUsersAgainstInserts, updateUser } from '../repositories/user.repository.ts';
import { forgetApiKey } from './api-key-cache.ts';
import { apiKeyView, issueApiKey, type ApiKeyView } from './api-key-issuer.ts';
import { liftAccountBlock } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { temporaryPassword } from './secret-tokens.ts';

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: RoleName;
  readonly canLogIn: boolean;
  readonly mustChangePassword: boolean;
  /** In the users list: until when failed logins block the account (null: not blocked). */
  readonly loginBlockedUntil?: string | null;
  readonly disabledAt: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    canLogIn: row.password_hash !== null && row.disabled_at === null,
    mustChangePassword: row.must_change_password,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

interface WriteContext {
  readonly actor: ActorRef;
  readonly at: string;
  readonly requestId?: string | null;
}

/** 422 naming `password` when it is too weak for this user (password-policy.ts). */
export function assertStrongPassword(password: string, user: { email: string; name: string }): void {
  const problem = passwordProblem(password, user);
  if (problem) throw new ValidationError([{ path: 'password', message: problem }], 'the password is too weak');
}

/** Creates a user; 409 `email-taken` when the email exists; 422 for a weak password. */
export async function createUser(
  db: Kysely<Database>,
  input: { email: string; name: string; role: RoleName; password: string | null },
  ctx: WriteContext,
): Promise<UserView> {
  if (input.password !== null) assertStrongPassword(input.password, input);
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const email = input.email.toLowerCase();
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await insertUser(tx, {
        id: randomUUID(),
        email,
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
        // A password the admin chose for the user: the user changes it at the first login.
        must_change_password: passwordHash !== null,
        created_at: ctx.at,
        created_by: ctx.actor,
      });
      const view = userView(row);
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'create',
        entityType: 'user',
        entityId: row.id,
        before: null,
        after: view,
        details: { email, role: row.role },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
        bound: bindRows([['users', row]]),
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('email-taken', `a user with email \`${email}\` exists`, { email });
    throw error;
  }
}

/**
 * The first run of a fresh install: creates the first admin user, only while no user exists. The
 * users table is locked against inserts for the check and the insert, so of two first runs at
 * once one creates the admin and the other gets 409 `first-run-done`; so does every later one.
 * `then` runs in the same transaction (the caller opens the admin's session there).
 */
export async function createFirstAdmin<T>(
  db: Kysely<Database>,
  input: { email: string; name: string; password: string },
  at: string,
  requestId: string | null,
  then: (tx: Transaction<Database>, user: UserRow) => Promise<T>,
): Promise<{ user: UserView; then: T }> {
  assertStrongPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  const email = input.email.toLowerCase();
  return db.transaction().execute(async (tx) => {
    await lockUsersAgainstInserts(tx);
    if ((await countUsers(tx)) > 0) throw firstRunDone();
    const id = randomUUID();
    const actor: ActorRef = `user:${id}`;
    const row = await insertUser(tx, { id, email, name: input.name, role: 'admin', password_hash: passwordHash, created_at: at, created_by: actor });
    const view = userView(row);
    await appendAudit(tx, {
      actor,
      action: 'first-run',
      entityType: 'user',
      entityId: id,
      before: null,
      after: view,
      details: { email, role: 'admin' },
      requestId,
      at,
    });
    return { user: view, then: await then(tx, row) };
  });
}

export function firstRunDone(): ConflictError {
  return new ConflictError('first-run-done', 'the first admin exists already: log in, or ask an admin for a user');
}

/** True while no user exists: the studio then opens its first-run page. */
export async function firstRunNeeded(db: Kysely<Database>): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

async function lockedUser(tx: Transaction<Database>, id: string): Promise<UserRow> {
  const user = await lockUser(tx, id);
  if (!user) throw new NotFoundError('user', id);
  return user;
}

/**
 * Disables or enables a user. Disabling revokes their sessions and stops their API keys at once
 * (the keys work again if the user is enabled; sessions do not come back). Refused with 409:
 * `already-disabled` / `already-enabled`, `cannot-disable-self`, `last-admin` (the last enabled
 * admin user stays).
 */
export async function setUserDisabled(
  db: Kysely<Database>,
  id: string,
  disabled: boolean,
  ctx: WriteContext,
): Promise<UserView> {
  const { view, keyHashes } = await db.transaction().execute(async (tx) => {
    // Admins first, then the user: every disable takes the locks in the same order.
    const admins = disabled ? await lockEnabledAdmins(tx) : [];
    const before = await lockedUser(tx, id);
    if (disabled && before.disabled_at !== null) throw new ConflictError('already-disabled', `user \`${before.email}\` is already disabled`, { id });
    if (!disabled && before.disabled_at === null) throw new ConflictError('already-enabled', `user \`${before.email}\` is not disabled`, { id });
    if (disabled && ctx.actor === `user:${id}`) throw new ConflictError('cannot-disable-self', 'you cannot disable yourself: ask another admin', { id });
    if (disabled && before.role === 'admin' && admins.length <= 1) {
      throw new ConflictError('last-admin', `user \`${before.email}\` is the last enabled admin: enable or create another admin first`, { id });
    }
    const after = (await updateUser(tx, id, { disabled_at: disabled ? ctx.at : null }))!;
    const sessions = disabled ? await revokeUserSessions(tx, id, ctx.at) : 0;
    await appendAudit(tx, {
      actor: ctx.actor,
      action: disabled ? 'disable' : 'enable',
      entityType: 'user',
      entityId: id,
      before: userView(before),
      after: userView(after),
      details: disabled ? { email: after.email, sessionsRevoked: sessions } : { email: after.email },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    const keys = disabled ? await listApiKeysOfUser(tx, id) : [];
    return { view: userView(after), keyHashes: keys.map((k) => k.key_hash) };
  });
  // After the commit: this process stops the keys at once; other processes within API_KEY_CACHE_MS.
  for (const hash of keyHashes) forgetApiKey(db, hash);
  return view;
}

/**
 * Sets a user's password: the one given (checked for strength), or a temporary one generated
 * here and returned once. Every other session of the user is revoked. The user must change it at
 * the next login (unless the admin set their own).
 */
export async function resetUserPassword(
  db: Kysely<Database>,
  id: string,
  password: string | null,
  ctx: WriteContext & { readonly sessionId?: string },
): Promise<{ user: UserView; temporaryPassword: string | null }> {
  const temporary = password === null ? temporaryPassword() : null;
  const chosen = password ?? temporary!;
  return db.transaction().execute(async (tx) => {
    const before = await lockedUser(tx, id);
    if (password !== null) assertStrongPassword(password, before);
    const after = (await updateUser(tx, id, { password_hash: await hashPassword(chosen), must_change_password: ctx.actor !== `user:${id}` }))!;
    const sessions = await revokeUserSessions(tx, id, ctx.at, ctx.sessionId);
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'password-reset',
      entityType: 'user',
      entityId: id,
      before: userView(before),
      after: userView(after),
      details: { email: after.email, temporary: temporary !== null, sessionsRevoked: sessions },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return { user: userView(after), temporaryPassword: temporary };
  });
}

/**
 * A user changes their own password: `current` must be it, `next` must pass the policy and differ
 * from it. Clears `mustChangePassword`; the user's other sessions end (this one stays). 422 with
 * the field at fault (`currentPassword`, `newPassword`).
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  id: string,
  input: { currentPassword: string; newPassword: string },
  ctx: WriteContext & { readonly sessionId: string },
): Promise<UserView> {
  const hash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (tx) => {
    const before = await lockedUser(tx, id);
    if (before.password_hash === null || !(await verifyPassword(input.currentPassword, before.password_hash))) {
      throw new ValidationError([{ path: 'currentPassword', message: 'is not your current password' }], 'the current password is wrong');
    }
    if (input.newPassword === input.currentPassword) throw new ValidationError([{ path: 'newPassword', message: 'must differ from the current password' }], 'choose a new password');
    const problem = passwordProblem(input.newPassword, before);
    if (problem) throw new ValidationError([{ path: 'newPassword', message: problem }], 'the password is too weak');
    const after = (await updateUser(tx, id, { password_hash: hash, must_change_password: false }))!;
    const sessions = await revokeUserSessions(tx, id, ctx.at, ctx.sessionId);
    const view = userView(after);
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'password-change',
      entityType: 'user',
      entityId: id,
      before: userView(before),
      after: view,
      details: { email: after.email, wasRequired: before.must_change_password, sessionsRevoked: sessions },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
      bound: bindRows([['users', after]]),
    });
    return view;
  });
}

/**
 * Lifts the login block of a user's account (login-throttle.ts): 404 for an unknown user; when
 * there is nothing to lift, `lifted: false` and nothing is written (so sending it twice is safe).
 */
export async function liftLoginBlock(db: Kysely<Database>, id: string, ctx: WriteContext & { readonly now: Date }): Promise<{ user: UserView; lifted: boolean }> {
  return db.transaction().execute(async (tx) => {
    const user = await lockedUser(tx, id);
    const lifted = await liftAccountBlock(tx, user, { actor: ctx.actor, now: ctx.now, requestId: ctx.requestId ?? null });
    return { user: { ...userView(user), loginBlockedUntil: null }, lifted };
  });
}

/** A new API key of a user, with the user's role (shown once); 409 `user-disabled` for a disabled user. */
export async function issueUserApiKey(
  db: Kysely<Database>,
  id: string,
  name: string,
  ctx: WriteContext,
): Promise<{ apiKey: ApiKeyView; key: string }> {
  return db.transaction().execute(async (tx) => {
    const user = await lockedUser(tx, id);
    if (user.disabled_at !== null) throw new ConflictError('user-disabled', `user \`${user.email}\` is disabled`, { id });
    return issueApiKey(db, { name, role: user.role, userId: id }, ctx, tx);
  });
}

/** A user's API keys (prefixes only); 404 for an unknown user. */
export async function userApiKeys(db: Kysely<Database>, id: string): Promise<ApiKeyView[]> {
  if (!(await findUserById(db, id))) throw new NotFoundError('user', id);
  return (await listApiKeysOfUser(db, id)).map(apiKeyView);
}
