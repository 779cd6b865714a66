// The exceptions queue's actions on a statement line (issue 16): apply to a loan, split across
// loans, refund to the payer, mark not ours — and the processing of a returned credit
// (returns.ts). Each action is one transaction that locks the line, records the loan payments
// (runtime/src/servicing), the suspense postings (suspense.ts), the line's new status, the
// action's row (its first response, replayed for the same Idempotency-Key) and an audit entry.
// A line that is no longer an open exception is 409 `line-not-open`: of two operators resolving
// the same line, the second waits for the first's lock and then gets the 409.
import { createHash } from 'node:crypto';
import { Dec } from '@plazo/engine';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Database, Executor } from '../db/database.ts';
import type { BankAccountsTable, BankLineResolution, BankLineStatus, BankStatementLineRow } from '../db/tables/bank.table.ts';
import type { Selectable } from 'kysely';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { appendLoanEventInTransaction, type LoanWriteContext } from '../servicing/loan-servicing.ts';
import { paymentRequest } from '../servicing/loan-event-requests.ts';
import { lineApplications, lineJson, openAmountOf, type LineApplication, type LineJson } from './statement-line-view.ts';
import { postSuspense, type SuspenseMove, type WrittenRow } from './suspense.ts';

export type LineAction = 'apply' | 'split' | 'refund' | 'not-ours' | 'return';

/** What an action's body did, for the response and the audit entry. */
export interface ActionOutcome {
  readonly details: Record<string, unknown>;
  readonly status?: BankLineStatus;
  readonly resolution?: BankLineResolution | null;
  readonly note?: string | null;
  readonly matchLoanId?: string;
  readonly returnOf?: string;
  /** What of the line 2210 still holds after the action, when the line stays an exception. */
  readonly held?: string;
  /** The journal rows it wrote, bound to its audit entry. */
  readonly rows?: readonly WrittenRow[];
}

export interface LockedLine {
  readonly line: BankStatementLineRow;
  readonly account: Selectable<BankAccountsTable>;
  readonly applications: readonly LineApplication[];
  /** What is still in 2210 for the line (0.00 unless it is an exception). */
  readonly open: string;
}

export interface ActionResult {
  readonly status: 200;
  readonly body: { line: LineJson; action: { id: string; kind: LineAction; details: Record<string, unknown> } };
  readonly replayed: boolean;
}

function fingerprint(action: LineAction, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ action, body }), 'utf8').digest('hex');
}

/** Locks the line (404 when absent) with its bank account and applications. */
export async function lockLine(tx: Executor, lineId: string): Promise<LockedLine> {
  const line = await tx.selectFrom('bank_statement_lines').selectAll().where('id', '=', lineId).forUpdate().executeTakeFirst();
  if (!line) throw new NotFoundError('statement line', lineId);
  const account = await tx.selectFrom('bank_accounts').selectAll().where('id', '=', line.bank_account_id).executeTakeFirstOrThrow();
  const applications = await lineApplications(tx, lineId);
  return { line, account, applications, open: line.status === 'exception' ? openAmountOf(line, applications) : '0.00' };
}

export function lineNotOpen(line: BankStatementLineRow): ConflictError {
  return new ConflictError('line-not-open', `the statement line is no longer an open exception (it is ${line.status}${line.resolution ? `, ${line.resolution}` : ''})`, {
    lineId: line.id,
    status: line.status,
    resolution: line.resolution,
    resolvedBy: line.resolved_by,
  });
}

/**
 * Runs one action on a line in one transaction: lock, replay by key, check it may act
 * (`admits`, default: an open exception), do it, store the line's status, the action and its audit.
 */
export async function runLineAction(
  db: Kysely<Database> | Executor,
  lineId: string,
  action: LineAction,
  body: unknown,
  idempotencyKey: string | undefined,
  ctx: LoanWriteContext,
  run: (tx: Executor, locked: LockedLine) => Promise<ActionOutcome>,
  admits: (line: BankStatementLineRow) => boolean = (line) => line.status === 'exception',
): Promise<ActionResult> {
  const hash = fingerprint(action, body);
  const work = async (tx: Executor): Promise<ActionResult> => {
    const locked = await lockLine(tx, lineId);
    if (idempotencyKey !== undefined) {
      const first = await tx.selectFrom('bank_line_actions').select(['request_hash', 'response']).where('line_id', '=', lineId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
      if (first) {
        if (first.request_hash !== hash) throw new ConflictError('idempotency-key-reused', 'this Idempotency-Key was used for a different action on this line', { idempotencyKey, lineId });
        return { status: 200, body: first.response as unknown as ActionResult['body'], replayed: true };
      }
    }
    if (!admits(locked.line)) throw lineNotOpen(locked.line);
    const outcome = await run(tx, locked);
    const resolved = outcome.status !== undefined && outcome.status !== locked.line.status;
    // What 2210 still holds for the line (null once it is no longer an exception).
    const stillHeld = (outcome.status ?? locked.line.status) === 'exception' ? outcome.held : null;
    const updated = await tx
      .updateTable('bank_statement_lines')
      .set({
        ...(outcome.status === undefined ? {} : { status: outcome.status }),
        ...(outcome.resolution === undefined ? {} : { resolution: outcome.resolution }),
        ...(outcome.note === undefined ? {} : { resolution_note: outcome.note }),
        ...(outcome.matchLoanId === undefined || locked.line.match_loan_id !== null ? {} : { match_loan_id: outcome.matchLoanId }),
        ...(outcome.returnOf === undefined ? {} : { return_of: outcome.returnOf, match_rule: 'return' as const }),
        ...(resolved ? { resolved_at: ctx.at, resolved_by: ctx.actor } : {}),
        ...(stillHeld === undefined ? {} : { exception_amount: stillHeld }),
      })
      .where('id', '=', lineId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const id = uuidv7();
    const responseBody = { line: lineJson(updated, await lineApplications(tx, lineId)), action: { id, kind: action, details: outcome.details } };
    await tx
      .insertInto('bank_line_actions')
      .values({ id, line_id: lineId, action, idempotency_key: idempotencyKey ?? null, request_hash: hash, response: JSON.stringify(responseBody), created_at: ctx.at, created_by: ctx.actor })
      .execute();
    await appendAudit(tx, {
      actor: ctx.actor,
      action: action === 'return' ? 'process-return' : action,
      entityType: 'bank-statement-line',
      entityId: lineId,
      before: { status: locked.line.status, resolution: locked.line.resolution, openAmount: locked.open },
      after: { status: updated.status, resolution: updated.resolution, openAmount: responseBody.line.openAmount },
      details: { actionId: id, ...(outcome.details as Record<string, never>) },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
      ...(outcome.rows && outcome.rows.length > 0 ? { bound: bindRows(outcome.rows) } : {}),
    });
    return { status: 200, body: responseBody, replayed: false };
  };
  return 'isTransaction' in db && db.isTransaction ? work(db) : (db as Kysely<Database>).transaction().execute(work);
}

const money = (v: Dec | string) => new Dec(v).toFixed(2);

/** One part of an apply or split: the loan and the most of `amount` it takes. */
interface Part {
  readonly loanId: string;
  readonly amount: string;
  /** The body path its problems are reported at (`amount`, `parts[1].amount`). */
  readonly path: string;
}

/**
 * Pays each part to its loan (a payment dated the line's value date, key `bank-line:<lineId>:<n>`)
 * and releases what it took from 2210 in the same transaction. A loan that cannot take the whole
 * part (over its payoff) takes its maximum; the rest stays in the exception.
 */
async function payParts(tx: Executor, locked: LockedLine, parts: readonly Part[], ctx: LoanWriteContext) {
  const { line, account } = locked;
  let n = locked.applications.length;
  const paid: { loanId: string; requested: string; applied: string; paymentId: string; journalEntryId: string | null }[] = [];
  const rows: WrittenRow[] = [];
  for (const part of parts) {
    let amount = part.amount;
    let result;
    for (;;) {
      const request = {
        ...paymentRequest({ amount, date: line.value_date, ...(line.reference ? { reference: line.reference } : {}), method: 'transfer' }, `bank-line:${line.id}:${n + 1}`),
        fieldPaths: { amount: part.path, date: 'valueDate' },
      };
      try {
        result = await appendLoanEventInTransaction(tx, part.loanId, request, ctx);
        break;
      } catch (error) {
        // The loan takes less than the part: pay what it takes, the rest stays held.
        const maximum = error instanceof AppError && error.code === 'payment-exceeds-payoff' ? ((error.details as { maximum?: string }[])[0]?.maximum ?? null) : null;
        if (maximum === null || !new Dec(maximum).lt(amount)) throw error;
        if (!new Dec(maximum).gt(0)) throw new AppError(422, 'loan-takes-nothing', 'the loan owes nothing on the line’s date', [{ path: part.path, message: 'the loan takes nothing more' }]);
        amount = money(new Dec(maximum).toDecimalPlaces(2, Dec.ROUND_DOWN));
      }
    }
    n++;
    const response = JSON.parse(result.text) as { event: { payload: { id: string } }; journalEntryId: string | null };
    const paymentId = response.event.payload.id;
    await tx.insertInto('bank_line_applications').values({ line_id: line.id, loan_id: part.loanId, payment_id: paymentId, amount, reversed_at: null, created_at: ctx.at, created_by: ctx.actor }).execute();
    if (response.journalEntryId !== null) await tx.insertInto('bank_line_entries').values({ line_id: line.id, entry_id: response.journalEntryId, kind: 'payment' }).execute();
    const released = await postSuspense(tx, 'release', { lineId: line.id, amount, date: line.value_date, currency: line.currency, bankLedgerAccount: account.ledger_account }, ctx);
    rows.push(...released.rows);
    paid.push({ loanId: part.loanId, requested: part.amount, applied: amount, paymentId, journalEntryId: response.journalEntryId });
  }
  const applied = paid.reduce((s, p) => s.plus(p.applied), new Dec(0));
  const remainder = new Dec(locked.open).minus(applied);
  return { paid, applied: money(applied), remainder: money(remainder), rows };
}

function exceedsOpen(path: string, open: string): ValidationError {
  return new ValidationError([{ path, message: `must not exceed what is open on the line (${open})` }], 'the amounts exceed the line');
}

/** Apply an exception line (or what the body names of it) to one loan. */
export function applyLine(db: Kysely<Database>, lineId: string, body: { loanId: string; amount?: string | undefined; note?: string | undefined }, key: string | undefined, ctx: LoanWriteContext) {
  return runLineAction(db, lineId, 'apply', body, key, ctx, async (tx, locked) => {
    const amount = body.amount === undefined ? locked.open : money(body.amount);
    if (new Dec(amount).gt(locked.open)) throw exceedsOpen('amount', locked.open);
    const { paid, applied, remainder, rows } = await payParts(tx, locked, [{ loanId: body.loanId, amount, path: 'amount' }], ctx);
    const done = new Dec(remainder).isZero();
    return {
      details: { loanId: body.loanId, requested: amount, applied, remainder, paymentId: paid[0]!.paymentId },
      held: remainder,
      ...(done ? { status: 'resolved' as const, resolution: 'applied' as const } : {}),
      note: body.note ?? null,
      matchLoanId: body.loanId,
      rows,
    };
  });
}

/** Split an exception line across loans; the parts may not exceed the line, the rest stays open. */
export function splitLine(db: Kysely<Database>, lineId: string, body: { parts: readonly { loanId: string; amount: string }[]; note?: string | undefined }, key: string | undefined, ctx: LoanWriteContext) {
  return runLineAction(db, lineId, 'split', body, key, ctx, async (tx, locked) => {
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    let sum = new Dec(0);
    body.parts.forEach((p, i) => {
      sum = sum.plus(p.amount);
      if (sum.gt(locked.open)) problems.push({ path: `parts[${i}].amount`, message: `the parts add up to ${money(sum)}, more than what is open on the line (${locked.open})` });
      const first = seen.get(p.loanId);
      if (first !== undefined) problems.push({ path: `parts[${i}].loanId`, message: `the same loan as parts[${first}]: one part per loan` });
      else seen.set(p.loanId, i);
    });
    if (problems.length > 0) throw new ValidationError(problems, 'the split does not fit the line');
    const parts = body.parts.map((p, i) => ({ loanId: p.loanId, amount: money(p.amount), path: `parts[${i}].amount` }));
    const { paid, applied, remainder, rows } = await payParts(tx, locked, parts, ctx);
    const done = new Dec(remainder).isZero();
    return {
      details: { parts: paid.map(({ loanId, requested, applied, paymentId }) => ({ loanId, requested, applied, paymentId })), applied, remainder },
      held: remainder,
      ...(done ? { status: 'resolved' as const, resolution: 'split' as const } : {}),
      note: body.note ?? null,
      rows,
    };
  });
}

/** Releases all that is open on the line by one suspense move and resolves it. */
function disposeLine(move: Extract<SuspenseMove, 'refund' | 'not-ours'>) {
  return (db: Kysely<Database>, lineId: string, body: { reason: string; reference?: string | undefined }, key: string | undefined, ctx: LoanWriteContext) =>
    runLineAction(db, lineId, move, body, key, ctx, async (tx, { line, account, open }) => {
      const posted = await postSuspense(tx, move, { lineId, amount: open, date: ctx.today, currency: line.currency, bankLedgerAccount: account.ledger_account, note: body.reason }, ctx);
      const note = body.reference ? `${body.reason} (ref. ${body.reference})` : body.reason;
      return {
        details: { amount: open, reason: body.reason, ...(body.reference ? { reference: body.reference } : {}), journalEntryId: posted.entryId },
        status: 'resolved',
        resolution: move === 'refund' ? 'refunded' : 'not-ours',
        note,
        rows: posted.rows,
      };
    });
}

/** The money goes back to the payer: Dr 2210 / Cr bank. */
export const refundLine = disposeLine('refund');
/** Another creditor's money: Dr 2210 / Cr 2900. */
export const markLineNotOurs = disposeLine('not-ours');
