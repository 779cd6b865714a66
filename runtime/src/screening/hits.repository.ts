// Screening hits for the compliance officer: listed by status (with the client, the list entry and
// the score), and cleared (a homonym: not the listed person) or confirmed (the listed person) with
// a comment — once, audited in the hit's stream.
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database, Executor } from '../db/database.ts';
import type { HitStatus } from '../db/tables/watchlists.table.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { uuidv7 } from '../ids.ts';
import { raiseBlockedPersonAlert } from '../compliance/alerts.repository.ts';

function hitsQuery(db: Executor) {
  return db
    .selectFrom('screening_hits as h')
    .innerJoin('clients as c', 'c.id', 'h.client_id')
    .innerJoin('watchlist_entries as e', 'e.id', 'h.entry_id')
    .innerJoin('watchlists as w', 'w.id', 'h.watchlist_id')
    .innerJoin('watchlist_versions as v', 'v.id', 'h.version_id')
    .select([
      'h.id', 'h.client_id as clientId', 'c.kind as clientKind', 'c.given_names', 'c.paternal_surname', 'c.maternal_surname', 'c.legal_name', 'h.subject', 'h.screened_name as screenedName', 'c.birth_date as clientBirthDate',
      'h.watchlist_id as watchlistId', 'w.name as watchlistName', 'v.kind as watchlistKind', 'v.version as watchlistVersion', 'v.threshold',
      'h.entry_id as entryId', 'e.name as entryName', 'e.birth_date as entryBirthDate', 'e.list_ref as listRef', 'e.line as entryLine',
      'h.score', 'h.name_score as nameScore', 'h.birth_date as birthDate', 'h.found_by as foundBy', 'h.found_at as foundAt',
      'h.status', 'h.decided_at as decidedAt', 'h.decided_by as decidedBy', 'h.comment',
    ]);
}

type HitRow = Awaited<ReturnType<ReturnType<typeof hitsQuery>['executeTakeFirstOrThrow']>>;

/**
 * A hit as the API shows it: the row with the client's name as people write it (`clientName`)
 * and the client's decisions screening referred (or declined) while a hit was open or confirmed
 * (`referredDecisions`: how many, and the latest one's id and date).
 */
export type HitView = Omit<HitRow, 'given_names' | 'paternal_surname' | 'maternal_surname' | 'legal_name'> & {
  readonly clientName: string;
  readonly referredDecisions: { readonly count: number; readonly latestId: string | null; readonly latestAt: string | null };
};

/** The client's name: a person's given names and surnames, a company's legal name. */
function clientNameOf(row: Pick<HitRow, 'clientKind' | 'given_names' | 'paternal_surname' | 'maternal_surname' | 'legal_name'>): string {
  if (row.clientKind === 'company') return row.legal_name ?? '';
  return [row.given_names, row.paternal_surname, row.maternal_surname].filter((p) => p !== null && p !== '').join(' ');
}

const SCREENING_CODES = new Set(['PLD_LISTA', 'PLD_LISTA_CONFIRMADA']);

/** The decisions of these clients that screening referred or declined (a reason of source `screening`), oldest first. */
async function screenedDecisions(db: Executor, clientIds: readonly string[]) {
  if (clientIds.length === 0) return new Map<string, { id: string; at: string }[]>();
  const rows = await db.selectFrom('decisions').select(['id', 'client_id', 'decision', 'created_at']).where('client_id', 'in', [...clientIds]).where('outcome', 'in', ['refer', 'decline']).orderBy('id').execute();
  const byClient = new Map<string, { id: string; at: string }[]>();
  for (const row of rows) {
    const record = (typeof row.decision === 'string' ? JSON.parse(row.decision) : row.decision) as { reasons?: { code?: string }[] };
    if (!record.reasons?.some((r) => r.code !== undefined && SCREENING_CODES.has(r.code))) continue;
    const list = byClient.get(row.client_id!) ?? [];
    list.push({ id: row.id, at: row.created_at });
    byClient.set(row.client_id!, list);
  }
  return byClient;
}

async function viewsOf(db: Executor, rows: readonly HitRow[]): Promise<HitView[]> {
  const decisions = await screenedDecisions(db, [...new Set(rows.map((r) => r.clientId))]);
  return rows.map(({ given_names, paternal_surname, maternal_surname, legal_name, ...hit }) => {
    const referred = decisions.get(hit.clientId) ?? [];
    return {
      ...hit,
      clientName: clientNameOf({ clientKind: hit.clientKind, given_names, paternal_surname, maternal_surname, legal_name }),
      referredDecisions: { count: referred.length, latestId: referred.at(-1)?.id ?? null, latestAt: referred.at(-1)?.at ?? null },
    };
  });
}

export interface HitSearch {
  readonly status?: HitStatus | undefined;
  readonly clientId?: string | undefined;
  readonly watchlistId?: string | undefined;
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
    if (search.watchlistId !== undefined) query = query.where('h.watchlist_id', '=', search.watchlistId);
    if (search.after !== undefined) query = query.where('h.id', '>', search.after);
    const rows = await query.execute();
    const hits = await viewsOf(tx, rows.slice(0, search.limit));
    await appendAudit(tx, {
      actor: ctx.actor, action: 'search', entityType: 'screening-hit-search', entityId: uuidv7(), before: null, after: null,
      details: { filters: Object.keys(search).filter((k) => k !== 'limit' && search[k as keyof HitSearch] !== undefined), clientIds: [...new Set(hits.map((h) => h.clientId))] },
      requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { hits, nextAfter: rows.length > search.limit ? hits.at(-1)!.id : null };
  });
}

/**
 * Clears or confirms an open hit with the officer's comment; 409 `hit-decided` once it is not open.
 * Confirming a hit on the blocked-persons list raises a `blocked-person` alert (24 hours to rule).
 */
export async function decideHit(db: Kysely<Database>, id: string, status: 'cleared' | 'confirmed', comment: string, ctx: WriteContext & { readonly today: string }): Promise<HitView> {
  return db.transaction().execute(async (tx) => {
    const found = await hitsQuery(tx).where('h.id', '=', id).executeTakeFirst();
    if (!found) throw new NotFoundError('screening hit', id);
    const before = (await viewsOf(tx, [found]))[0]!;
    const locked = await tx.selectFrom('screening_hits').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'open') throw new ConflictError('hit-decided', `the hit is ${locked.status} already`, { id, status: locked.status });
    const row = await tx.updateTable('screening_hits').set({ status, decided_at: ctx.at, decided_by: ctx.actor, comment }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const after = (await viewsOf(tx, [await hitsQuery(tx).where('h.id', '=', id).executeTakeFirstOrThrow()]))[0]!;
    await appendAudit(tx, {
      actor: ctx.actor, action: status === 'cleared' ? 'clear' : 'confirm', entityType: 'screening-hit', entityId: id, before, after,
      details: { clientId: after.clientId, watchlistId: after.watchlistId, entryId: after.entryId, score: after.score, comment }, requestId: ctx.requestId ?? null, at: ctx.at,
      bound: bindRows([['screening_hits', row]]),
    });
    // The listed person confirmed on the blocked-persons list: an alert due within 24 hours.
    if (status === 'confirmed' && found.watchlistKind === 'blocked-persons') {
      await raiseBlockedPersonAlert(tx, { id, clientId: found.clientId, watchlistName: found.watchlistName, entryName: found.entryName }, ctx);
    }
    return after;
  });
}
