// The unapplied-funds (suspense) postings of bank money (issue 16): account 2210 «Depósitos no
// identificados» holds what came into the bank without a loan to apply it to. Four moves, each
// one balanced journal entry linked to its statement line (`bank_line_entries`):
//   hold     Dr bank / Cr 2210   a credit line left as an exception
//   release  Dr 2210 / Cr bank   beside the loan payment it became (the payment debits the bank
//                                again), or when the bank returned the credit: bank counted once
//   refund   Dr 2210 / Cr bank   the money goes back to the payer
//   not-ours Dr 2210 / Cr 2900   another creditor's money, owed to them
// Dated on the line's value date (hold, release) or today (refund, not ours), moved to the first
// open day when that date is inside a closed period (ledger/posting-date.ts).
import type { Executor } from '../db/database.ts';
import type { BankLineEntryKind } from '../db/tables/bank.table.ts';
import { uuidv7 } from '../ids.ts';
import { firstOpenDay, postingDates } from '../ledger/posting-date.ts';
import type { WriteContext } from '../products/product-catalog.ts';

/** The suspense account: bank money not yet applied. */
export const SUSPENSE_ACCOUNT = '2210';
/** Sundry creditors: money that came to us but is another's. */
export const OTHER_CREDITORS_ACCOUNT = '2900';

export type SuspenseMove = Extract<BankLineEntryKind, 'hold' | 'release' | 'refund' | 'not-ours'>;

const SIDES: Readonly<Record<SuspenseMove, { debit: 'bank' | string; credit: 'bank' | string }>> = {
  hold: { debit: 'bank', credit: SUSPENSE_ACCOUNT },
  release: { debit: SUSPENSE_ACCOUNT, credit: 'bank' },
  refund: { debit: SUSPENSE_ACCOUNT, credit: 'bank' },
  'not-ours': { debit: SUSPENSE_ACCOUNT, credit: OTHER_CREDITORS_ACCOUNT },
};

export interface SuspensePosting {
  readonly lineId: string;
  /** Positive, 2 places. */
  readonly amount: string;
  /** The economic date. */
  readonly date: string;
  readonly currency: string;
  /** The bank account's ledger account (`bank_accounts.ledger_account`). */
  readonly bankLedgerAccount: string;
  readonly note?: string | undefined;
}

/** A row written, for the audit entry's binding (`bindRows`). */
export type WrittenRow = readonly [table: string, row: Readonly<Record<string, unknown>>];

/** Posts one suspense move for a line in the caller's transaction; returns the entry's id and the rows written, for the audit's binding. */
export async function postSuspense(tx: Executor, move: SuspenseMove, posting: SuspensePosting, ctx: WriteContext) {
  const sides = SIDES[move];
  const account = (side: string) => (side === 'bank' ? posting.bankLedgerAccount : side);
  const dates = postingDates(posting.date, await firstOpenDay(tx));
  const entry = {
    id: uuidv7(),
    entry_date: dates.entryDate,
    economic_date: dates.economicDate,
    description: `bank line ${posting.lineId} ${move}${posting.note ? `: ${posting.note.slice(0, 200)}` : ''}`,
    currency: posting.currency,
    loan_id: null,
    loan_event_seq: null,
    created_at: ctx.at,
    created_by: ctx.actor,
  };
  const stamp = { entry_id: entry.id, created_at: ctx.at, created_by: ctx.actor };
  const lines = [
    { ...stamp, line_no: 1, account_code: account(sides.debit), debit: posting.amount, credit: '0' },
    { ...stamp, line_no: 2, account_code: account(sides.credit), debit: '0', credit: posting.amount },
  ];
  await tx.insertInto('journal_entries').values(entry).execute();
  await tx.insertInto('journal_lines').values(lines as never).execute();
  await tx.insertInto('bank_line_entries').values({ line_id: posting.lineId, entry_id: entry.id, kind: move }).execute();
  const rows: WrittenRow[] = [['journal_entries', entry], ...lines.map((l) => ['journal_lines', l] as const)];
  return { entryId: entry.id, rows };
}

/** Holds a credit line's money in 2210 (Dr bank / Cr 2210) and points the line at the entry. */
export async function holdInSuspense(tx: Executor, posting: SuspensePosting, ctx: WriteContext) {
  const held = await postSuspense(tx, 'hold', posting, ctx);
  await tx.updateTable('bank_statement_lines').set({ suspense_entry_id: held.entryId }).where('id', '=', posting.lineId).execute();
  return held;
}
