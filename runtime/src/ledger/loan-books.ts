// A loan's accrual books as the runtime keeps them. The engine computes them (engine/src/books:
// `booksOn` — the loan's position in every account for its state, and the memory of its stage —
// and `booksEntry`, the journal lines between two positions); the runtime stores them in
// `loans.state.books` and posts, for every change of state (an event, a day close, a month-end
// reserve), the difference between the stored position and the new one. So the journal holds, for
// each loan subledger account, exactly Σ of the loans' stored positions (ledger/books-check.ts).
//
// A loan booked by the cash-basis ledger before migration 2026-12-10-20-books has `state.posted`
// and no `books`: what the journal holds for it is the sum of its journal lines (every entry of the
// cash-basis ledger named its loan; `legacyPositions`). Its first posting takes that as the
// position before, and as its books those it would have had with accrual books from its
// disbursement (the engine's day-by-day `booksTimeline`, reserves at each month end): the entry is
// exactly the catch-up to accrual, and every cent the journal held stays accounted for.
import {
  booksEntry,
  booksOn,
  booksTimeline,
  Dec,
  productReserve as policyReserve,
  type BooksContext,
  type BooksFacts,
  type JournalLine,
  type LoanBooks,
  type LoanEvent,
  type LoanTerms,
  type ProductIR,
  type ReserveFacts,
} from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { bare } from '../db/pg-arrays.ts';
import type { BooksSettings } from './books-settings.ts';

export type { JournalLine, LoanBooks };

/** A position: account code → signed balance (debit positive), zero accounts omitted. */
export type Position = Readonly<Record<string, string>>;

export const NO_POSITION: Position = Object.freeze({});

/** What `loans.state` holds about the books: `books` (null: nothing booked), or, before the conversion, `posted`. */
export interface StoredBooksState {
  readonly books?: LoanBooks | null;
  /** The cash-basis ledger's position (loans booked before migration 2026-12-10-20-books). */
  readonly posted?: { readonly principal: string; readonly credit: string };
}

/** Whether a loan's books are still the cash-basis ledger's (converted by its next posting). */
export function isLegacy(state: StoredBooksState): boolean {
  return state.books === undefined;
}

/** The engine's books context for the institution's settings; `reserve` on a reserve date (a month end). */
export function booksContext(settings: BooksSettings, terms: LoanTerms, reserve: ((facts: ReserveFacts) => string) | null = null): BooksContext {
  return {
    decimals: terms.decimals,
    ivaOn: settings.ivaOn,
    ...(settings.vencidaDays === null ? {} : { vencidaDays: settings.vencidaDays }),
    reserve,
  };
}

/** The reserve function of a product's `reserves` policy (the engine's productReserve; none: every loan reserves 0), for a month-end close. */
export function productReserve(ir: ProductIR, terms: LoanTerms): (facts: ReserveFacts) => string {
  const zero = new Dec(0).toFixed(terms.decimals);
  return policyReserve(ir, terms.decimals) ?? (() => zero);
}

export interface BooksPosting {
  /** The books to store. */
  readonly books: LoanBooks;
  /** The journal lines from the stored position to the new one (none when nothing moved). */
  readonly lines: readonly JournalLine[];
}

/** A loan of the cash-basis ledger at its conversion: what the journal holds for it, and its books from its whole history. */
export interface LegacyConversion {
  readonly position: Position;
  readonly books: LoanBooks;
}

/** A day close's move of one loan's books: the books to store and the position they replace (the chunk sums the differences). */
export interface BooksMove {
  readonly books: LoanBooks;
  readonly before: Position;
}

/** As postBooks, without the lines: what a day close needs of each loan (its chunk posts the sum). */
export function moveBooks(facts: BooksFacts, stored: LoanBooks | null, legacy: LegacyConversion | null, ctx: BooksContext, terms: LoanTerms): BooksMove {
  if (legacy !== null) return { books: legacy.books, before: legacy.position };
  return { books: booksOn(facts, stored, ctx, terms), before: stored?.position ?? NO_POSITION };
}

/**
 * The books of `facts` and the lines that post them, from the loan's stored books (null: nothing
 * booked yet) — or, for a loan of the cash-basis ledger, from what the journal holds for it to its
 * books from history (`legacy`).
 */
export function postBooks(facts: BooksFacts, stored: LoanBooks | null, legacy: LegacyConversion | null, ctx: BooksContext, terms: LoanTerms): BooksPosting {
  if (legacy !== null) return { books: legacy.books, lines: booksEntry(legacy.position, legacy.books.position, terms.decimals) };
  const books = booksOn(facts, stored, ctx, terms);
  return { books, lines: booksEntry(stored?.position ?? NO_POSITION, books.position, terms.decimals) };
}

/**
 * The books a loan would have on `date` had accrual books been kept from its disbursement: the
 * engine's day-by-day books of its `events` (reserves on each month end under the product's
 * policy). A conversion's books, and the test's reference for the stored ones.
 */
export function booksFromHistory(ir: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], date: string, settings: BooksSettings): LoanBooks {
  const timeline = booksTimeline(ir, terms, events, date, {
    ivaOn: settings.ivaOn,
    ...(settings.vencidaDays === null ? {} : { vencidaDays: settings.vencidaDays }),
    reserve: productReserve(ir, terms),
  });
  return timeline.days.at(-1)!.books;
}

/** What the journal holds for each of `loanIds` (loans of the cash-basis ledger): the sum of its lines by account. */
export async function legacyPositions(db: Executor, loanIds: readonly string[]): Promise<Map<string, Position>> {
  const out = new Map<string, Record<string, string>>(loanIds.map((id) => [id, {}]));
  if (loanIds.length === 0) return out;
  const rows = await sql<{ loan_id: string; account: string; amount: string }>`
    select e.loan_id, l.account_code as account, sum(l.debit - l.credit)::text as amount
    from journal_entries e join journal_lines l on l.entry_id = e.id
    where e.loan_id = any(${bare(loanIds)}::uuid[])
    group by e.loan_id, l.account_code
    having sum(l.debit - l.credit) <> 0
  `.execute(db);
  for (const r of rows.rows) out.get(r.loan_id)![r.account] = r.amount;
  return out;
}

/** The books as the loan resource shows them (null: nothing booked, or not converted yet). */
export function booksView(state: StoredBooksState) {
  const b = state.books;
  if (!b) return null;
  return { date: b.date, stage: b.stage, daysPastDue: b.daysPastDue, accruedInterest: b.accruedInterest, deferredFees: b.deferredFees, reserve: b.reserve, memorandum: b.memorandum };
}

/** Principal on the books (1100 + 1300) and the client's credit balance (−2200) at `decimals` places, from the stored books or the cash-basis position. */
export function principalAndCredit(state: StoredBooksState, decimals: number): { principal: string; credit: string } {
  if (state.books === undefined) return { principal: state.posted?.principal ?? '0', credit: state.posted?.credit ?? '0' };
  const p = state.books?.position ?? NO_POSITION;
  const units = (s: string | undefined) => (s === undefined ? 0n : unitsOf(s, decimals));
  return { principal: formatUnits(units(p['1100']) + units(p['1300']), decimals), credit: formatUnits(-units(p['2200']), decimals) };
}

const POW10: readonly bigint[] = Array.from({ length: 19 }, (_, i) => 10n ** BigInt(i));

/** A decimal string as an integer count of 10^-scale units (exact; the string has at most `scale` places). */
export function unitsOf(s: string, scale: number): bigint {
  // The common case (the day close sums every account of every loan): one BigInt of the digits.
  const dot = s.indexOf('.');
  const places = dot < 0 ? 0 : s.length - dot - 1;
  if (places <= scale && scale < POW10.length) return (dot < 0 ? BigInt(s) : BigInt(s.slice(0, dot) + s.slice(dot + 1))) * POW10[scale - places]!;
  const negative = s.startsWith('-');
  const [i, f = ''] = (negative ? s.slice(1) : s).split('.');
  const v = BigInt(i! + f.padEnd(scale, '0'));
  return negative ? -v : v;
}

/** The decimal string of `units` × 10^-scale. */
export function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
