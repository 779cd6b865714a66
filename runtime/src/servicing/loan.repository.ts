// Data access for listing loans: filters and keyset pagination on the time-ordered id.
import type { Executor } from '../db/database.ts';
import type { LoanRow, LoanStatus } from '../db/tables/loans.table.ts';

export async function listLoans(
  db: Executor,
  options: { product?: string | undefined; status?: LoanStatus | undefined; after?: string | undefined; limit: number },
): Promise<{ loans: (LoanRow & { code: string; version: number })[]; nextAfter: string | null }> {
  let query = db
    .selectFrom('loans')
    .innerJoin('product_versions', 'product_versions.id', 'loans.product_version_id')
    .innerJoin('products', 'products.id', 'product_versions.product_id')
    .selectAll('loans')
    .select(['products.code as code', 'product_versions.version as version'])
    .orderBy('loans.id')
    .limit(options.limit + 1);
  if (options.product !== undefined) query = query.where('loans.product_code', '=', options.product);
  if (options.status !== undefined) query = query.where('loans.status', '=', options.status);
  if (options.after !== undefined) query = query.where('loans.id', '>', options.after);
  const rows = await query.execute();
  const loans = rows.slice(0, options.limit);
  return { loans, nextAfter: rows.length > options.limit ? loans.at(-1)!.id : null };
}
