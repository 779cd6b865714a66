// The books check `plazo eod` ends with: the ledger holds, for the loan subledger accounts, exactly
// what the loans' stored books say (Σ of every loan's position by account = the account's
// balance in the journal), every loan's position sums to zero (it is a set of balanced entries),
// and an open loan's principal on the books is the engine's outstanding principal of its last
// close (loan_summaries). A loan not yet converted from the cash-basis ledger (`state.posted`,
// no `books`) counts with what the journal holds for it. Reads only: three queries, each one pass
// over the loans or the journal lines.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { bare } from '../db/pg-arrays.ts';
import { Dec, LOAN_ACCOUNTS } from '@plazo/engine';

export interface LedgerDifference {
  readonly account: string;
  /** Σ of the loans' stored positions. */
  readonly books: string;
  /** The account's balance in the journal (debit positive). */
  readonly ledger: string;
}

export interface LoanDifference {
  readonly loanId: string;
  /** An account code, `1100+1300` for the principal on the books, or `Σ` for the position's sum. */
  readonly account: string;
  readonly books: string;
  /** What the loan's state says (the engine's outstanding principal; 0 for the sum). */
  readonly state: string;
}

export interface BooksCheck {
  readonly ok: boolean;
  /** Loans with books (converted or booked since). */
  readonly loans: number;
  /** Per subledger account: Σ stored positions and the journal's balance. */
  readonly accounts: readonly LedgerDifference[];
  readonly ledgerDifferences: readonly LedgerDifference[];
  /** At most `limit` loans. */
  readonly loanDifferences: readonly LoanDifference[];
}


/** Runs the check; `limit` caps the loans reported. */
export async function checkBooks(db: Executor, limit = 100): Promise<BooksCheck> {
  const accounts = [...LOAN_ACCOUNTS];
  const totals = await sql<{ account: string; books: string; ledger: string; loans: number }>`
    with stored as (
      select p.key as account, sum(p.value::numeric) as amount, count(distinct l.id)::int as loans
      from loans l cross join lateral jsonb_each_text(case when jsonb_typeof(l.state->'books') = 'object' then l.state->'books'->'position' else '{}'::jsonb end) p
      group by p.key
      union all
      select jl.account_code, sum(jl.debit - jl.credit), 0
      from loans l join journal_entries e on e.loan_id = l.id join journal_lines jl on jl.entry_id = e.id
      where l.state ? 'posted' and not (l.state ? 'books')
      group by jl.account_code
    ), books as (
      select account, sum(amount) as amount from stored group by account
    ), ledger as (
      select account_code as account, sum(debit - credit) as amount from journal_lines group by account_code
    )
    select a.code as account, coalesce(b.amount, 0)::text as books, coalesce(g.amount, 0)::text as ledger,
      (select count(*)::int from loans where jsonb_typeof(state->'books') = 'object') as loans
    from unnest(${bare(accounts)}::text[]) as a(code)
    left join books b on b.account = a.code left join ledger g on g.account = a.code
    order by a.code
  `.execute(db);
  const rows = totals.rows.map((r) => ({ account: r.account, books: r.books, ledger: r.ledger }));
  const ledgerDifferences = rows.filter((r) => !new Dec(r.books).eq(r.ledger));

  const unbalanced = await sql<{ id: string; total: string }>`
    select l.id, s.total::text as total
    from loans l cross join lateral (select coalesce(sum(value::numeric), 0) as total from jsonb_each_text(l.state->'books'->'position')) s
    where jsonb_typeof(l.state->'books') = 'object' and s.total <> 0
    order by l.id limit ${limit}
  `.execute(db);
  // An open loan closed through the date its books are at: principal on the books = the engine's outstanding principal.
  const principal = await sql<{ id: string; books: string; state: string }>`
    select l.id, (coalesce((l.state->'books'->'position'->>'1100')::numeric, 0) + coalesce((l.state->'books'->'position'->>'1300')::numeric, 0))::text as books,
           s.principal_outstanding::text as state
    from loans l join loan_checkpoints c on c.loan_id = l.id join loan_summaries s on s.loan_id = l.id
    where l.status = 'active' and s.status = 'active' and jsonb_typeof(l.state->'books') = 'object' and l.state->'books'->>'date' = c.closed_on::text
      and coalesce((l.state->'books'->'position'->>'1100')::numeric, 0) + coalesce((l.state->'books'->'position'->>'1300')::numeric, 0) <> s.principal_outstanding
    order by l.id limit ${limit}
  `.execute(db);
  const loanDifferences: LoanDifference[] = [
    ...unbalanced.rows.map((r) => ({ loanId: r.id, account: 'Σ', books: r.total, state: '0' })),
    ...principal.rows.map((r) => ({ loanId: r.id, account: '1100+1300', books: r.books, state: r.state })),
  ].slice(0, limit);
  return {
    ok: ledgerDifferences.length === 0 && loanDifferences.length === 0,
    loans: totals.rows[0]?.loans ?? 0,
    accounts: rows,
    ledgerDifferences,
    loanDifferences,
  };
}
