// Data access for listing loans: filters (on the loan, and on its last end-of-day summary: days
// past due and collection stage) and keyset pagination on the time-ordered id.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { LoanRow, LoanStatus } from '../db/tables/loans.table.ts';

export interface LoanListFilter {
  readonly product?: string | undefined;
  readonly status?: LoanStatus | undefined;
  /** The collection stage on the last end of day (loans never closed have none). */
  readonly stage?: string | undefined;
  /** Days past due on the last end of day, inclusive bounds. */
  readonly dpdMin?: number | undefined;
  readonly dpdMax?: number | undefined;
  readonly externalRef?: string | undefined;
  /** The loan's payment reference or CLABE (issue 16: unique indexes, an index lookup). */
  readonly paymentReference?: string | undefined;
  readonly clabe?: string | undefined;
  readonly clientId?: string | undefined;
  /** The books stage (`state.books.stage`): cartera vigente or vencida. */
  readonly booksStage?: 'vigente' | 'vencida' | undefined;
  /** Opening date, inclusive bounds. */
  readonly openedFrom?: string | undefined;
  readonly openedTo?: string | undefined;
}

/** What the last end of day said about the loan (`loan_servicing`), or null before its first close. */
export interface LoanServicingSummary {
  readonly asOf: string;
  readonly daysPastDue: number;
  readonly stage: string | null;
  readonly totalOutstanding: string;
  readonly overdueTotal: string;
}

export type LoanListRow = LoanRow & { code: string; version: number; servicing: LoanServicingSummary | null };

export async function listLoans(
  db: Executor,
  options: LoanListFilter & { after?: string | undefined; limit: number },
): Promise<{ loans: LoanListRow[]; nextAfter: string | null }> {
  let query = db
    .selectFrom('loans')
    .innerJoin('product_versions', 'product_versions.id', 'loans.product_version_id')
    .innerJoin('products', 'products.id', 'product_versions.product_id')
    .leftJoin('loan_servicing as s', 's.loan_id', 'loans.id')
    .selectAll('loans')
    .select([
      'products.code as code',
      'product_versions.version as version',
      's.as_of as s_as_of',
      's.days_past_due as s_dpd',
      's.stage as s_stage',
      's.total_outstanding as s_total',
      's.overdue_total as s_overdue',
    ])
    .orderBy('loans.id')
    .limit(options.limit + 1);
  if (options.product !== undefined) query = query.where('loans.product_code', '=', options.product);
  if (options.status !== undefined) query = query.where('loans.status', '=', options.status);
  if (options.stage !== undefined) query = query.where('s.stage', '=', options.stage);
  if (options.dpdMin !== undefined) query = query.where('s.days_past_due', '>=', options.dpdMin);
  if (options.dpdMax !== undefined) query = query.where('s.days_past_due', '<=', options.dpdMax);
  if (options.externalRef !== undefined) query = query.where('loans.external_ref', '=', options.externalRef);
  if (options.paymentReference !== undefined) query = query.where('loans.payment_reference', '=', options.paymentReference);
  if (options.clabe !== undefined) query = query.where('loans.clabe', '=', options.clabe);
  if (options.clientId !== undefined) query = query.where('loans.client_id', '=', options.clientId);
  if (options.booksStage !== undefined) query = query.where(sql<string>`loans.state -> 'books' ->> 'stage'`, '=', options.booksStage);
  if (options.openedFrom !== undefined) query = query.where('loans.opened_on', '>=', options.openedFrom);
  if (options.openedTo !== undefined) query = query.where('loans.opened_on', '<=', options.openedTo);
  if (options.after !== undefined) query = query.where('loans.id', '>', options.after);
  const rows = await query.execute();
  const loans = rows.slice(0, options.limit).map(({ s_as_of, s_dpd, s_stage, s_total, s_overdue, ...loan }) => ({
    ...loan,
    servicing:
      s_as_of === null || s_dpd === null
        ? null
        : { asOf: String(s_as_of), daysPastDue: s_dpd, stage: s_stage, totalOutstanding: String(s_total), overdueTotal: String(s_overdue) },
  }));
  return { loans, nextAfter: rows.length > options.limit ? loans.at(-1)!.id : null };
}
