// Reads of the ledger: the chart of accounts, balances by account for a date range (sums in
// NUMERIC, exact), and journal entries with their lines in date order.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { JournalSource } from '../db/tables/journal-entries.table.ts';

export async function listAccounts(db: Executor) {
  return db.selectFrom('ledger_accounts').select(['code', 'name', 'type', 'normal_balance']).orderBy('code').execute();
}

export interface TrialBalanceRow {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly normal_balance: 'debit' | 'credit';
  readonly opening: string;
  readonly debits: string;
  readonly credits: string;
  readonly closing: string;
}

/**
 * Per account: the balance before `from` (debit-positive), the debits and credits dated from
 * `from` to `to` inclusive, and the balance at the end of `to`. Every account, moved or not.
 */
export async function trialBalance(db: Executor, from: string, to: string): Promise<TrialBalanceRow[]> {
  const result = await sql<TrialBalanceRow>`
    select a.code, a.name, a.type, a.normal_balance,
      coalesce(sum(l.debit - l.credit) filter (where e.entry_date < ${from}::date), 0)::text as opening,
      coalesce(sum(l.debit) filter (where e.entry_date between ${from}::date and ${to}::date), 0)::text as debits,
      coalesce(sum(l.credit) filter (where e.entry_date between ${from}::date and ${to}::date), 0)::text as credits,
      coalesce(sum(l.debit - l.credit) filter (where e.entry_date <= ${to}::date), 0)::text as closing
    from ledger_accounts a
    left join journal_lines l on l.account_code = a.code
    left join journal_entries e on e.id = l.entry_id and e.entry_date <= ${to}::date
    group by a.code, a.name, a.type, a.normal_balance
    order by a.code
  `.execute(db);
  return result.rows;
}

/** Totals of a range: all debits and all credits (equal when the ledger balances). */
export async function rangeTotals(db: Executor, from: string, to: string): Promise<{ debits: string; credits: string }> {
  const result = await sql<{ debits: string; credits: string }>`
    select coalesce(sum(l.debit), 0)::text as debits, coalesce(sum(l.credit), 0)::text as credits
    from journal_lines l join journal_entries e on e.id = l.entry_id
    where e.entry_date between ${from}::date and ${to}::date
  `.execute(db);
  return result.rows[0] ?? { debits: '0', credits: '0' };
}

export interface JournalRow {
  readonly id: string;
  readonly entry_date: string;
  readonly description: string;
  readonly currency: string;
  readonly loan_id: string | null;
  readonly loan_event_seq: number | null;
  readonly source: JournalSource;
  readonly economic_date: string | null;
  readonly created_at: string;
  readonly created_by: string;
  readonly lines: { line_no: number; account_code: string; debit: string; credit: string }[];
}

/**
 * Entries dated from `from` to `to` — of one loan (`loanId`), with a line on one account
 * (`account`: the whole entry), of one source — by date then id, after the keyset cursor, at most `limit`.
 */
export async function journalPage(
  db: Executor,
  options: {
    from: string;
    to: string;
    after?: { date: string; id: string } | undefined;
    limit: number;
    loanId?: string | undefined;
    account?: string | undefined;
    source?: JournalSource | undefined;
  },
): Promise<JournalRow[]> {
  let query = db
    .selectFrom('journal_entries')
    .selectAll()
    .where('entry_date', '>=', options.from)
    .where('entry_date', '<=', options.to)
    .orderBy('entry_date')
    .orderBy('id')
    .limit(options.limit);
  if (options.loanId !== undefined) query = query.where('loan_id', '=', options.loanId);
  if (options.source !== undefined) query = query.where('source', '=', options.source);
  if (options.account !== undefined) {
    const account = options.account;
    query = query.where((eb) => eb.exists(eb.selectFrom('journal_lines as l').select('l.line_no').whereRef('l.entry_id', '=', 'journal_entries.id').where('l.account_code', '=', account)));
  }
  if (options.after) {
    const { date, id } = options.after;
    query = query.where((eb) => eb.or([eb('entry_date', '>', date), eb.and([eb('entry_date', '=', date), eb('id', '>', id)])]));
  }
  const entries = await query.execute();
  if (entries.length === 0) return [];
  const lines = await db
    .selectFrom('journal_lines')
    .select(['entry_id', 'line_no', 'account_code', 'debit', 'credit'])
    .where('entry_id', 'in', entries.map((e) => e.id))
    .orderBy('entry_id')
    .orderBy('line_no')
    .execute();
  const byEntry = new Map<string, JournalRow['lines']>();
  for (const l of lines) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({ line_no: l.line_no, account_code: l.account_code, debit: l.debit, credit: l.credit });
    byEntry.set(l.entry_id, list);
  }
  return entries.map((e) => ({ ...e, lines: byEntry.get(e.id) ?? [] }));
}
