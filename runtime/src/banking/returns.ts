// Returned payments (issue 16): a debit line that returns an earlier credit — the bank names it
// (`return_of`, the credit's tracking key) or an operator links it — undoes what the credit
// became: each loan payment made from it is reversed (servicing `reversalRequest`, dated the
// return's value date, key `bank-return:<returnLineId>:<paymentId>`; the application gets
// `reversed_at`), and whatever of it was still held in 2210 is released (Dr 2210 / Cr bank).
// The bank's debit and the books' credits then meet: the returned credit ends `resolved` /
// `reversed`, and so does the return line. Idempotent: processing a return again replays.
import { Dec } from '@plazo/engine';
import type { Kysely } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { appendLoanEventInTransaction, type LoanWriteContext } from '../servicing/loan-servicing.ts';
import { reversalRequest } from '../servicing/loan-event-requests.ts';
import { lockLine, runLineAction } from './line-actions.ts';
import { postSuspense, type WrittenRow } from './suspense.ts';

export interface ReturnInput {
  /** The credit line returned; default: the line the return line's `return_of` names (same bank account). */
  readonly originalLineId?: string | undefined;
  readonly reason: string;
}

/**
 * Processes the return line `returnLineId` in one transaction (the caller's `db` when it is one:
 * the import calls this for each line that arrives with `returnOf`). 404 when the credit is not
 * found, 422 when it is not a credit of the same account and amount, 409 `line-not-open` when the
 * return line was already processed against another credit or otherwise resolved.
 */
export function processReturn(db: Kysely<Database> | Executor, returnLineId: string, input: ReturnInput, idempotencyKey: string | undefined, ctx: LoanWriteContext) {
  const key = idempotencyKey ?? `return:${input.originalLineId ?? 'named'}`;
  return runLineAction(
    db,
    returnLineId,
    'return',
    input,
    key,
    ctx,
    async (tx, { line: ret }) => {
      if (ret.direction !== 'debit') throw new ValidationError([{ path: 'lineId', message: 'a return is a debit line (money out of the account)' }], 'not a return');
      const original = await originalOf(tx, ret.bank_account_id, input.originalLineId, ret.return_of);
      if (original.id === ret.id) throw new ValidationError([{ path: 'originalLineId', message: 'a line cannot return itself' }]);
      const locked = await lockLine(tx, original.id);
      const credit = locked.line;
      if (credit.direction !== 'credit') throw new ValidationError([{ path: 'originalLineId', message: 'the returned line must be a credit' }], 'not a credit');
      if (!new Dec(credit.amount).eq(ret.amount)) {
        throw new ValidationError([{ path: 'originalLineId', message: `the credit is ${new Dec(credit.amount).toFixed(2)}, the return ${new Dec(ret.amount).toFixed(2)}: a return gives back the whole credit` }], 'the amounts differ');
      }
      if (credit.resolution === 'reversed') throw new ConflictError('line-already-returned', 'the credit was already returned', { lineId: credit.id });
      if (!['applied', 'exception', 'resolved'].includes(credit.status) || credit.resolution === 'refunded' || credit.resolution === 'not-ours') {
        throw new ConflictError('line-not-returnable', `the credit is ${credit.status}${credit.resolution ? ` (${credit.resolution})` : ''}: its money already left or was never ours to apply`, {
          lineId: credit.id,
          status: credit.status,
          resolution: credit.resolution,
        });
      }
      const reversed: { loanId: string; paymentId: string; amount: string; journalEntryId: string | null }[] = [];
      for (const application of locked.applications.filter((a) => a.reversedAt === null)) {
        const request = { ...reversalRequest(application.paymentId, { date: ret.value_date, reason: input.reason }, `bank-return:${ret.id}:${application.paymentId}`), fieldPaths: { date: 'valueDate' } };
        let result;
        try {
          result = await appendLoanEventInTransaction(tx, application.loanId, request, ctx);
        } catch (error) {
          if (error instanceof AppError && error.status === 422) throw new AppError(422, error.code, `the payment to loan ${application.loanId} cannot be reversed on ${ret.value_date}: ${error.message}`, error.details);
          throw error;
        }
        const response = JSON.parse(result.text) as { journalEntryId: string | null };
        await tx.updateTable('bank_line_applications').set({ reversed_at: ctx.at }).where('line_id', '=', credit.id).where('payment_id', '=', application.paymentId).execute();
        if (response.journalEntryId !== null) await tx.insertInto('bank_line_entries').values({ line_id: ret.id, entry_id: response.journalEntryId, kind: 'reversal' }).execute();
        reversed.push({ ...application, journalEntryId: response.journalEntryId });
      }
      // What was still held (an exception, or the remainder of a partly applied one) leaves 2210.
      let released: string | null = null;
      const rows: WrittenRow[] = [];
      if (credit.status === 'exception' && new Dec(locked.open).gt(0)) {
        const posted = await postSuspense(tx, 'release', { lineId: ret.id, amount: locked.open, date: ret.value_date, currency: ret.currency, bankLedgerAccount: locked.account.ledger_account, note: `returned ${credit.tracking_key}` }, ctx);
        rows.push(...posted.rows);
        released = locked.open;
      }
      await tx
        .updateTable('bank_statement_lines')
        .set({ status: 'resolved', resolution: 'reversed', resolution_note: input.reason, resolved_at: ctx.at, resolved_by: ctx.actor, exception_amount: null })
        .where('id', '=', credit.id)
        .execute();
      return {
        details: { originalLineId: credit.id, originalTrackingKey: credit.tracking_key, reversed: reversed.map(({ loanId, paymentId, amount }) => ({ loanId, paymentId, amount })), released, reason: input.reason },
        status: 'resolved',
        resolution: 'reversed',
        note: input.reason,
        returnOf: credit.tracking_key,
        rows,
      };
    },
    (line) => line.status === 'other' || line.status === 'exception',
  );
}

async function originalOf(tx: Executor, bankAccountId: string, originalLineId: string | undefined, returnOf: string | null) {
  if (originalLineId !== undefined) {
    const row = await tx.selectFrom('bank_statement_lines').select(['id', 'bank_account_id']).where('id', '=', originalLineId).executeTakeFirst();
    if (!row) throw new NotFoundError('statement line', originalLineId);
    if (row.bank_account_id !== bankAccountId) throw new ValidationError([{ path: 'originalLineId', message: 'the credit is on another bank account' }]);
    return row;
  }
  if (returnOf === null) throw new ValidationError([{ path: 'originalLineId', message: 'required: the line does not name the credit it returns' }]);
  const row = await tx.selectFrom('bank_statement_lines').select(['id', 'bank_account_id']).where('bank_account_id', '=', bankAccountId).where('tracking_key', '=', returnOf).executeTakeFirst();
  if (!row) throw new NotFoundError('statement line with tracking key', returnOf);
  return row;
}

/**
 * For the import: processes a line that arrived with `returnOf`, inside the import's transaction
 * `tx` (idempotent: the same line processed again replays its first result).
 */
export function processReturnedLine(tx: Executor, returnLineId: string, ctx: LoanWriteContext) {
  return processReturn(tx, returnLineId, { reason: 'returned by the bank' }, 'import', ctx);
}
