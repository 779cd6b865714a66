// Screening clients against the current version of every watchlist: the client's names (and those
// of its legal representative and beneficial owner) scored by the engine against an index of each
// list, built once per list version and kept in memory; a score at or above the list's threshold is
// a hit, stored once per client, person screened and entry (a hit already found — and decided —
// is not found again). Clients are screened when registered or changed, at each decision, and all
// of them when a list gets a new version.
import { buildWatchlistIndex, screenName, type DecisionReason, type ScreenedName, type WatchlistIndex, type WatchlistName } from '@plazo/engine';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Kysely } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import type { ClientRow } from '../db/tables/clients.table.ts';
import type { HitSubject, ScreeningHitsTable } from '../db/tables/watchlists.table.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';

/** The version of a list that screening uses now. */
export interface CurrentList {
  readonly watchlistId: string;
  readonly name: string;
  readonly versionId: string;
  readonly version: number;
  readonly threshold: number;
}

export async function currentLists(db: Executor): Promise<CurrentList[]> {
  const rows = await db
    .selectFrom('watchlists as w')
    .innerJoin('watchlist_versions as v', (j) => j.onRef('v.watchlist_id', '=', 'w.id').onRef('v.version', '=', 'w.current_version'))
    .select(['w.id as watchlistId', 'w.name', 'v.id as versionId', 'v.version', 'v.threshold'])
    .orderBy('w.name')
    .execute();
  return rows.map((r) => ({ ...r, threshold: Number(r.threshold) }));
}

/** Indexes of recent list versions (a version never changes, so its index never goes stale). */
const INDEXES_KEPT = 8;
const indexes = new Map<string, Promise<WatchlistIndex>>();

function remember(versionId: string, index: Promise<WatchlistIndex>): void {
  indexes.set(versionId, index);
  while (indexes.size > INDEXES_KEPT) indexes.delete(indexes.keys().next().value!);
}

/** Indexes a version's entries as they are being stored (an upload), sparing the first screening a read of them. */
export function rememberIndex(versionId: string, entries: readonly WatchlistName[]): void {
  remember(versionId, Promise.resolve(buildWatchlistIndex(entries)));
}

async function indexOf(db: Executor, versionId: string): Promise<WatchlistIndex> {
  let index = indexes.get(versionId);
  if (index === undefined) {
    index = db
      .selectFrom('watchlist_entries')
      .select(['id', 'name', 'birth_date'])
      .where('version_id', '=', versionId)
      .orderBy('line')
      .execute()
      .then((rows) => buildWatchlistIndex(rows.map((r) => ({ id: r.id, name: r.name, birthDate: r.birth_date }))));
    index.catch(() => indexes.delete(versionId));
    remember(versionId, index);
  } else {
    // Most recently used last.
    indexes.delete(versionId);
    indexes.set(versionId, index);
  }
  return index;
}

interface RelatedNames {
  givenNames?: string;
  paternalSurname?: string;
  maternalSurname?: string;
}

const fullName = (p: RelatedNames) => [p.givenNames, p.paternalSurname, p.maternalSurname].filter((s) => s !== undefined && s !== null).join(' ');

/** The people a client's screening covers: the client itself, its legal representative, its beneficial owner. */
export function screenedPeople(client: Pick<ClientRow, 'kind' | 'given_names' | 'paternal_surname' | 'maternal_surname' | 'legal_name' | 'birth_date' | 'legal_representative' | 'beneficial_owner'>) {
  const people: { subject: HitSubject; person: ScreenedName }[] = [];
  const name = client.kind === 'person' ? fullName({ givenNames: client.given_names!, paternalSurname: client.paternal_surname!, maternalSurname: client.maternal_surname ?? undefined }) : client.legal_name!;
  people.push({ subject: 'client', person: { name, birthDate: client.birth_date } });
  const related = (value: unknown): RelatedNames | undefined => (value === null || value === undefined ? undefined : ((typeof value === 'string' ? JSON.parse(value) : value) as RelatedNames));
  const representative = related(client.legal_representative);
  if (representative) people.push({ subject: 'legal-representative', person: { name: fullName(representative) } });
  const owner = related(client.beneficial_owner);
  if (owner) people.push({ subject: 'beneficial-owner', person: { name: fullName(owner) } });
  return people;
}

/** Who screened: the client's registration or change, a decision, a list's new version. */
export type ScreeningTrigger = ScreeningHitsTable['found_by'];

/**
 * Screens one client against every current list (or only `lists`) inside `tx`, storing and
 * auditing the hits not found before; returns how many it stored.
 */
export async function screenClient(tx: Executor, clientId: string, trigger: ScreeningTrigger, ctx: WriteContext, lists?: readonly CurrentList[]): Promise<number> {
  const against = lists ?? (await currentLists(tx));
  if (against.length === 0) return 0;
  const client = await tx.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
  return storeHits(tx, client, against, trigger, ctx);
}

async function storeHits(tx: Executor, client: ClientRow, lists: readonly CurrentList[], trigger: ScreeningTrigger, ctx: WriteContext): Promise<number> {
  const found: ScreeningHitsTable[] = [];
  const people = screenedPeople(client);
  for (const list of lists) {
    const index = await indexOf(tx, list.versionId);
    for (const { subject, person } of people) {
      for (const match of screenName(index, person, list.threshold)) {
        found.push({
          id: uuidv7(), client_id: client.id, subject, screened_name: person.name, entry_id: match.id, watchlist_id: list.watchlistId, version_id: list.versionId,
          score: match.score.toFixed(4), name_score: match.nameScore.toFixed(4), birth_date: match.birthDate, found_by: trigger, found_at: ctx.at,
          status: 'open', decided_at: null, decided_by: null, comment: null,
        });
      }
    }
  }
  if (found.length === 0) return 0;
  await carryRulings(tx, client.id, found, ctx);
  const stored = await tx.insertInto('screening_hits').values(found).onConflict((oc) => oc.columns(['client_id', 'subject', 'entry_id']).doNothing()).returningAll().execute();
  const storedRows = new Map(stored.map((r) => [r.id, r]));
  const storedIds = new Set(storedRows.keys());
  for (const hit of found) {
    if (!storedIds.has(hit.id)) continue;
    await appendAudit(tx, {
      actor: ctx.actor, action: 'found', entityType: 'screening-hit', entityId: hit.id, before: null, after: hit,
      details: { clientId: hit.client_id, watchlistId: hit.watchlist_id, entryId: hit.entry_id, score: hit.score, foundBy: trigger, status: hit.status }, requestId: ctx.requestId ?? null, at: ctx.at,
      bound: bindRows([['screening_hits', storedRows.get(hit.id)!]]),
    });
  }
  return storedIds.size;
}

/**
 * A hit on an entry that an earlier version of the same list had word for word (name and birth
 * date) for the same person takes that hit's ruling: a homonym cleared once is not put before the
 * officer again at each new version of the list, a confirmed person stays confirmed.
 */
async function carryRulings(tx: Executor, clientId: string, found: ScreeningHitsTable[], ctx: WriteContext): Promise<void> {
  const ruled = await tx
    .selectFrom('screening_hits as h')
    .innerJoin('watchlist_entries as e', 'e.id', 'h.entry_id')
    .innerJoin('watchlist_versions as v', 'v.id', 'h.version_id')
    .select(['h.id', 'h.subject', 'h.watchlist_id', 'h.status', 'h.comment', 'e.name', 'e.birth_date', 'v.version'])
    .where('h.client_id', '=', clientId)
    .where('h.status', 'in', ['cleared', 'confirmed'])
    .orderBy('v.version', 'desc')
    .execute();
  if (ruled.length === 0) return;
  const entries = await tx.selectFrom('watchlist_entries').select(['id', 'name', 'birth_date']).where('id', 'in', found.map((h) => h.entry_id)).execute();
  const entryOf = new Map(entries.map((e) => [e.id, e]));
  for (const hit of found) {
    const entry = entryOf.get(hit.entry_id)!;
    const earlier = ruled.find((r) => r.subject === hit.subject && r.watchlist_id === hit.watchlist_id && r.name === entry.name && r.birth_date === entry.birth_date);
    if (!earlier) continue;
    hit.status = earlier.status;
    hit.decided_at = ctx.at;
    hit.decided_by = 'system';
    hit.comment = `${earlier.status} as hit ${earlier.id} (version ${earlier.version}): ${earlier.comment ?? ''}`;
  }
}

/** Screens every client against `lists` (a list's new version), a page of clients at a time; returns clients screened and hits stored. */
export async function screenAllClients(tx: Executor, lists: readonly CurrentList[], ctx: WriteContext): Promise<{ clients: number; hits: number }> {
  let clients = 0;
  let hits = 0;
  let after: string | undefined;
  for (;;) {
    let query = tx.selectFrom('clients').selectAll().orderBy('id').limit(500);
    if (after !== undefined) query = query.where('id', '>', after);
    const page = await query.execute();
    for (const client of page) hits += await storeHits(tx, client, lists, 'list', ctx);
    clients += page.length;
    if (page.length < 500) return { clients, hits };
    after = page.at(-1)!.id;
  }
}

/** Refers a decision while a hit of the client on a current list is open; declines it once one is confirmed. */
export const SCREENING_REASONS = {
  PLD_LISTA: 'Coincidencia en una lista de personas bloqueadas o sancionadas: revisión de cumplimiento',
  PLD_LISTA_CONFIRMADA: 'El cliente está en una lista de personas bloqueadas o sancionadas',
} as const;

/** The screening reasons of a client's decision, from its hits on the current lists. */
export async function screeningReasons(db: Executor, clientId: string): Promise<DecisionReason[]> {
  const statuses = await db
    .selectFrom('screening_hits as h')
    .innerJoin('watchlists as w', 'w.id', 'h.watchlist_id')
    .innerJoin('watchlist_versions as v', (j) => j.onRef('v.id', '=', 'h.version_id').onRef('v.version', '=', 'w.current_version'))
    .select('h.status')
    .distinct()
    .where('h.client_id', '=', clientId)
    .where('h.status', 'in', ['open', 'confirmed'])
    .execute();
  const reasons: DecisionReason[] = [];
  if (statuses.some((s) => s.status === 'confirmed')) reasons.push({ code: 'PLD_LISTA_CONFIRMADA', outcome: 'decline', source: 'screening', message: SCREENING_REASONS.PLD_LISTA_CONFIRMADA });
  else if (statuses.length > 0) reasons.push({ code: 'PLD_LISTA', outcome: 'refer', source: 'screening', message: SCREENING_REASONS.PLD_LISTA });
  return reasons;
}

/**
 * A decision's screening: the client screened against the current lists (new hits stored), then
 * the reasons its hits give the decision. Nothing to read when no list exists.
 */
export async function screenForDecision(db: Kysely<Database>, clientId: string, ctx: WriteContext): Promise<DecisionReason[]> {
  const lists = await currentLists(db);
  if (lists.length === 0) return [];
  await db.transaction().execute((tx) => screenClient(tx, clientId, 'decision', ctx, lists));
  return screeningReasons(db, clientId);
}
