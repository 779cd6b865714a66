// The bank's answers for a sent batch (issue 16), from the status file or a channel: each line in
// ONE TRANSACTION OF ITS OWN — the item (locked), the loan's disbursement or cancellation and their
// audit entries commit together or not at all — so a crash halfway leaves every item either done
// or still pending, and importing the file again finishes the rest. Idempotent: an answer an item
// already has changes nothing (`unchanged`); one that contradicts it (liquidated, then returned)
// is reported and changes nothing; a tracking key not in the batch is reported; neither touches
// the other lines.
//  - liquidada: the loan is disbursed (the existing disbursement event and posting, Cr 1000 Bancos)
//    dated by the settlement date. When that is not the terms' disbursement date the loan's terms
//    are first re-dated: disbursementDate = the settlement date, and firstDueDate (when the terms
//    fix one) moved by the same number of days, so the schedule keeps its shape (audited `re-date`).
//  - devuelta: the loan is cancelled (`status: cancelled`, closed on the answer's date), the reason
//    on the item and in the audit; nothing is booked. The loan stays cancelled: the client is
//    disbursed again with a new loan, in a new batch, once the CLABE is fixed.
// The batch closes when every item is final.
import { addDays, daysBetween, generateSchedule, parseLoanTerms, type LoanTerms } from '@plazo/engine';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { DisbursementBatchRow, DisbursementItemRow } from '../db/tables/disbursements.table.ts';
import { AppError, ConflictError } from '../errors.ts';
import { withEngineInput } from '../http/engine-errors.ts';
import { appendLoanEventInTransaction } from '../servicing/loan-servicing.ts';
import { disbursementRequest } from '../servicing/loan-event-requests.ts';
import { findBatch, type DisbursementContext } from './disbursement-batches.ts';
import type { StatusAnswer, StatusLine } from './spei-layout.ts';

export type LineOutcome = 'liquidated' | 'returned' | 'unchanged' | 'unknown-tracking-key' | 'contradicts-final-status' | 'item-cancelled' | 'invalid' | 'refused';

export interface LineResult {
  readonly line: number;
  readonly trackingKey: string | null;
  readonly outcome: LineOutcome;
  readonly message: string;
  readonly loanId?: string;
}

/** The loan's terms moved to disburse on `date`: the first due date (when fixed) by the same days. */
export function redatedTerms(terms: LoanTerms, date: string): LoanTerms {
  const shift = daysBetween(terms.disbursementDate, date);
  return { ...terms, disbursementDate: date, ...(terms.firstDueDate === undefined ? {} : { firstDueDate: addDays(terms.firstDueDate, shift) }) };
}

/**
 * Applies the answers of a status file or a channel to a sent batch, line by line, then closes it
 * when every item is final. 409 `batch-not-sent` before it is sent.
 */
export async function importStatus(db: Kysely<Database>, batchId: string, lines: readonly StatusLine[], source: string, ctx: DisbursementContext) {
  const batch = await findBatch(db, batchId);
  if (batch.status !== 'sent' && batch.status !== 'closed') throw new ConflictError('batch-not-sent', `the batch is ${batch.status}: answers are imported once it is sent`, { status: batch.status });
  // Items already final (or unknown) answer without a transaction: a final status never changes.
  const known = new Map((await db.selectFrom('disbursement_items').selectAll().where('batch_id', '=', batchId).execute()).map((i) => [i.tracking_key, i]));
  const results: LineResult[] = [];
  for (const line of lines) {
    if ('problem' in line) {
      results.push({ line: line.line, trackingKey: line.trackingKey, outcome: 'invalid', message: line.problem });
      continue;
    }
    const settled = settledOutcome(known.get(line.answer.trackingKey), line.line, line.answer);
    if (settled) {
      results.push(settled);
      continue;
    }
    try {
      results.push(await db.transaction().execute((tx) => applyAnswer(tx, batch, line.line, line.answer, source, ctx)));
    } catch (error) {
      // A refusal of the loan's event (a closed period, the engine): the line's transaction rolled back.
      if (!(error instanceof AppError)) throw error;
      results.push({ line: line.line, trackingKey: line.trackingKey, outcome: 'refused', message: `${error.code}: ${error.message}` });
    }
  }
  const closed = await closeIfFinal(db, batchId, ctx);
  const summary: Record<LineOutcome, number> = { liquidated: 0, returned: 0, unchanged: 0, 'unknown-tracking-key': 0, 'contradicts-final-status': 0, 'item-cancelled': 0, invalid: 0, refused: 0 };
  for (const r of results) summary[r.outcome]++;
  return { lines: results, summary, batchStatus: closed ? 'closed' : (await findBatch(db, batchId)).status };
}

/** The line's result when its item is unknown, cancelled or already final (nothing to apply); null while it is pending. */
function settledOutcome(item: DisbursementItemRow | undefined, lineNo: number, answer: StatusAnswer): LineResult | null {
  const base = { line: lineNo, trackingKey: answer.trackingKey };
  if (!item) return { ...base, outcome: 'unknown-tracking-key', message: `no item of this batch has the tracking key \`${answer.trackingKey}\`` };
  const loanId = item.loan_id;
  if (item.status === 'pending') return null;
  if (item.status === 'cancelled') return { ...base, loanId, outcome: 'item-cancelled', message: 'the item was cancelled with its batch: the answer changes nothing' };
  const was = `${item.status}${item.settled_on ? ` on ${item.settled_on}` : ''}`;
  if (sameAnswer(item, answer)) return { ...base, loanId, outcome: 'unchanged', message: `already ${was}: nothing changed` };
  return { ...base, loanId, outcome: 'contradicts-final-status', message: `the item is already ${was}; the answer ${answer.status}${answer.settledOn ? ` on ${answer.settledOn}` : ''} is not applied` };
}

function sameAnswer(item: DisbursementItemRow, answer: StatusAnswer): boolean {
  if (answer.status === 'liquidada') return item.status === 'liquidated' && item.settled_on === answer.settledOn;
  return item.status === 'returned';
}

async function applyAnswer(tx: Executor, batch: DisbursementBatchRow, lineNo: number, answer: StatusAnswer, source: string, ctx: DisbursementContext): Promise<LineResult> {
  const base = { line: lineNo, trackingKey: answer.trackingKey };
  const item = await tx.selectFrom('disbursement_items').selectAll().where('batch_id', '=', batch.id).where('tracking_key', '=', answer.trackingKey).forUpdate().executeTakeFirst();
  const settled = settledOutcome(item, lineNo, answer);
  if (settled || !item) return settled!;
  const loanId = item.loan_id;
  const loan = await tx.selectFrom('loans').select(['id', 'status', 'terms', 'product_version_id']).where('id', '=', loanId).forNoKeyUpdate().executeTakeFirstOrThrow();
  if (loan.status !== 'pending') return { ...base, loanId, outcome: 'refused', message: `the loan is ${loan.status}: the item stays pending for someone to look at` };
  const audit = (entityType: string, entityId: string, action: string, before: unknown, after: unknown, details: Record<string, unknown>) =>
    appendAudit(tx, { actor: ctx.actor, action, entityType, entityId, before, after, details, requestId: ctx.requestId ?? null, at: ctx.at });

  if (answer.status === 'liquidada') {
    if (answer.settledOn > ctx.today) return { ...base, loanId, outcome: 'invalid', message: `the settlement date ${answer.settledOn} is after today (${ctx.today})` };
    const terms = loan.terms as unknown as LoanTerms;
    if (answer.settledOn !== terms.disbursementDate) {
      const moved = redatedTerms(terms, answer.settledOn);
      // The re-dated terms must still make a schedule (the engine's checks, the CAT bound).
      withEngineInput(() => generateSchedule(parseLoanTerms(moved)), { prefix: 'terms', message: 'the loan’s terms cannot be re-dated to the settlement date' });
      await tx.updateTable('loans').set({ terms: JSON.stringify(moved), updated_at: ctx.at, updated_by: ctx.actor }).where('id', '=', loanId).execute();
      await audit('loan', loanId, 're-date', { disbursementDate: terms.disbursementDate, firstDueDate: terms.firstDueDate ?? null }, { disbursementDate: moved.disbursementDate, firstDueDate: moved.firstDueDate ?? null }, {
        reason: 'disbursement settled on another day than the terms said', trackingKey: item.tracking_key, batchId: batch.id, shiftDays: daysBetween(terms.disbursementDate, answer.settledOn),
      });
    }
    const request = disbursementRequest({ reference: item.tracking_key }, `disbursement-item:${item.id}`);
    const result = await appendLoanEventInTransaction(tx, loanId, request, ctx);
    if (result.status !== 201) throw new Error(`the disbursement of loan ${loanId} answered ${result.status}`);
    await tx.updateTable('disbursement_items').set({ status: 'liquidated', settled_on: answer.settledOn, settlement_time: answer.settlementTime, answered_at: ctx.at, answered_by: ctx.actor }).where('id', '=', item.id).execute();
    await audit('disbursement-batch', batch.id, 'item-liquidated', { item: item.seq, status: 'pending' }, { item: item.seq, status: 'liquidated', settledOn: answer.settledOn }, { loanId, trackingKey: item.tracking_key, amount: item.amount, source });
    return { ...base, loanId, outcome: 'liquidated', message: `disbursed on ${answer.settledOn}${answer.settledOn !== terms.disbursementDate ? ` (terms re-dated from ${terms.disbursementDate})` : ''}` };
  }

  const closedOn = answer.settledOn ?? ctx.today;
  await tx.updateTable('loans').set({ status: 'cancelled', closed_on: closedOn, updated_at: ctx.at, updated_by: ctx.actor }).where('id', '=', loanId).execute();
  await audit('loan', loanId, 'cancel', { status: 'pending' }, { status: 'cancelled', closedOn }, { reason: answer.returnReason, trackingKey: item.tracking_key, batchId: batch.id });
  await tx.updateTable('disbursement_items').set({ status: 'returned', return_reason: answer.returnReason, settled_on: null, settlement_time: answer.settlementTime, answered_at: ctx.at, answered_by: ctx.actor }).where('id', '=', item.id).execute();
  await audit('disbursement-batch', batch.id, 'item-returned', { item: item.seq, status: 'pending' }, { item: item.seq, status: 'returned', returnReason: answer.returnReason }, { loanId, trackingKey: item.tracking_key, amount: item.amount, source });
  return { ...base, loanId, outcome: 'returned', message: `returned (${answer.returnReason}): the loan is cancelled` };
}

/** Closes a sent batch whose items are all final; true when it is (or was already) closed. */
async function closeIfFinal(db: Kysely<Database>, batchId: string, ctx: DisbursementContext): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await findBatch(tx, batchId, true);
    if (row.status === 'closed') return true;
    const pending = await tx.selectFrom('disbursement_items').select('id').where('batch_id', '=', batchId).where('status', '=', 'pending').limit(1).executeTakeFirst();
    if (pending) return false;
    await tx.updateTable('disbursement_batches').set({ status: 'closed', closed_at: ctx.at }).where('id', '=', batchId).execute();
    const counts = await tx.selectFrom('disbursement_items').select(['status', tx.fn.countAll<string>().as('n')]).where('batch_id', '=', batchId).groupBy('status').execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'close', entityType: 'disbursement-batch', entityId: batchId, before: { status: row.status }, after: { status: 'closed' },
      details: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])), requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return true;
  });
}
