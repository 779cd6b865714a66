// The daily bank reconciliation (issue 16): on a date, the bank's balance (what its statements
// say) against the books' (the bank account's ledger account in the journal up to the date), and
// the items that explain the difference:
//   bank not in books   the balance the first imported statement opened with, and lines nobody
//                       booked (status `other`: a bank fee, a transfer out no one recorded)
//   books not in bank   journal entries on the account that no statement line accounts for (a
//                       payment typed by hand, a disbursement not yet on a statement, a refund
//                       the bank has not paid yet, the funding of the account)
// unexplained = (bank − books) − bank-not-in-books + books-not-in-bank: 0.00 when every movement
// is accounted for. Pending exceptions are listed beside: their money is in the bank and in the
// books (held in 2210), so they explain the suspense balance, not a difference on the bank.
// A line is booked by the entries linked to it: its hold (`suspense_entry_id`), the payments it
// became (`bank_line_applications`), and the entries the queue wrote for it (`bank_line_entries`:
// holds, releases, payments, reversals — not refunds, which the bank has yet to show as a debit).
// The books side reads the ledger account as a whole: one ledger account per bank account.
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { SUSPENSE_ACCOUNT } from './suspense.ts';

export const RECONCILIATION_DAYS_MAX = 92;
/** Items listed per kind: the newest (the totals and counts cover them all). */
const ITEMS_MAX = 1000;

export type BankBalanceSource = 'closing-balance' | 'opening-plus-lines' | 'lines';

export interface ReconciliationItem {
  readonly kind: 'opening-balance' | 'unbooked-line' | 'unmatched-entry' | 'pending-exception';
  readonly date: string;
  /** Signed as it moves the bank account: + in, − out. */
  readonly amount: string;
  readonly description: string;
  readonly lineId?: string;
  readonly trackingKey?: string;
  readonly entryId?: string;
  readonly source?: string;
  readonly loanId?: string | null;
}

const money = (v: string | Dec) => new Dec(v).toFixed(2);

async function account(db: Executor, bankAccountId: string) {
  const row = await db.selectFrom('bank_accounts').selectAll().where('id', '=', bankAccountId).executeTakeFirst();
  if (!row) throw new NotFoundError('bank account', bankAccountId);
  return row;
}

/** Signed line amount, leaving out direct-debit rejections (they moved no money). */
const signedLine = sql<string>`case when l.direction = 'credit' then l.amount else -l.amount end`;
const movedMoney = sql`(l.outcome is distinct from 'rejected')`;

/** The bank's balance at the end of `date`, from the statements imported for the account. */
export async function bankBalance(db: Executor, bankAccountId: string, date: string): Promise<{ balance: string; source: BankBalanceSource; statementId: string | null }> {
  const statement = await db
    .selectFrom('bank_statements')
    .select(['id', 'period_from', 'period_to', 'opening_balance', 'closing_balance'])
    .where('bank_account_id', '=', bankAccountId)
    .where('status', '=', 'imported')
    .where('period_from', 'is not', null)
    .where('period_from', '<=', date)
    .orderBy('period_from', 'desc')
    .orderBy('imported_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (statement && statement.closing_balance !== null && statement.period_to !== null && statement.period_to <= date) {
    return { balance: money(statement.closing_balance), source: 'closing-balance', statementId: statement.id };
  }
  if (statement && statement.opening_balance !== null) {
    const { rows } = await sql<{ total: string }>`
      select coalesce(sum(${signedLine}), 0)::text as total from bank_statement_lines l
      where l.statement_id = ${statement.id} and l.value_date <= ${date} and ${movedMoney}
    `.execute(db);
    return { balance: money(new Dec(statement.opening_balance).plus(rows[0]!.total)), source: 'opening-plus-lines', statementId: statement.id };
  }
  const { rows } = await sql<{ total: string }>`
    select coalesce(sum(${signedLine}), 0)::text as total from bank_statement_lines l
    where l.bank_account_id = ${bankAccountId} and l.value_date <= ${date} and ${movedMoney}
  `.execute(db);
  const opening = await firstOpening(db, bankAccountId, date);
  return { balance: money(new Dec(rows[0]!.total).plus(opening?.amount ?? 0)), source: 'lines', statementId: null };
}

/** The balance the account's first imported statement opened with: the bank's money before any line we have. */
async function firstOpening(db: Executor, bankAccountId: string, date: string) {
  const first = await db
    .selectFrom('bank_statements')
    .select(['id', 'period_from', 'opening_balance'])
    .where('bank_account_id', '=', bankAccountId)
    .where('status', '=', 'imported')
    .where('period_from', 'is not', null)
    .where('period_from', '<=', date)
    .orderBy('period_from')
    .orderBy('imported_at')
    .limit(1)
    .executeTakeFirst();
  return first && first.opening_balance !== null ? { amount: first.opening_balance, date: first.period_from!, statementId: first.id } : null;
}

/** The journal entries that book the account's statement lines. */
function linkedEntries(bankAccountId: string) {
  return sql`(
    select e.entry_id from bank_line_entries e join bank_statement_lines l on l.id = e.line_id
      where l.bank_account_id = ${bankAccountId} and e.kind in ('hold', 'release', 'payment', 'reversal')
    union select l.suspense_entry_id from bank_statement_lines l where l.bank_account_id = ${bankAccountId} and l.suspense_entry_id is not null
    union select j.id from bank_line_applications a
      join bank_statement_lines l on l.id = a.line_id and l.bank_account_id = ${bankAccountId}
      join loan_events v on v.loan_id = a.loan_id and v.type = 'payment' and v.payload->>'id' = a.payment_id
      join journal_entries j on j.loan_id = v.loan_id and j.loan_event_seq = v.seq
  )`;
}

async function ledgerBalance(db: Executor, code: string, date: string, sign: 1 | -1): Promise<string> {
  const { rows } = await sql<{ total: string }>`
    select coalesce(sum(jl.debit - jl.credit), 0)::text as total from journal_lines jl join journal_entries j on j.id = jl.entry_id
    where jl.account_code = ${code} and j.entry_date <= ${date}
  `.execute(db);
  return money(new Dec(rows[0]!.total).times(sign));
}

async function unbookedLines(db: Executor, bankAccountId: string, date: string) {
  const { rows } = await sql<{ id: string; value_date: string; tracking_key: string; amount: string; description: string | null; payer_name: string | null }>`
    select l.id, l.value_date::text as value_date, l.tracking_key, (${signedLine})::text as amount, l.description, l.payer_name
    from bank_statement_lines l
    where l.bank_account_id = ${bankAccountId} and l.value_date <= ${date} and l.status = 'other' and ${movedMoney}
    order by l.value_date, l.id
  `.execute(db);
  return rows;
}

async function unmatchedEntries(db: Executor, bankAccountId: string, ledger: string, date: string) {
  const { rows } = await sql<{ id: string; entry_date: string; description: string; source: string; loan_id: string | null; amount: string }>`
    select j.id, j.entry_date::text as entry_date, j.description, j.source, j.loan_id, sum(jl.debit - jl.credit)::text as amount
    from journal_lines jl join journal_entries j on j.id = jl.entry_id
    where jl.account_code = ${ledger} and j.entry_date <= ${date} and j.id not in ${linkedEntries(bankAccountId)}
    group by j.id, j.entry_date, j.description, j.source, j.loan_id
    having sum(jl.debit - jl.credit) <> 0
    order by j.entry_date, j.id
  `.execute(db);
  return rows;
}

async function pendingExceptions(db: Executor, bankAccountId: string, date: string) {
  const { rows } = await sql<{ id: string; value_date: string; tracking_key: string; open: string; reference: string | null; payer_name: string | null }>`
    select l.id, l.value_date::text as value_date, l.tracking_key, l.reference, l.payer_name,
      coalesce(l.exception_amount, l.amount - coalesce((select sum(a.amount) from bank_line_applications a where a.line_id = l.id and a.reversed_at is null), 0))::text as open
    from bank_statement_lines l
    where l.bank_account_id = ${bankAccountId} and l.status = 'exception' and l.value_date <= ${date}
    order by l.value_date, l.id
  `.execute(db);
  return rows;
}

const sum = (xs: readonly { amount: string }[]) => xs.reduce((s, x) => s.plus(x.amount), new Dec(0));

/** The reconciliation of one bank account on one date, with its items. */
export async function reconciliation(db: Executor, bankAccountId: string, date: string) {
  const acc = await account(db, bankAccountId);
  const bank = await bankBalance(db, bankAccountId, date);
  const books = await ledgerBalance(db, acc.ledger_account, date, 1);
  const opening = await firstOpening(db, bankAccountId, date);
  const bankItems: ReconciliationItem[] = [
    ...(opening ? [{ kind: 'opening-balance' as const, date: opening.date, amount: money(opening.amount), description: 'opening balance of the first imported statement' }] : []),
    ...(await unbookedLines(db, bankAccountId, date)).map((l) => ({
      kind: 'unbooked-line' as const,
      date: l.value_date,
      amount: money(l.amount),
      description: l.description ?? l.payer_name ?? '',
      lineId: l.id,
      trackingKey: l.tracking_key,
    })),
  ];
  const bookItems: ReconciliationItem[] = (await unmatchedEntries(db, bankAccountId, acc.ledger_account, date)).map((e) => ({
    kind: 'unmatched-entry',
    date: e.entry_date,
    amount: money(e.amount),
    description: e.description,
    entryId: e.id,
    source: e.source,
    loanId: e.loan_id,
  }));
  const pending: ReconciliationItem[] = (await pendingExceptions(db, bankAccountId, date)).map((l) => ({
    kind: 'pending-exception',
    date: l.value_date,
    amount: money(l.open),
    description: [l.reference, l.payer_name].filter((x) => x).join(' · '),
    lineId: l.id,
    trackingKey: l.tracking_key,
  }));
  const difference = new Dec(bank.balance).minus(books);
  const bankTotal = sum(bankItems);
  const booksTotal = sum(bookItems);
  return {
    bankAccountId,
    ledgerAccount: acc.ledger_account,
    date,
    bank: { ...bank },
    books: { balance: books },
    difference: money(difference),
    bankNotInBooks: { total: money(bankTotal), count: bankItems.length, items: bankItems.slice(-ITEMS_MAX) },
    booksNotInBank: { total: money(booksTotal), count: bookItems.length, items: bookItems.slice(-ITEMS_MAX) },
    pendingExceptions: { total: money(sum(pending)), count: pending.length, suspenseBalance: await ledgerBalance(db, SUSPENSE_ACCOUNT, date, -1), items: pending.slice(-ITEMS_MAX) },
    unexplained: money(difference.minus(bankTotal).plus(booksTotal)),
  };
}

export type Reconciliation = Awaited<ReturnType<typeof reconciliation>>;

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/** One row per day from `from` to `to` (at most RECONCILIATION_DAYS_MAX days), for a dashboard. */
export async function reconciliationDays(db: Executor, bankAccountId: string, from: string, to: string) {
  if (from > to) throw new ValidationError([{ path: 'to', message: 'must not be before `from`' }]);
  const days = daysBetween(from, to);
  if (days.length > RECONCILIATION_DAYS_MAX) throw new ValidationError([{ path: 'to', message: `at most ${RECONCILIATION_DAYS_MAX} days from \`from\`` }]);
  const rows = [];
  for (const date of days) {
    const r = await reconciliation(db, bankAccountId, date);
    rows.push({
      date,
      bank: r.bank.balance,
      books: r.books.balance,
      difference: r.difference,
      bankNotInBooks: r.bankNotInBooks.total,
      booksNotInBank: r.booksNotInBank.total,
      pendingExceptions: r.pendingExceptions.total,
      pendingCount: r.pendingExceptions.count,
      unexplained: r.unexplained,
    });
  }
  return { bankAccountId, from, to, days: rows };
}
