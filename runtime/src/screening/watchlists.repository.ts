// Watchlists in the database: an upload stores a new version of a list (its entries replace the
// previous version's for screening), supersedes the open hits of older versions and screens every
// client against it — all in one transaction, audited. The same content again is the same version.
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database, Executor } from '../db/database.ts';
import type { WatchlistKind } from '../db/tables/watchlists.table.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { rememberIndex, screenAllClients } from './screening.ts';
import { listContentHash, readListFile, type ColumnNames, type ListFile } from './watchlist-file.ts';
import { isUniqueViolation } from '../db/postgres-errors.ts';

export interface ListUpload {
  readonly name: string;
  readonly kind: WatchlistKind;
  /** Default: the list's current threshold, 0.85 for a new list. */
  readonly threshold?: string | undefined;
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly columns?: ColumnNames | undefined;
}

export const DEFAULT_THRESHOLD = '0.8500';

const ENTRIES_PER_INSERT = 2000;

async function watchlistView(db: Executor, id: string) {
  const row = await db
    .selectFrom('watchlists as w')
    .innerJoin('watchlist_versions as v', (j) => j.onRef('v.watchlist_id', '=', 'w.id').onRef('v.version', '=', 'w.current_version'))
    .select(['w.id', 'w.name', 'v.kind', 'v.threshold', 'v.version', 'v.id as versionId', 'v.content_hash as contentHash', 'v.entries', 'v.encoding', 'v.uploaded_at as uploadedAt', 'v.uploaded_by as uploadedBy'])
    .where('w.id', '=', id)
    .executeTakeFirstOrThrow();
  return row;
}

export type WatchlistView = Awaited<ReturnType<typeof watchlistView>> & {
  /** Hits on the list's current version waiting for the compliance officer. */
  readonly openHits: number;
  /** When the list was first uploaded. */
  readonly createdAt: string;
};

/**
 * Stores an upload as the list's new version and re-screens every client; an upload whose content
 * hash is the current version's changes nothing and returns it (`replayed`).
 */
export async function uploadWatchlist(db: Kysely<Database>, upload: ListUpload, ctx: WriteContext) {
  const file = readListFile(upload.text, upload.encoding, upload.kind, upload.columns);
  try {
    return await storeUpload(db, upload, file, ctx);
  } catch (error) {
    // Two first uploads of a list at once: the second finds the list the first created.
    if (isUniqueViolation(error)) return storeUpload(db, upload, file, ctx);
    throw error;
  }
}

async function storeUpload(db: Kysely<Database>, upload: ListUpload, file: ListFile, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('watchlists').selectAll().where('name', '=', upload.name).forUpdate().executeTakeFirst();
    const current = existing ? await tx.selectFrom('watchlist_versions').selectAll().where('watchlist_id', '=', existing.id).where('version', '=', existing.current_version).executeTakeFirstOrThrow() : undefined;
    const threshold = Number(upload.threshold ?? current?.threshold ?? DEFAULT_THRESHOLD).toFixed(4);
    const contentHash = listContentHash(upload.kind, threshold, file.text);
    if (existing && current?.content_hash === contentHash) {
      return { watchlist: await watchlistView(tx, existing.id), rescreened: { clients: 0, hits: 0 }, replayed: true };
    }
    const watchlistId = existing?.id ?? uuidv7();
    const version = (existing?.current_version ?? 0) + 1;
    if (existing) await tx.updateTable('watchlists').set({ current_version: version, kind: upload.kind, threshold }).where('id', '=', watchlistId).execute();
    else await tx.insertInto('watchlists').values({ id: watchlistId, name: upload.name, kind: upload.kind, threshold, current_version: 1, created_at: ctx.at, created_by: ctx.actor }).execute();
    const versionId = uuidv7();
    await tx.insertInto('watchlist_versions').values({
      id: versionId, watchlist_id: watchlistId, version, content_hash: contentHash, kind: upload.kind, threshold, entries: file.entries.length, encoding: file.encoding,
      uploaded_at: ctx.at, uploaded_by: ctx.actor,
    }).execute();
    const rows = file.entries.map((e) => ({ id: uuidv7(), version_id: versionId, line: e.line, list_ref: e.listRef, name: e.name, birth_date: e.birthDate }));
    for (let i = 0; i < rows.length; i += ENTRIES_PER_INSERT) await tx.insertInto('watchlist_entries').values(rows.slice(i, i + ENTRIES_PER_INSERT)).execute();
    rememberIndex(versionId, rows.map((r) => ({ id: r.id, name: r.name, birthDate: r.birth_date })));
    // Open hits of the replaced version: its entries no longer screen anyone.
    const superseded = existing
      ? await tx.updateTable('screening_hits').set({ status: 'superseded', decided_at: ctx.at, decided_by: ctx.actor, comment: `list replaced by version ${version}` })
        .where('watchlist_id', '=', watchlistId).where('version_id', '<>', versionId).where('status', '=', 'open').returningAll().execute()
      : [];
    const rescreened = await screenAllClients(tx, [{ watchlistId, name: upload.name, versionId, version, threshold: Number(threshold) }], ctx);
    const watchlist = await watchlistView(tx, watchlistId);
    await appendAudit(tx, {
      actor: ctx.actor, action: existing ? 'new-version' : 'create', entityType: 'watchlist', entityId: watchlistId, before: current ?? null, after: watchlist,
      details: { name: upload.name, version, entries: file.entries.length, contentHash, encoding: file.encoding, threshold, supersededHits: superseded.length, ...rescreened },
      requestId: ctx.requestId ?? null, at: ctx.at,
      // The hits this version superseded (the hits it found are bound by their own entries).
      ...(superseded.length > 0 ? { bound: bindRows(superseded.map((h) => ['screening_hits', h] as const)) } : {}),
    });
    return { watchlist, rescreened, replayed: false };
  });
}

/** Every list with its current version, its open hits and when it was first uploaded. */
export async function listWatchlists(db: Executor): Promise<WatchlistView[]> {
  const lists = await db.selectFrom('watchlists').select(['id', 'created_at']).orderBy('name').execute();
  const open = await db.selectFrom('screening_hits as h').innerJoin('watchlists as w', 'w.id', 'h.watchlist_id').innerJoin('watchlist_versions as v', (j) => j.onRef('v.id', '=', 'h.version_id').onRef('v.version', '=', 'w.current_version'))
    .select(['h.watchlist_id', (eb) => eb.fn.countAll<string>().as('n')]).where('h.status', '=', 'open').groupBy('h.watchlist_id').execute();
  const openOf = new Map(open.map((r) => [r.watchlist_id, Number(r.n)]));
  return Promise.all(lists.map(async (r) => ({ ...(await watchlistView(db, r.id)), openHits: openOf.get(r.id) ?? 0, createdAt: r.created_at })));
}
