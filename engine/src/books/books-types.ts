// The contract of a loan's regulatory books (issue 15, /work/wt/BOOKS.md): the loan's position in
// every account it touches, computed from its engine state, and the small memory of the facts that
// depend on its path (stage, what it had earned at the transfer to vencida, the reserve set on the
// last reserve date).
import type { DecimalString, IsoDate } from '../ir/product-ir.ts';

/** A loan's stage in the regulatory books: cartera vigente (performing) or vencida (non-performing). */
export type BookStage = 'vigente' | 'vencida';

/** What a loan's reserve is computed from, on a reserve date (the books compute it). */
export interface ReserveFacts {
  readonly daysPastDue: number;
  readonly stage: BookStage;
  readonly restructured: boolean;
  /** Outstanding principal on the books. */
  readonly principal: string;
  /** Ordinary interest earned unpaid on the books (1110 or 1310). */
  readonly accruedInterest: string;
  /** principal + accruedInterest (EAD). */
  readonly exposure: string;
}

/** How the institution keeps IVA: owed when collected (default) or when earned (LIVA art. 17, 18-A). */
export type IvaBasis = 'collection' | 'accrual';

export interface BooksContext {
  /** The currency scale: the loan terms' decimals. */
  readonly decimals: number;
  readonly ivaOn: IvaBasis;
  /** Days past due that move a loan to vencida, by payment pattern (DOMAIN.md); default 30 / 90. */
  readonly vencidaDays?: { readonly single: number; readonly periodic: number };
  /**
   * The loan's reserve on this date when it is a reserve date (a month end): called with the facts
   * of the day, returns a decimal string (e.g. reserveOf with the product's `reserves` policy).
   * Absent or null: not a reserve date, the last reserve is kept.
   */
  readonly reserve?: ((facts: ReserveFacts) => DecimalString) | null;
}

/** The non-principal components, whose earned and paid figures the books follow. */
export const BOOKS_COMPONENTS = ['interest', 'interestIva', 'fees', 'feesIva', 'lateFees', 'lateFeesIva', 'moratorium', 'moratoriumIva'] as const;
export type BooksComponent = (typeof BOOKS_COMPONENTS)[number];

/** Path-dependent facts carried from one day's books to the next. Plain JSON, small. */
export interface BooksMemory {
  /**
   * From the loan terms, set on the first books: opening fees (deducted, upfront and financed,
   * without IVA), the IVA on those withheld or paid at signing, the cash paid out net of what was
   * collected at signing, and the days from disbursement to the last due date (amortisation).
   */
  readonly opening: { readonly fees: DecimalString; readonly iva: DecimalString; readonly cash: DecimalString; readonly days: number };
  /** While vencida: the date of the transfer and what had been earned then, by component (lowered when a restructure capitalises it). */
  readonly transfer?: { readonly date: IsoDate; readonly earned: Readonly<Record<BooksComponent, DecimalString>> };
  /** Installments of the last restructure's schedule to pay on time before a cure (the loan was restructured while vencida). */
  readonly sustained?: number;
  /** Restructures taken into account. */
  readonly restructures: number;
  /** The reserve set on the last reserve date (the 100% of interest unpaid at the transfer comes on top). */
  readonly reserve: DecimalString;
  /** Once written off: what the loan had received by the books of its write-off (later receipts are recoveries, 4400). */
  readonly writtenOff?: { readonly paid: DecimalString };
}

/** One loan's books on a date. */
export interface LoanBooks {
  readonly date: IsoDate;
  readonly stage: BookStage;
  readonly daysPastDue: number;
  /** Account code → signed balance (debit positive) at the currency scale, zero accounts omitted, codes in order; sums to 0. */
  readonly position: Readonly<Record<string, DecimalString>>;
  /** 1110 + 1310: ordinary interest earned unpaid on the books. */
  readonly accruedInterest: DecimalString;
  /** −2400: opening fees not yet amortised. */
  readonly deferredFees: DecimalString;
  /** −1190: the loan's allowance. */
  readonly reserve: DecimalString;
  /** 7100: interest, penalties and their IVA a vencida loan earned off the books, unpaid. */
  readonly memorandum: DecimalString;
  readonly memory: BooksMemory;
}

/** One line of a journal entry: an account and an amount on one side, as decimal strings at the currency scale. */
export interface JournalLine {
  readonly account: string;
  readonly debit: DecimalString;
  readonly credit: DecimalString;
}
