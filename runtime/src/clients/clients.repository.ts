// Clients in the database: create (one client per CURP), read, change, search and export, each
// audited in its transaction (a creation or change also screens the client against the watchlists) — reads too, since the record is personal data: the audit log says
// who saw which client when (stream `client:<id>`; a search is one entry naming the clients it
// returned).
import { bankName, normalizeName } from '@plazo/engine';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import { isUniqueViolation } from '../db/postgres-errors.ts';
import type { ClientRow } from '../db/tables/clients.table.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { screenClient } from '../screening/screening.ts';
import { documentsOf } from '../documents/client-documents.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import { checkClient, type CheckLang, phoneDigits, type Address, type CheckedClient, type ClientInput, type ClientIssue, type RelatedPerson } from './client-record.ts';

/** A change: any field but `kind` (which cannot change), `null` to clear an optional one. */
export type ClientChange = { readonly [K in keyof ClientInput]?: ClientInput[K] | null };
import { regradeClient, riskGradeView } from '../compliance/risk-grades.ts';

export type ClientView = ReturnType<typeof clientView>;

function clientView(row: ClientRow, phones: readonly string[]) {
  return {
    id: row.id,
    kind: row.kind,
    givenNames: row.given_names,
    paternalSurname: row.paternal_surname,
    maternalSurname: row.maternal_surname,
    legalName: row.legal_name,
    legalRepresentative: row.legal_representative as RelatedPerson | null,
    birthDate: row.birth_date,
    birthState: row.birth_state,
    sex: row.sex,
    nationality: row.nationality,
    curp: row.curp,
    rfc: row.rfc,
    occupation: row.occupation,
    email: row.email,
    phone: phones[0] ?? null,
    phones: [...phones],
    address: row.address as Address | null,
    ownAccount: row.own_account,
    beneficialOwner: row.beneficial_owner as RelatedPerson | null,
    pep: row.pep,
    channel: row.channel ?? null,
    disbursementAccount: disbursementAccountOf(row),
    riskGrade: riskGradeView(row),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The client's disbursement account with the bank its CLABE names; null when none is on file. */
export function disbursementAccountOf(row: Pick<ClientRow, 'disbursement_clabe' | 'disbursement_holder'>) {
  if (row.disbursement_clabe === null || row.disbursement_holder === null) return null;
  return { clabe: row.disbursement_clabe, holderName: row.disbursement_holder, bank: bankName(row.disbursement_clabe.slice(0, 3)) ?? null };
}

/** The stored record as input again (for a change: the change is merged into it and checked whole). */
function inputOf(view: ClientView): ClientInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) if (value !== null) out[key] = value;
  for (const key of ['id', 'phone', 'riskGrade', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']) delete out[key];
  if (view.disbursementAccount) out['disbursementAccount'] = { clabe: view.disbursementAccount.clabe, holderName: view.disbursementAccount.holderName };
  return out as unknown as ClientInput;
}

function columnsOf(checked: CheckedClient) {
  const r = checked.record;
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return {
    kind: r.kind,
    given_names: r.givenNames ?? null,
    paternal_surname: r.paternalSurname ?? null,
    maternal_surname: r.maternalSurname ?? null,
    legal_name: r.legalName ?? null,
    name_search: checked.nameSearch,
    birth_date: r.birthDate ?? null,
    birth_state: r.birthState ?? null,
    sex: r.sex ?? null,
    nationality: r.nationality ?? null,
    curp: r.curp ?? null,
    rfc: r.rfc ?? null,
    occupation: r.occupation ?? null,
    email: r.email ?? null,
    address: json(r.address),
    own_account: r.ownAccount,
    beneficial_owner: json(r.beneficialOwner),
    pep: r.pep,
    legal_representative: json(r.legalRepresentative),
    channel: r.channel ?? null,
    disbursement_clabe: r.disbursementAccount?.clabe ?? null,
    disbursement_holder: r.disbursementAccount?.holderName ?? null,
  };
}

async function phonesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('client_phones').select(['client_id', 'phone']).where('client_id', 'in', ids).orderBy('client_id').orderBy('position').execute();
  for (const r of rows) out.get(r.client_id)!.push(r.phone);
  return out;
}

async function writePhones(tx: Transaction<Database>, clientId: string, phones: readonly string[]) {
  await tx.deleteFrom('client_phones').where('client_id', '=', clientId).execute();
  if (phones.length > 0) await tx.insertInto('client_phones').values(phones.map((phone, position) => ({ client_id: clientId, phone, position }))).execute();
}

/** The distinct words of a normalized name (`name_search`). */
export function nameWords(nameSearch: string): string[] {
  return [...new Set(nameSearch.split(' ').filter((w) => w !== ''))];
}

async function writeNameWords(tx: Transaction<Database>, clientId: string, nameSearch: string) {
  await tx.deleteFrom('client_name_words').where('client_id', '=', clientId).execute();
  const words = nameWords(nameSearch);
  if (words.length > 0) await tx.insertInto('client_name_words').values(words.map((word) => ({ word, client_id: clientId }))).execute();
}

async function refuseDuplicateCurp(tx: Executor, curp: string | undefined, self?: string) {
  if (curp === undefined) return;
  const existing = await tx.selectFrom('clients').select('id').where('curp', '=', curp).executeTakeFirst();
  if (existing && existing.id !== self) {
    throw new ConflictError('client-exists', `a client with CURP ${curp} exists already: ${existing.id}`, { clientId: existing.id, curp, href: `/api/v1/clients/${existing.id}` });
  }
}

async function withDuplicateCurp<T>(curp: string | undefined, db: Kysely<Database>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Two creations of the same CURP at once: the unique index refuses the second.
    if (isUniqueViolation(error) && curp !== undefined) await refuseDuplicateCurp(db, curp);
    throw error;
  }
}

/** A creation's Idempotency-Key and the hash of its body. */
export interface Idempotency {
  readonly key: string;
  readonly requestHash: string;
}

/** The client first created with this key (a resend: `replayed`), or undefined; 409 `idempotency-key-reused` for another body. */
async function replayed(db: Executor, idempotency: Idempotency | undefined) {
  if (idempotency === undefined) return undefined;
  const first = await db.selectFrom('clients').select(['id', 'request_hash']).where('idempotency_key', '=', idempotency.key).executeTakeFirst();
  if (!first) return undefined;
  if (first.request_hash !== idempotency.requestHash) {
    throw new ConflictError('idempotency-key-reused', 'this Idempotency-Key was used for a different client', { idempotencyKey: idempotency.key, clientId: first.id });
  }
  const client = await loadClient(db, first.id);
  return { client, warnings: warningsOf(client), replayed: true };
}

/**
 * Creates a client; 422 for an invalid record, 409 `client-exists` naming the client with the same
 * CURP. With an Idempotency-Key, a resend of the same body returns the first client (`replayed`).
 */
export async function createClient(db: Kysely<Database>, input: ClientInput, ctx: WriteContext & { lang?: CheckLang }, idempotency?: Idempotency) {
  const first = await replayed(db, idempotency);
  if (first) return first;
  const checked = checkClient(input, ctx.lang);
  const id = uuidv7();
  let client: ClientView;
  try {
    client = await insertClient(db, id, checked, ctx, idempotency);
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The same key sent twice at once: the unique index refuses the second, which replays the first.
      const again = await replayed(db, idempotency);
      if (again) return again;
      await refuseDuplicateCurp(db, checked.record.curp);
    }
    throw error;
  }
  return { client, warnings: checked.warnings, replayed: false };
}

async function insertClient(db: Kysely<Database>, id: string, checked: CheckedClient, ctx: WriteContext, idempotency: Idempotency | undefined) {
  return db.transaction().execute(async (tx) => {
    await refuseDuplicateCurp(tx, checked.record.curp);
    const row = await tx
      .insertInto('clients')
      .values({
        id, ...columnsOf(checked), idempotency_key: idempotency?.key ?? null, request_hash: idempotency?.requestHash ?? null,
        created_at: ctx.at, created_by: ctx.actor, updated_at: ctx.at, updated_by: ctx.actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writePhones(tx, id, checked.record.phones);
    await writeNameWords(tx, id, checked.nameSearch);
    await screenClient(tx, id, 'client', ctx);
    const view = clientView({ ...row, ...(await regradeClient(tx, id, ctx.at)) }, checked.record.phones);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'create', entityType: 'client', entityId: id, before: null, after: view,
      details: { kind: row.kind, warnings: checked.warnings.map((w) => `${w.path}:${w.reason}`) }, requestId: ctx.requestId ?? null, at: ctx.at,
      bound: bindRows([['clients', row]]),
    });
    return view;
  });
}

async function loadClient(tx: Executor, id: string, forUpdate = false): Promise<ClientView> {
  let query = tx.selectFrom('clients').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('client', id);
  return clientView(row, (await phonesOf(tx, [id])).get(id)!);
}

/**
 * What the checks say of a stored record now (the warnings its creation or last change gave); a
 * record stored under older rules that fails today's gives its problems, as warnings to look at.
 */
export function warningsOf(client: ClientView, lang: CheckLang = 'en'): readonly ClientIssue[] {
  try {
    return checkClient(inputOf(client), lang).warnings;
  } catch (error) {
    if (error instanceof ValidationError) return error.details as ClientIssue[];
    throw error;
  }
}

/** A client's record; the read is audited. */
export async function readClient(db: Kysely<Database>, id: string, ctx: WriteContext): Promise<ClientView> {
  return db.transaction().execute(async (tx) => {
    const client = await loadClient(tx, id);
    await appendAudit(tx, { actor: ctx.actor, action: 'read', entityType: 'client', entityId: id, before: null, after: null, details: { what: 'record' }, requestId: ctx.requestId ?? null, at: ctx.at });
    return client;
  });
}

/**
 * Changes some fields of a client; the record after the change is checked whole (kind cannot
 * change). A field sent as `null` is cleared (a required one is then refused, as on creation).
 */
export async function updateClient(db: Kysely<Database>, id: string, change: ClientChange, ctx: WriteContext & { lang?: CheckLang }) {
  return withDuplicateCurp(change.curp?.trim().toUpperCase(), db, () =>
    db.transaction().execute(async (tx) => {
      const before = await loadClient(tx, id, true);
      if (change.kind !== undefined && change.kind !== before.kind) throw new ValidationError([{ path: 'kind', message: 'a client’s kind cannot change' }]);
      const merged: Record<string, unknown> = { ...inputOf(before) };
      for (const [field, value] of Object.entries(change)) {
        if (value === null) delete merged[field];
        else if (value !== undefined) merged[field] = value;
      }
      const checked = checkClient(merged as unknown as ClientInput, ctx.lang);
      await refuseDuplicateCurp(tx, checked.record.curp, id);
      const row = await tx.updateTable('clients').set({ ...columnsOf(checked), updated_at: ctx.at, updated_by: ctx.actor }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await writePhones(tx, id, checked.record.phones);
      await writeNameWords(tx, id, checked.nameSearch);
      await screenClient(tx, id, 'client', ctx);
      const client = clientView({ ...row, ...(await regradeClient(tx, id, ctx.at)) }, checked.record.phones);
      await appendAudit(tx, {
        actor: ctx.actor, action: 'update', entityType: 'client', entityId: id, before, after: client,
        details: { fields: Object.keys(change), warnings: checked.warnings.map((w) => `${w.path}:${w.reason}`) }, requestId: ctx.requestId ?? null, at: ctx.at,
        bound: bindRows([['clients', row]]),
      });
      return { client, warnings: checked.warnings };
    }),
  );
}

export interface ClientSearch {
  /** Names, any order, accents and case ignored: every word must start a word of the client's names. */
  readonly q?: string | undefined;
  readonly curp?: string | undefined;
  readonly rfc?: string | undefined;
  readonly phone?: string | undefined;
  /** A loan's id: its client. */
  readonly loan?: string | undefined;
  readonly after?: string | undefined;
  readonly limit: number;
}

/** Clients matching every filter given, oldest first, a page at a time (keyset on id); the search is audited with the clients it returned. */
export async function searchClients(db: Kysely<Database>, search: ClientSearch, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    let query = tx.selectFrom('clients').selectAll('clients').orderBy('clients.id').limit(search.limit + 1);
    // normalizeName leaves only A–Z, 0–9 and spaces: nothing LIKE would read as a wildcard.
    for (const word of nameWords(normalizeName(search.q ?? ''))) {
      query = query.where('clients.id', 'in', tx.selectFrom('client_name_words').select('client_id').where('word', 'like', `${word}%`));
    }
    if (search.curp !== undefined) query = query.where('clients.curp', '=', search.curp.trim().toUpperCase());
    if (search.rfc !== undefined) query = query.where('clients.rfc', '=', search.rfc.trim().toUpperCase());
    if (search.phone !== undefined) {
      const digits = phoneDigits(search.phone);
      if (digits === undefined) throw new ValidationError([{ path: 'phone', message: 'a phone has 10 digits (optionally after +52)' }]);
      query = query.where('clients.id', 'in', tx.selectFrom('client_phones').select('client_id').where('phone', '=', digits));
    }
    if (search.loan !== undefined) query = query.where('clients.id', 'in', tx.selectFrom('loans').select('client_id').where('id', '=', search.loan).where('client_id', 'is not', null).$narrowType<{ client_id: string }>());
    if (search.after !== undefined) query = query.where('clients.id', '>', search.after);
    const rows = await query.execute();
    const page = rows.slice(0, search.limit);
    const phones = await phonesOf(tx, page.map((r) => r.id));
    const clients = page.map((r) => clientView(r, phones.get(r.id)!));
    const searchId = uuidv7();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'search', entityType: 'client-search', entityId: searchId, before: null, after: null,
      details: { filters: Object.keys(search).filter((k) => k !== 'limit' && search[k as keyof ClientSearch] !== undefined), clientIds: clients.map((c) => c.id) },
      requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { clients, nextAfter: rows.length > search.limit ? page.at(-1)!.id : null };
  });
}

/**
 * Everything Plazo holds on a client (ARCO rights of access): the record, its decisions with the
 * applications as sent, its loans with their events, its documents (metadata, not bytes), and the audit trail of the record (who
 * created, changed, read or exported it). The export is audited.
 */
export async function exportClient(db: Kysely<Database>, id: string, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    const client = await loadClient(tx, id);
    const decisions = await tx.selectFrom('decisions').select(['id', 'product_version_id', 'application', 'outcome', 'decided_on', 'decision', 'created_at', 'created_by']).where('client_id', '=', id).orderBy('id').execute();
    const loans = await tx.selectFrom('loans').selectAll().where('client_id', '=', id).orderBy('id').execute();
    const events = loans.length === 0 ? [] : await tx.selectFrom('loan_events').selectAll().where('loan_id', 'in', loans.map((l) => l.id)).orderBy('loan_id').orderBy('seq').execute();
    // The documents' metadata (kind, name, type, size, SHA-256, who uploaded them when); the bytes are at each `href`.
    const documents = await documentsOf(tx, id);
    const trail = await sql<Record<string, unknown>>`
      select stream_seq, action, details, request_id, created_at, created_by from audit_log where stream = ${`client:${id}`} order by stream_seq`.execute(tx);
    await appendAudit(tx, { actor: ctx.actor, action: 'export', entityType: 'client', entityId: id, before: null, after: null, details: { what: 'arco-export', decisions: decisions.length, loans: loans.length, documents: documents.length }, requestId: ctx.requestId ?? null, at: ctx.at });
    return {
      exportedAt: ctx.at,
      client,
      decisions,
      loans: loans.map((l) => ({ ...l, events: events.filter((e) => e.loan_id === l.id) })),
      documents,
      audit: trail.rows,
    };
  });
}

/** 422 naming `path` unless a client with this id exists (decisions and loans that name one). */
export async function requireClient(db: Executor, clientId: string, path = 'clientId'): Promise<void> {
  const found = await db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
  if (!found) throw new ValidationError([{ path, message: `no client \`${clientId}\`` }]);
}
