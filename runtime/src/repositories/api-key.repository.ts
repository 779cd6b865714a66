// Data access for API keys, looked up by the SHA-256 of the presented key.
import type { Executor } from '../db/database.ts';
import type { ApiKeyRow, NewApiKeyRow } from '../db/tables/api-keys.table.ts';

export async function insertApiKey(db: Executor, row: NewApiKeyRow): Promise<ApiKeyRow> {
  return db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The key with this hash, if it exists, is not revoked and its owner (if any) is not disabled. */
export async function findActiveApiKey(db: Executor, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .leftJoin('users', 'users.id', 'api_keys.user_id')
    .selectAll('api_keys')
    .where('api_keys.key_hash', '=', keyHash)
    .where('api_keys.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_keys.user_id', 'is', null), eb('users.disabled_at', 'is', null)]))
    .executeTakeFirst();
}

/** The keys of a studio user, revoked ones included, oldest first. */
export async function listApiKeysOfUser(db: Executor, userId: string): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export async function findApiKeyById(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every key, revoked ones included, oldest first. */
export async function listApiKeys(db: Executor): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Revokes a live key; returns the revoked row, or undefined when it was not live. */
export async function revokeApiKey(db: Executor, id: string, at: string, by: string): Promise<ApiKeyRow | undefined> {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** How many keys were ever created (0 on a fresh database). */
export async function countApiKeys(db: Executor): Promise<number> {
  const row = await db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
