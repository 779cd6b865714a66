// Reading imported statements and their lines (bank:read): the list, one statement, and its lines
// by status a page at a time, each line with the payments it became.
import type { Executor } from '../db/database.ts';
import type { BankLineStatus } from '../db/tables/bank.table.ts';
import { NotFoundError } from '../errors.ts';
import { statementView, type StatementView } from './statement-import.ts';

export async function listStatements(db: Executor, filter: { bankAccountId?: string | undefined; limit: number; before?: string | undefined }): Promise<{ statements: StatementView[]; nextBefore: string | null }> {
  let q = db.selectFrom('bank_statements').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.bankAccountId) q = q.where('bank_account_id', '=', filter.bankAccountId);
  if (filter.before) q = q.where('id', '<', filter.before);
  const rows = await q.execute();
  const page = rows.slice(0, filter.limit).map((r) => statementView(r as unknown as Record<string, unknown>));
  return { statements: page, nextBefore: rows.length > filter.limit ? page.at(-1)!.id : null };
}

export async function getStatement(db: Executor, id: string): Promise<StatementView> {
  const row = await db.selectFrom('bank_statements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('bank statement', id);
  return statementView(row as unknown as Record<string, unknown>);
}

const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export async function statementLines(db: Executor, statementId: string, filter: { status?: BankLineStatus | undefined; afterLine?: number | undefined; limit: number }) {
  await getStatement(db, statementId);
  let q = db.selectFrom('bank_statement_lines').selectAll().where('statement_id', '=', statementId).orderBy('line_no').limit(filter.limit + 1);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.afterLine !== undefined) q = q.where('line_no', '>', filter.afterLine);
  const rows = await q.execute();
  const page = rows.slice(0, filter.limit);
  const apps = page.length === 0 ? [] : await db.selectFrom('bank_line_applications').select(['line_id', 'loan_id', 'payment_id', 'amount', 'reversed_at']).where('line_id', 'in', page.map((r) => r.id)).execute();
  const lines = page.map((r) => ({
    id: r.id, lineNo: r.line_no, trackingKey: r.tracking_key, valueDate: date(r.value_date)!, bookingDate: date(r.booking_date), direction: r.direction, amount: r.amount, currency: r.currency,
    reference: r.reference, beneficiaryClabe: r.beneficiary_clabe, payerAccount: r.payer_account, payerName: r.payer_name, description: r.description, returnOf: r.return_of,
    outcome: r.outcome, rejectReason: r.reject_reason, status: r.status, matchLoanId: r.match_loan_id, matchRule: r.match_rule, matchScore: r.match_score,
    matchDetails: r.match_details ?? null, exceptionReason: r.exception_reason, exceptionAmount: r.exception_amount, suspenseEntryId: r.suspense_entry_id,
    resolution: r.resolution,
    applications: apps.filter((a) => a.line_id === r.id).map((a) => ({ loanId: a.loan_id, paymentId: a.payment_id, amount: a.amount, reversed: a.reversed_at !== null })),
  }));
  return { lines, nextAfterLine: rows.length > filter.limit ? page.at(-1)!.line_no : null };
}
