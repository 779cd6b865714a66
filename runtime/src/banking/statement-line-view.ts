// A statement line as the API shows it, with its open amount (what is still in 2210 for an
// exception) and the payments it became.
import { Dec } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import type { BankStatementLineRow } from '../db/tables/bank.table.ts';
import { NotFoundError } from '../errors.ts';

export interface LineApplication {
  loanId: string;
  paymentId: string;
  amount: string;
  reversedAt: string | null;
}

/**
 * What of an exception line 2210 holds: its `exception_amount` (the import and the queue keep it),
 * or, for a line written without one, the line's amount less its live applications.
 */
export function openAmountOf(line: Pick<BankStatementLineRow, 'amount' | 'exception_amount'>, applications: readonly LineApplication[]): string {
  if (line.exception_amount !== null) return new Dec(line.exception_amount).toFixed(2);
  const applied = applications.filter((a) => a.reversedAt === null).reduce((sum, a) => sum.plus(a.amount), new Dec(0));
  return new Dec(line.amount).minus(applied).toFixed(2);
}

export async function lineApplications(db: Executor, lineId: string): Promise<LineApplication[]> {
  const rows = await db
    .selectFrom('bank_line_applications')
    .select(['loan_id', 'payment_id', 'amount', 'reversed_at', 'created_at'])
    .where('line_id', '=', lineId)
    .orderBy('created_at')
    .orderBy('payment_id')
    .execute();
  return rows.map((r) => ({ loanId: r.loan_id, paymentId: r.payment_id, amount: new Dec(r.amount).toFixed(2), reversedAt: r.reversed_at === null ? null : new Date(r.reversed_at).toISOString() }));
}

export function lineJson(line: BankStatementLineRow, applications: LineApplication[]) {
  return {
    id: line.id,
    statementId: line.statement_id,
    bankAccountId: line.bank_account_id,
    lineNo: line.line_no,
    trackingKey: line.tracking_key,
    valueDate: line.value_date,
    direction: line.direction,
    amount: new Dec(line.amount).toFixed(2),
    openAmount: line.status === 'exception' ? openAmountOf(line, applications) : '0.00',
    exceptionReason: line.exception_reason,
    currency: line.currency,
    reference: line.reference,
    beneficiaryClabe: line.beneficiary_clabe,
    payerAccount: line.payer_account,
    payerName: line.payer_name,
    description: line.description,
    returnOf: line.return_of,
    status: line.status,
    resolution: line.resolution,
    resolutionNote: line.resolution_note,
    resolvedAt: line.resolved_at === null ? null : new Date(line.resolved_at).toISOString(),
    resolvedBy: line.resolved_by,
    applications,
  };
}

export type LineJson = ReturnType<typeof lineJson>;

/** One line with its applications; 404 when absent. */
export async function getLine(db: Executor, lineId: string): Promise<LineJson> {
  const line = await db.selectFrom('bank_statement_lines').selectAll().where('id', '=', lineId).executeTakeFirst();
  if (!line) throw new NotFoundError('statement line', lineId);
  return lineJson(line, await lineApplications(db, lineId));
}
