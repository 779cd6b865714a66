// Issues and revokes API keys, each with its audit entry in the same transaction. The plain key
// is returned once, to be shown once; only its hash is stored.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database } from '../db/database.ts';
import type { ApiKeyRow } from '../db/tables/api-keys.table.ts';
import type { ActorRef, RoleName } from '../db/tables/columns.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { forgetApiKey } from './api-key-cache.ts';
import { findApiKeyById, insertApiKey, revokeApiKey } from '../repositories/api-key.repository.ts';
import { generateApiKey, hashToken } from './secret-tokens.ts';

/** An API key as the API shows it: never the key or its hash. */
export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly role: RoleName;
  /** The person the key acts for in maker-checker; null: the key itself (issued by the system). */
  readonly owner: string | null;
  /** The studio user the key belongs to; null for a key for a program. */
  readonly userId: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

export function apiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    owner: row.owner,
    userId: row.user_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

interface WriteContext {
  readonly actor: ActorRef;
  readonly at: string;
  readonly requestId?: string | null;
}

/**
 * Creates a key with `role`; returns its view and the plain key (shown once). A key of a studio
 * user (`userId`) acts for that user in maker-checker; any other acts for `ctx.owner` (the
 * issuer's person: see principal.ts `ownerForKeysOf`; none when the system issues it).
 * `inTransaction` writes it within a caller's transaction.
 */
export async function issueApiKey(
  db: Kysely<Database>,
  input: { name: string; role: RoleName; userId?: string },
  ctx: WriteContext & { readonly owner?: ActorRef | null },
  inTransaction?: Transaction<Database>,
): Promise<{ apiKey: ApiKeyView; key: string }> {
  const { key, prefix } = generateApiKey();
  const write = async (tx: Transaction<Database>) => {
    const inserted = await insertApiKey(tx, {
      id: randomUUID(),
      name: input.name,
      prefix,
      key_hash: hashToken(key),
      role: input.role,
      owner: input.userId ? `user:${input.userId}` : (ctx.owner ?? null),
      user_id: input.userId ?? null,
      created_at: ctx.at,
      created_by: ctx.actor,
    });
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'create',
      entityType: 'api-key',
      entityId: inserted.id,
      before: null,
      after: apiKeyView(inserted),
      details: { name: inserted.name, prefix, role: inserted.role, owner: inserted.owner, ...(inserted.user_id ? { userId: inserted.user_id } : {}) },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
      bound: bindRows([['api_keys', inserted]]),
    });
    return inserted;
  };
  const row = inTransaction ? await write(inTransaction) : await db.transaction().execute(write);
  return { apiKey: apiKeyView(row), key };
}

/** Revokes a key: 404 when it does not exist, 409 when it is already revoked. */
export async function revokeApiKeyById(db: Kysely<Database>, id: string, ctx: WriteContext): Promise<ApiKeyView> {
  const revoked = await db.transaction().execute(async (tx) => {
    const before = await findApiKeyById(tx, id);
    if (!before) throw new NotFoundError('api key', id);
    const after = await revokeApiKey(tx, id, ctx.at, ctx.actor);
    if (!after) throw new ConflictError('already-revoked', `api key \`${id}\` is already revoked`);
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'revoke',
      entityType: 'api-key',
      entityId: id,
      before: apiKeyView(before),
      after: apiKeyView(after),
      details: { prefix: after.prefix },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
      bound: bindRows([['api_keys', after]]),
    });
    return after;
  });
  // After the commit: a request racing the revocation may cache the key again, for at most API_KEY_CACHE_MS.
  forgetApiKey(db, revoked.key_hash);
  return apiKeyView(revoked);
}
