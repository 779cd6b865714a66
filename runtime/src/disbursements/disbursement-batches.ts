// Disbursement batches (issue 16): a maker (`disbursements:prepare`) puts pending loans into a
// batch — each item the cash the client receives (servicing `disbursementAmounts`, the same figure
// the disbursement books), the client's CLABE and holder, a generated SPEI tracking key, a numeric
// reference and a concept — another person (`disbursements:approve`, maker-checker) approves it,
// and it goes to the bank as the layout file or through a channel (disbursement-channel.ts).
// A loan is in one open item at most: the partial unique index `disbursement_items_open_loan`
// refuses a second, even from two batches prepared at the same moment. Every write audited
// (stream `disbursement-batch:<id>`).
import { randomInt } from 'node:crypto';
import { Dec, validateClabe, type LoanTerms } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { personIn, refuseMaker } from '../auth/maker-checker.ts';
import type { Database, Executor } from '../db/database.ts';
import { bare } from '../db/pg-arrays.ts';
import { isUniqueViolation } from '../db/postgres-errors.ts';
import type { DisbursementBatchRow, DisbursementChannelName, DisbursementItemRow } from '../db/tables/disbursements.table.ts';
import type { LoanStatus } from '../db/tables/loans.table.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { actorNames, displayOf } from '../products/actor-names.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { disbursementAmounts } from '../servicing/loan-event-requests.ts';
import type { PaymentOrder } from './spei-layout.ts';

export interface DisbursementContext extends WriteContext {
  /** Today's business date (the runtime clock in the lender's time zone). */
  readonly today: string;
}

/** Why a loan cannot go into a batch. */
export type NotReadyCode = 'not-found' | 'not-pending' | 'no-client' | 'no-disbursement-account' | 'invalid-clabe' | 'holder-missing' | 'in-open-batch' | 'currency' | 'amount';

export interface NotReady {
  readonly code: NotReadyCode;
  readonly message: string;
}

/** A loan as a batch sees it: what it would send, or why it cannot. */
export interface Candidate {
  readonly loanId: string;
  readonly status: LoanStatus | null;
  readonly clientId: string | null;
  readonly amount: string | null;
  readonly clabe: string | null;
  readonly holderName: string | null;
  readonly disbursementDate: string | null;
  readonly openBatchId: string | null;
  readonly paymentReference: string | null;
  readonly reasons: NotReady[];
}

interface CandidateRow {
  id: string;
  status: LoanStatus;
  terms: unknown;
  currency: string;
  client_id: string | null;
  payment_reference: string | null;
  disbursement_clabe: string | null;
  disbursement_holder: string | null;
  open_batch_id: string | null;
}

/** The currency SPEI moves. */
const SPEI_CURRENCY = 'MXN';
/** SPEI amounts have cents. */
const SPEI_DECIMALS = 2;

/** Whether a loan can be disbursed by SPEI now, and what it would send. */
export function candidateOf(row: CandidateRow): Candidate {
  const reasons: NotReady[] = [];
  const terms = row.terms as LoanTerms;
  if (row.status !== 'pending') reasons.push({ code: 'not-pending', message: `the loan is ${row.status}: only a pending loan is disbursed` });
  if (row.client_id === null) reasons.push({ code: 'no-client', message: 'the loan names no client: there is no account to pay into' });
  else if (row.disbursement_clabe === null) reasons.push({ code: 'no-disbursement-account', message: 'the client has no disbursement account (CLABE) on file' });
  else {
    const check = validateClabe(row.disbursement_clabe);
    if (!check.valid) reasons.push({ code: 'invalid-clabe', message: `the client's CLABE fails its check (${check.reason})` });
    if (row.disbursement_holder === null) reasons.push({ code: 'holder-missing', message: 'the client’s disbursement account has no holder name' });
  }
  if (row.open_batch_id !== null) reasons.push({ code: 'in-open-batch', message: `the loan is already in the open batch ${row.open_batch_id}` });
  if (row.currency !== SPEI_CURRENCY) reasons.push({ code: 'currency', message: `SPEI moves ${SPEI_CURRENCY}; the loan is in ${row.currency}` });
  let amount: string | null = null;
  const cash = new Dec(disbursementAmounts(terms).cash);
  if (cash.lte(0) || cash.decimalPlaces() > SPEI_DECIMALS) reasons.push({ code: 'amount', message: `the client would receive ${cash.toFixed()}: a transfer is more than 0 with at most ${SPEI_DECIMALS} decimals` });
  else amount = cash.toFixed(SPEI_DECIMALS);
  return {
    loanId: row.id,
    status: row.status,
    clientId: row.client_id,
    amount,
    clabe: row.disbursement_clabe,
    holderName: row.disbursement_holder,
    disbursementDate: terms.disbursementDate,
    openBatchId: row.open_batch_id,
    paymentReference: row.payment_reference,
    reasons,
  };
}

function candidateQuery(db: Executor) {
  return db
    .selectFrom('loans as l')
    .leftJoin('clients as c', 'c.id', 'l.client_id')
    .select(['l.id', 'l.status', 'l.terms', 'l.currency', 'l.client_id', 'l.payment_reference', 'c.disbursement_clabe', 'c.disbursement_holder'])
    .select(sql<string | null>`(select i.batch_id from disbursement_items i where i.loan_id = l.id and i.status = 'pending')`.as('open_batch_id'));
}

/** These loans as candidates, in the order given (an unknown id: `not-found`). */
async function candidatesFor(db: Executor, loanIds: readonly string[]): Promise<Candidate[]> {
  const rows = loanIds.length === 0 ? [] : await candidateQuery(db).where(sql<boolean>`l.id = any(${bare(loanIds)}::uuid[])`).execute();
  const byId = new Map(rows.map((r) => [r.id, candidateOf(r as CandidateRow)]));
  return loanIds.map(
    (id) => byId.get(id) ?? { loanId: id, status: null, clientId: null, amount: null, clabe: null, holderName: null, disbursementDate: null, openBatchId: null, paymentReference: null, reasons: [{ code: 'not-found', message: `no loan \`${id}\`` }] },
  );
}

/** Pending loans oldest first, each ready or with the reasons it is not (a page: keyset on id). */
export async function listCandidates(db: Executor, page: { after?: string | undefined; limit: number }) {
  let query = candidateQuery(db).where('l.status', '=', 'pending').orderBy('l.id').limit(page.limit + 1);
  if (page.after !== undefined) query = query.where('l.id', '>', page.after);
  const rows = await query.execute();
  const loans = rows.slice(0, page.limit).map((r) => candidateOf(r as CandidateRow));
  return { loans, nextAfter: rows.length > page.limit ? loans.at(-1)!.loanId : null };
}

/** Every pending loan that is ready (the batch of "everything ready"). */
async function readyLoanIds(db: Executor): Promise<string[]> {
  const rows = await candidateQuery(db).where('l.status', '=', 'pending').orderBy('l.id').execute();
  return rows.map((r) => candidateOf(r as CandidateRow)).filter((c) => c.reasons.length === 0).map((c) => c.loanId);
}

const KEY_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A SPEI tracking key: `PZ`, the value date as YYMMDD and 20 random alphanumerics (28 characters; unique by the index). */
/**
 * Refuses to disburse by hand a loan that waits in an open batch (409
 * `loan-in-disbursement-batch`): the bank's transfer disburses it when the batch's status comes
 * back; paying it out twice is what the batch is there to prevent. Cancelling the batch frees it.
 */
export async function refuseIfInOpenBatch(db: Executor, loanId: string): Promise<void> {
  const queued = await db.selectFrom('disbursement_items').select('batch_id').where('loan_id', '=', loanId).where('status', '=', 'pending').executeTakeFirst();
  if (queued) {
    throw new ConflictError('loan-in-disbursement-batch', 'the loan waits in an open disbursement batch: the transfer disburses it when the batch status is imported (cancel the batch to disburse it by hand)', { batchId: queued.batch_id });
  }
}

export function newTrackingKey(valueDate: string): string {
  let tail = '';
  for (let i = 0; i < 20; i++) tail += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return `PZ${valueDate.slice(2).replaceAll('-', '')}${tail}`;
}

/** The transfer's concept (≤ 40 characters): the loan's payment reference, or the end of its id. */
export function conceptOf(loanId: string, paymentReference: string | null): string {
  return `CREDITO ${paymentReference ?? loanId.replaceAll('-', '').slice(-12).toUpperCase()}`.slice(0, 40);
}

export function batchJson(row: DisbursementBatchRow, counts: Readonly<Record<string, number>>, names: Awaited<ReturnType<typeof actorNames>>) {
  return {
    id: row.id,
    status: row.status,
    valueDate: row.value_date,
    currency: row.currency,
    itemsCount: row.items_count,
    totalAmount: new Dec(row.total_amount).toFixed(SPEI_DECIMALS),
    counts: { pending: counts['pending'] ?? 0, liquidated: counts['liquidated'] ?? 0, returned: counts['returned'] ?? 0, cancelled: counts['cancelled'] ?? 0 },
    channel: row.channel,
    maker: row.maker,
    makerDisplay: displayOf(names, row.maker),
    checker: row.checker,
    checkerDisplay: row.checker === null ? null : displayOf(names, row.checker),
    approvedAt: row.approved_at,
    sentAt: row.sent_at,
    sentBy: row.sent_by,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    cancelledBy: row.cancelled_by,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export type BatchJson = ReturnType<typeof batchJson>;

export function itemJson(row: DisbursementItemRow) {
  return {
    id: row.id,
    seq: row.seq,
    loanId: row.loan_id,
    amount: new Dec(row.amount).toFixed(SPEI_DECIMALS),
    clabe: row.clabe,
    bankCode: row.clabe.slice(0, 3),
    holderName: row.holder_name,
    trackingKey: row.tracking_key,
    numericReference: row.numeric_reference,
    concept: row.concept,
    status: row.status,
    settledOn: row.settled_on,
    settlementTime: row.settlement_time,
    returnReason: row.return_reason,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
  };
}

/** The order an item sends (layout line, channel order). */
export function orderOf(row: DisbursementItemRow, valueDate: string): PaymentOrder {
  return { trackingKey: row.tracking_key, valueDate, clabe: row.clabe, holderName: row.holder_name, amount: new Dec(row.amount).toFixed(SPEI_DECIMALS), concept: row.concept, numericReference: row.numeric_reference };
}

async function countsOf(db: Executor, ids: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('disbursement_items')
    .select(['batch_id', 'status', sql<string>`count(*)`.as('n')])
    .where(sql<boolean>`batch_id = any(${bare(ids)}::uuid[])`)
    .groupBy(['batch_id', 'status'])
    .execute();
  for (const r of rows) out.get(r.batch_id)![r.status] = Number(r.n);
  return out;
}

async function viewsOf(db: Executor, rows: readonly DisbursementBatchRow[]): Promise<BatchJson[]> {
  const counts = await countsOf(db, rows.map((r) => r.id));
  const names = await actorNames(db, rows.flatMap((r) => [r.maker, r.checker]));
  return rows.map((r) => batchJson(r, counts.get(r.id)!, names));
}

/** Batches newest first, optionally of one status. */
export async function listBatches(db: Executor, status?: DisbursementBatchRow['status']): Promise<BatchJson[]> {
  let query = db.selectFrom('disbursement_batches').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200);
  if (status !== undefined) query = query.where('status', '=', status);
  return viewsOf(db, await query.execute());
}

export async function findBatch(db: Executor, id: string, lock = false): Promise<DisbursementBatchRow> {
  let query = db.selectFrom('disbursement_batches').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('disbursement batch', id);
  return row;
}

export async function batchItems(db: Executor, batchId: string): Promise<DisbursementItemRow[]> {
  return db.selectFrom('disbursement_items').selectAll().where('batch_id', '=', batchId).orderBy('seq').execute();
}

/** A batch with its items. */
export async function getBatch(db: Executor, id: string) {
  const row = await findBatch(db, id);
  const [batch] = await viewsOf(db, [row]);
  return { batch: batch!, items: (await batchItems(db, id)).map(itemJson) };
}

export interface NewBatch {
  /** The loans to disburse; none: every pending loan that is ready. */
  readonly loanIds?: readonly string[] | undefined;
  readonly valueDate: string;
  /** Leave the loans that cannot go out of the batch (listed in `leftOut`) instead of refusing it. */
  readonly skipIneligible?: boolean | undefined;
}

const INSERT_CHUNK = 1000;

/**
 * Prepares a batch. Named loans that cannot go are refused all together (422
 * `loans-not-ready`, details `[{ path: 'loanIds[i]', loanId, reasons }]`) unless
 * `skipIneligible`, which leaves them out (`leftOut`). A loan another batch took meanwhile is
 * refused by the unique index; the batch is then prepared again from what is committed.
 */
export async function createBatch(db: Kysely<Database>, input: NewBatch, ctx: DisbursementContext) {
  if (input.valueDate < ctx.today) throw new ValidationError([{ path: 'valueDate', message: `must not be before today (${ctx.today})` }]);
  if (input.loanIds !== undefined) {
    const seen = new Set<string>();
    const problems = input.loanIds.flatMap((id, i) => (seen.has(id) ? [{ path: `loanIds[${i}]`, message: 'named twice' }] : (seen.add(id), [])));
    if (problems.length > 0) throw new ValidationError(problems);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => prepareIn(tx, input, ctx));
    } catch (error) {
      if (!isUniqueViolation(error, 'disbursement_items_open_loan') || attempt >= 3) throw error;
    }
  }
}

async function prepareIn(tx: Executor, input: NewBatch, ctx: DisbursementContext) {
  const named = input.loanIds !== undefined;
  const candidates = await candidatesFor(tx, named ? input.loanIds! : await readyLoanIds(tx));
  const refused = candidates.flatMap((c, i) => (c.reasons.length > 0 ? [{ index: i, candidate: c }] : []));
  if (refused.length > 0 && named && !input.skipIneligible) {
    throw new AppError(
      422,
      'loans-not-ready',
      `${refused.length} of the ${candidates.length} loans cannot be disbursed; send \`skipIneligible: true\` to prepare the batch without them`,
      refused.map(({ index, candidate }) => ({ path: `loanIds[${index}]`, loanId: candidate.loanId, message: candidate.reasons.map((r) => r.message).join('; '), reasons: candidate.reasons })),
    );
  }
  const ready = candidates.filter((c) => c.reasons.length === 0);
  if (ready.length === 0) throw new AppError(422, 'no-loans-ready', 'no loan is ready to be disbursed', refused.map(({ candidate }) => ({ loanId: candidate.loanId, reasons: candidate.reasons })));
  const id = uuidv7();
  const refs = await sql<{ n: string }>`select nextval('disbursement_numeric_reference')::text as n from generate_series(1, ${ready.length})`.execute(tx);
  const items = ready.map((c, i) => ({
    id: uuidv7(),
    batch_id: id,
    seq: i + 1,
    loan_id: c.loanId,
    amount: c.amount!,
    clabe: c.clabe!,
    holder_name: c.holderName!,
    tracking_key: newTrackingKey(input.valueDate),
    numeric_reference: refs.rows[i]!.n.padStart(7, '0'),
    concept: conceptOf(c.loanId, c.paymentReference),
    status: 'pending' as const,
    settled_on: null,
    settlement_time: null,
    return_reason: null,
    answered_at: null,
    answered_by: null,
  }));
  const total = items.reduce((sum, item) => sum.plus(item.amount), new Dec(0)).toFixed(SPEI_DECIMALS);
  const row = await tx
    .insertInto('disbursement_batches')
    .values({
      id, status: 'prepared', value_date: input.valueDate, items_count: items.length, total_amount: total, channel: null, maker: personIn(ctx), checker: null,
      approved_at: null, sent_at: null, sent_by: null, closed_at: null, cancelled_at: null, cancelled_by: null, cancel_reason: null, created_at: ctx.at, created_by: ctx.actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (let i = 0; i < items.length; i += INSERT_CHUNK) await tx.insertInto('disbursement_items').values(items.slice(i, i + INSERT_CHUNK)).execute();
  const leftOut = refused.map(({ candidate }) => ({ loanId: candidate.loanId, reasons: candidate.reasons }));
  await appendAudit(tx, {
    actor: ctx.actor, action: 'prepare', entityType: 'disbursement-batch', entityId: id, before: null,
    after: { status: row.status, valueDate: row.value_date, itemsCount: items.length, totalAmount: total, maker: row.maker },
    details: { loanIds: items.map((i) => i.loan_id), leftOut: leftOut.map((l) => ({ loanId: l.loanId, reasons: l.reasons.map((r) => r.code) })) },
    requestId: ctx.requestId ?? null, at: ctx.at,
  });
  const [batch] = await viewsOf(tx, [row]);
  return { batch: batch!, items: (await batchItems(tx, id)).map(itemJson), leftOut };
}

/** Approves a prepared batch: another person than its maker (403 `same-author`); 409 `batch-not-prepared` otherwise. */
export async function approveBatch(db: Kysely<Database>, id: string, ctx: DisbursementContext) {
  return db.transaction().execute(async (tx) => {
    const row = await findBatch(tx, id, true);
    if (row.status !== 'prepared') throw new ConflictError('batch-not-prepared', `the batch is ${row.status}: only a prepared batch is approved`, { status: row.status, checker: row.checker });
    refuseMaker(row.maker, ctx, 'the person who prepared the disbursement batch may not approve it');
    const updated = await tx.updateTable('disbursement_batches').set({ status: 'approved', checker: personIn(ctx), approved_at: ctx.at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'approve', entityType: 'disbursement-batch', entityId: id, before: { status: row.status }, after: { status: updated.status, checker: updated.checker },
      details: { maker: row.maker, itemsCount: row.items_count, totalAmount: row.total_amount }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    const [batch] = await viewsOf(tx, [updated]);
    return batch!;
  });
}

/** Cancels a batch not yet sent (prepared or approved): its items are cancelled and their loans free for another batch. */
export async function cancelBatch(db: Kysely<Database>, id: string, reason: string | undefined, ctx: DisbursementContext) {
  return db.transaction().execute(async (tx) => {
    const row = await findBatch(tx, id, true);
    if (row.status !== 'prepared' && row.status !== 'approved') throw new ConflictError('batch-already-sent', `the batch is ${row.status}: only a batch not yet sent is cancelled`, { status: row.status });
    const updated = await tx
      .updateTable('disbursement_batches')
      .set({ status: 'cancelled', cancelled_at: ctx.at, cancelled_by: ctx.actor, cancel_reason: reason ?? null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.updateTable('disbursement_items').set({ status: 'cancelled', answered_at: ctx.at, answered_by: ctx.actor }).where('batch_id', '=', id).where('status', '=', 'pending').execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'cancel', entityType: 'disbursement-batch', entityId: id, before: { status: row.status }, after: { status: updated.status },
      details: reason === undefined ? {} : { reason }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    const [batch] = await viewsOf(tx, [updated]);
    return batch!;
  });
}

/**
 * Marks an approved batch sent through `channel` (idempotent: a batch already sent stays as it
 * is, and says which channel took it). 409 `batch-not-approved` before approval or once cancelled.
 */
export async function markSent(db: Kysely<Database>, id: string, channel: DisbursementChannelName, ctx: DisbursementContext): Promise<{ row: DisbursementBatchRow; items: DisbursementItemRow[]; alreadySent: boolean }> {
  return db.transaction().execute(async (tx) => {
    const row = await findBatch(tx, id, true);
    if (row.status === 'sent' || row.status === 'closed') return { row, items: await batchItems(tx, id), alreadySent: true };
    if (row.status !== 'approved') throw new ConflictError('batch-not-approved', `the batch is ${row.status}: only an approved batch is sent`, { status: row.status });
    const updated = await tx.updateTable('disbursement_batches').set({ status: 'sent', channel, sent_at: ctx.at, sent_by: ctx.actor }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'send', entityType: 'disbursement-batch', entityId: id, before: { status: row.status }, after: { status: updated.status, channel },
      details: { channel, itemsCount: row.items_count, totalAmount: row.total_amount }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { row: updated, items: await batchItems(tx, id), alreadySent: false };
  });
}
