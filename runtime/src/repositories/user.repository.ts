// Data access for studio users.
import type { Executor } from '../db/database.ts';
import { sql } from 'kysely';
import type { NewUserRow, UserRow, UserUpdate } from '../db/tables/users.table.ts';

/** Inserts a user; the email must be unique (lower-cased by the caller). */
export async function insertUser(db: Executor, row: NewUserRow): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every user, oldest first. */
export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
}

/** The users with these ids (any order; unknown ids are left out). */
export async function findUsersByIds(db: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export async function updateUser(db: Executor, id: string, changes: UserUpdate): Promise<UserRow | undefined> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** The user with this id, row-locked until the transaction ends. */
export async function lockUser(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Ids of the enabled admin users, row-locked: two admins disabling each other queue here. */
export async function lockEnabledAdmins(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}

/**
 * Locks the users table against inserts until the transaction ends (reads go on), so that "no
 * user exists yet" stays true for the rest of it: the first run creates one admin, never two.
 */
export async function lockUsersAgainstInserts(db: Executor): Promise<void> {
  await sql`lock table users in share row exclusive mode`.execute(db);
}

/** How many users exist (0 on a fresh install). */
export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
