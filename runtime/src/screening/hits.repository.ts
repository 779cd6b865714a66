// Screening hits for the compliance officer: listed by status (with the client, the list entry and
// the score), and cleared (a homonym: not the listed person) or confirmed (the listed person) with
// a comment — once, audited in the hit's stream.
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { HitStatus } from '../db/tables/watchlists.table.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { uuidv7 } from '../ids.ts';

function hitsQuery(db: Executor) {
  return db
    .selectFrom('screening_hits as h')
    .innerJoin('clients as c', 'c.id', 'h.client_id')
    .innerJoin('watchlist_entries as e', 'e.id', 'h.entry_id')
    .innerJoin('watchlists as w', 'w.id', 'h.watchlist_id')
    .innerJoin('watchlist_versions as v', 'v.id', 'h.version_id')
    .select([
      'h.id', 'h.client_id as clientId', 'h.subject', 'h.screened_name as screenedName', 'c.birth_date as clientBirthDate',
      'h.watchlist_id as watchlistId', 'w.name as watchlistName', 'v.kind as watchlistKind', 'v.version as watchlistVersion', 'v.threshold',
      'h.entry_id as entryId', 'e.name as entryName', 'e.birth_date as entryBirthDate', 'e.list_ref as listRef', 'e.line as entryLine',
      'h.score', 'h.name_score as nameScore', 'h.birth_date as birthDate', 'h.found_by as foundBy', 'h.found_at as foundAt',
      'h.status', 'h.decided_at as decidedAt', 'h.decided_by as decidedBy', 'h.comment',
    ]);
}

export type HitView = Awaited<ReturnType<ReturnType<typeof hitsQuery>['executeTakeFirstOrThrow']>>;

export interface HitSearch {
  readonly status?: HitStatus | undefined;
  readonly clientId?: string | undefined;
  readonly after?: string | undefined;
  readonly limit: number;
}

/**
 * Hits oldest first (keyset on id), by status and client. They show clients' names and birth
 * dates, so the read is audited like a client search: one entry naming the clients shown.
 */
export async function listHits(db: Kysely<Database>, search: HitSearch, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    let query = hitsQuery(tx).orderBy('h.id').limit(search.limit + 1);
    if (search.status !== undefined) query = query.where('h.status', '=', search.status);
    if (search.clientId !== undefined) query = query.where('h.client_id', '=', search.clientId);
    if (search.after !== undefined) query = query.where('h.id', '>', search.after);
    const rows = await query.execute();
    const hits = rows.slice(0, search.limit);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'search', entityType: 'screening-hit-search', entityId: uuidv7(), before: null, after: null,
      details: { filters: Object.keys(search).filter((k) => k !== 'limit' && search[k as keyof HitSearch] !== undefined), clientIds: [...new Set(hits.map((h) => h.clientId))] },
      requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { hits, nextAfter: rows.length > search.limit ? hits.at(-1)!.id : null };
  });
}

/** Clears or confirms an open hit with the officer's comment; 409 `hit-decided` once it is not open. */
export async function decideHit(db: Kysely<Database>, id: string, status: 'cleared' | 'confirmed', comment: string, ctx: WriteContext): Promise<HitView> {
  return db.transaction().execute(async (tx) => {
    const before = await hitsQuery(tx).where('h.id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('screening hit', id);
    const locked = await tx.selectFrom('screening_hits').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'open') throw new ConflictError('hit-decided', `the hit is ${locked.status} already`, { id, status: locked.status });
    await tx.updateTable('screening_hits').set({ status, decided_at: ctx.at, decided_by: ctx.actor, comment }).where('id', '=', id).execute();
    const after = await hitsQuery(tx).where('h.id', '=', id).executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: ctx.actor, action: status === 'cleared' ? 'clear' : 'confirm', entityType: 'screening-hit', entityId: id, before, after,
      details: { clientId: after.clientId, watchlistId: after.watchlistId, entryId: after.entryId, score: after.score, comment }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return after;
  });
}
