// Data access for studio sessions, looked up by the SHA-256 of the cookie's token.
import type { Executor } from '../db/database.ts';
import type { NewSessionRow, SessionRow } from '../db/tables/sessions.table.ts';
import type { UserRow } from '../db/tables/users.table.ts';

export async function insertSession(db: Executor, row: NewSessionRow): Promise<SessionRow> {
  return db.insertInto('sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The live session for a token hash and its user: not revoked, not expired at `now`, user enabled. */
export async function findLiveSession(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select([
      'users.email',
      'users.name',
      'users.role',
      'users.password_hash',
      'users.disabled_at',
      'users.must_change_password',
      'users.created_at as user_created_at',
      'users.created_by as user_created_by',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { email, name, role, password_hash, disabled_at, must_change_password, user_created_at, user_created_by, ...session } = row;
  return {
    session,
    user: { id: session.user_id, email, name, role, password_hash, disabled_at, must_change_password, created_at: user_created_at, created_by: user_created_by },
  };
}

/** Marks a session revoked; returns it, or undefined when it was not live. */
export async function revokeSession(db: Executor, id: string, at: string): Promise<SessionRow | undefined> {
  return db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Revokes every live session of a user (but `except`, the caller's own); returns how many. */
export async function revokeUserSessions(db: Executor, userId: string, at: string, except?: string): Promise<number> {
  let query = db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (except !== undefined) query = query.where('id', '!=', except);
  const rows = await query.returning('id').execute();
  return rows.length;
}
