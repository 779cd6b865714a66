// A loan's regulatory books on a date as a function of its engine state (and the small memory of
// its path): the signed balance it contributes to every account, cash, income and expense
// included, summing to zero. A journal entry is the difference of two positions (books-entry.ts).
import { InvalidInputError } from '../errors.ts';
import { toDayNumber } from '../calendar/iso-date.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import type { BooksFacts } from '../servicing/loan-state.ts';
import { formatMoney, parseMoney, roundDiv } from '../servicing/money.ts';
import { ACCOUNT, BOOKS_ACCOUNTS, isIvaComponent, receivableAccount, recognitionAccount } from './accounts.ts';
import { BOOKS_COMPONENTS, type BookStage, type BooksComponent, type BooksContext, type BooksMemory, type LoanBooks, type ReserveFacts } from './books-types.ts';
import { amortised, openingFacts } from './opening-fees.ts';
import { stageStep } from './stage.ts';

/** The position of a loan does not sum to zero: its state contradicts itself (e.g. a checkpoint written before restructures were kept). */
export class UnbalancedBooksError extends Error {
  constructor(date: string, residual: string) {
    super(`the books of ${date} do not balance: residual ${residual} (refold the loan from its events)`);
    this.name = 'UnbalancedBooksError';
  }
}

const N = BOOKS_COMPONENTS.length;
const INTEREST = BOOKS_COMPONENTS.indexOf('interest');
/** Every code a position may hold, highest first (Position.toRecord). */
const DESCENDING_ACCOUNTS: readonly string[] = [...BOOKS_ACCOUNTS].reverse();

class Position {
  readonly balances = new Map<string, bigint>();
  add(account: string, amount: bigint): void {
    if (amount !== 0n) this.balances.set(account, (this.balances.get(account) ?? 0n) + amount);
  }
  get(account: string): bigint {
    return this.balances.get(account) ?? 0n;
  }
  /** The record: codes in order, zero balances left out; throws when it does not sum to zero. */
  toRecord(date: string, d: number): Readonly<Record<string, string>> {
    let sum = 0n;
    const out: Record<string, string> = {};
    // Account codes are integer-like keys, which objects list in ascending order whatever the order
    // of insertion; inserted from the highest, V8 keeps them in a dictionary at once instead of
    // growing an array up to the highest code (several times slower). The chart's codes are walked
    // in that order (no sort per loan); a code outside it (none today) sorts the lot.
    let seen = 0;
    for (const account of DESCENDING_ACCOUNTS) {
      const v = this.balances.get(account);
      if (v === undefined) continue;
      seen++;
      sum += v;
      if (v !== 0n) out[account] = formatMoney(v, d);
    }
    if (seen !== this.balances.size) {
      sum = 0n;
      for (const account of [...this.balances.keys()].sort().reverse()) {
        const v = this.balances.get(account)!;
        sum += v;
        if (v !== 0n) out[account] = formatMoney(v, d);
      }
    }
    if (sum !== 0n) throw new UnbalancedBooksError(date, formatMoney(sum, d));
    return Object.freeze(out);
  }
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * What the restructures' capitalised amounts have been recognised of, by component, and what is
 * still deferred (2300). Each restructure's pool (what it capitalised plus what earlier ones left
 * deferred) is recognised in the proportion of its principal collected: up to the next
 * restructure (which carried over the outstanding principal then) or, for the last one, to
 * `outstanding` — all of it once the principal is paid.
 */
function capitalisedRecognition(facts: BooksFacts, outstanding: bigint, d: number, mode: LoanTerms['rounding']): { recognised: bigint[]; deferred: bigint } {
  const recognised = new Array<bigint>(N).fill(0n);
  const pool = new Array<bigint>(N).fill(0n);
  const list = facts.restructures;
  for (let k = 0; k < list.length; k++) {
    const r = list[k]!;
    const principal = parseMoney(r.principal, d);
    const left = k + 1 < list.length ? parseMoney(list[k + 1]!.capitalised.principal, d) : outstanding;
    const collected = principal <= 0n ? 0n : min(principal, max(0n, principal - left));
    for (let c = 0; c < N; c++) {
      pool[c] = pool[c]! + parseMoney(r.capitalised[BOOKS_COMPONENTS[c]!], d);
      const part = principal <= 0n ? pool[c]! : roundDiv(pool[c]! * collected, principal, mode);
      recognised[c] = recognised[c]! + part;
      pool[c] = pool[c]! - part;
    }
  }
  let deferred = 0n;
  for (let c = 0; c < N; c++) deferred += pool[c]!;
  return { recognised, deferred };
}

/** The reserve `ctx.reserve` returned, at the currency scale. */
function reserveAmount(text: unknown, d: number): bigint {
  try {
    if (typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text)) return parseMoney(text, d);
  } catch {
    // more decimals than the scale: reported below
  }
  throw new InvalidInputError([{ path: 'ctx.reserve', message: `must return a decimal string with at most ${d} decimals, got ${JSON.stringify(text)}` }]);
}

function initialMemory(terms: LoanTerms): BooksMemory {
  return { opening: openingFacts(terms), restructures: 0, reserve: formatMoney(0n, terms.decimals) };
}

/** A written-off loan after its write-off books: only cash, the credit balance and recoveries (4400) move. */
function recoveries(state: BooksFacts, previous: LoanBooks, d: number): LoanBooks {
  const memory = previous.memory;
  const position = new Position();
  for (const [account, v] of Object.entries(previous.position)) {
    if (account !== ACCOUNT.cash && account !== ACCOUNT.unapplied && account !== ACCOUNT.recoveries) position.add(account, parseMoney(v, d));
  }
  const credit = parseMoney(state.creditBalance, d);
  const paid = parseMoney(state.paid.total, d);
  const consumed = state.restructures.reduce((sum, r) => sum + parseMoney(r.creditApplied, d), 0n);
  position.add(ACCOUNT.cash, paid + credit + consumed - parseMoney(memory.opening.cash, d));
  position.add(ACCOUNT.unapplied, -credit);
  position.add(ACCOUNT.recoveries, -(paid - parseMoney(memory.writtenOff!.paid, d)));
  return Object.freeze({ ...previous, date: state.asOf, daysPastDue: state.daysPastDue, position: position.toRecord(state.asOf, d) });
}

/**
 * The loan's books on `state.asOf`, from its state (loanState's, or closeDay's `booksFacts`), its
 * books before (null: its first books, e.g. at disbursement) and the institution's context:
 *
 * - Stage (stage.ts): vencida at 30 / 90 days past due by payment pattern; cured when nothing is
 *   overdue (after a restructure while vencida: 3 on-time installments, 1 for periods > 60 days);
 *   a paid-off loan is vigente.
 * - Per component (interest, fees, late fees, moratorium and their IVA), with E earned (the
 *   state's), P paid and E_T what was earned at the transfer to vencida (E while vigente):
 *   recognised = max(E_T, min(P, E)) (income, or IVA trasladado on the accrual basis); receivable
 *   = max(0, E_T − P) (1110/1310, 1120, 1130/1330, 1140); collected in advance (2410) = max(0,
 *   P − E); the rest E − recognised is memorandum (7100/7900). IVA on the collection basis: 1140 =
 *   2105 = max(0, E_T − P), 2101–2104 = P.
 * - Principal 1100 or 1300; credit balance 2200; cash 1000 = received − paid out.
 * - Restructures: what they capitalised is deferred (2300) and recognised as their principal is
 *   collected, in proportion.
 * - Opening fees: 2400 deferred, amortised into 4150 by days to the last due date (rounded
 *   cumulative); the IVA collected at signing is 2102.
 * - Reserve (1190 / 5200): `ctx.reserve(facts)` on a reserve date, else the last one; plus 100% of
 *   the interest unpaid at the transfer while vencida (the 1310 balance); never above principal +
 *   receivables on the books; 0 once paid off.
 * - Write-off: principal and receivables (with their IVA on the accrual basis; on the collection
 *   basis 1140 reverses against 2105) net of what is deferred in 2300 are charged to the reserve,
 *   the rest to 5100; the unused reserve is released; deferred fees are recognised; memorandum
 *   clears. Afterwards money received is 4400.
 *
 * Throws InvalidInputError when `ctx.decimals` is not the terms' scale, UnbalancedBooksError when
 * the state contradicts itself.
 */
export function booksOn(state: BooksFacts, previous: LoanBooks | null, ctx: BooksContext, terms: LoanTerms): LoanBooks {
  const d = terms.decimals;
  if (ctx.decimals !== d) throw new InvalidInputError([{ path: 'ctx.decimals', message: `must be the loan's currency scale ${d}, got ${ctx.decimals}` }]);
  const memory0 = previous?.memory ?? initialMemory(terms);
  if (state.status === 'written-off' && memory0.writtenOff !== undefined && previous !== null) return recoveries(state, previous, d);
  const mode = terms.rounding;
  const date = state.asOf;
  const writingOff = state.status === 'written-off';

  const earned = new Array<bigint>(N);
  const paid = new Array<bigint>(N);
  for (let c = 0; c < N; c++) {
    const k = BOOKS_COMPONENTS[c]!;
    earned[c] = parseMoney(state.earned[k], d);
    paid[c] = parseMoney(state.paid[k], d);
  }
  const outstanding = parseMoney(state.outstanding.principal, d);
  const credit = parseMoney(state.creditBalance, d);
  const consumed = state.restructures.reduce((sum, r) => sum + parseMoney(r.creditApplied, d), 0n);

  const step = stageStep(previous?.stage ?? 'vigente', memory0.sustained, memory0.restructures, state, ctx);
  const stage: BookStage = step.stage;
  // What had been earned at the transfer: never above what is earned now (a restructure capitalises it).
  const atTransfer = new Array<bigint>(N);
  for (let c = 0; c < N; c++) {
    const kept = stage === 'vencida' && !step.transferred && memory0.transfer !== undefined ? parseMoney(memory0.transfer.earned[BOOKS_COMPONENTS[c]!], d) : earned[c]!;
    atTransfer[c] = min(kept, earned[c]!);
  }

  const { recognised: fromCapitalised, deferred } = capitalisedRecognition(state, outstanding, d, mode);
  const position = new Position();
  position.add(ACCOUNT.cash, parseMoney(state.paid.total, d) + credit + consumed - parseMoney(memory0.opening.cash, d));
  position.add(ACCOUNT.unapplied, -credit);
  let memorandum = 0n;
  let receivables = 0n; // base components on the books
  let ivaOnBooks = 0n; // IVA receivable on the accrual basis
  let interestOnBooks = 0n;
  for (let c = 0; c < N; c++) {
    const k: BooksComponent = BOOKS_COMPONENTS[c]!;
    const e = earned[c]!;
    const p = paid[c]!;
    const et = atTransfer[c]!;
    const onBooks = max(0n, et - p);
    const account = recognitionAccount(k);
    if (isIvaComponent(k) && ctx.ivaOn === 'collection') {
      if (!writingOff) {
        position.add(ACCOUNT.ivaReceivable, onBooks);
        position.add(ACCOUNT.ivaNotCollected, -onBooks);
        memorandum += max(0n, e - p) - onBooks;
      }
      position.add(account, -(p + fromCapitalised[c]!));
      continue;
    }
    if (writingOff) {
      // Income is final: what was collected, and what was earned and not collected as the write-off charges it.
      position.add(account, -(max(et, p) + fromCapitalised[c]!));
    } else {
      const recognised = max(et, min(p, e));
      position.add(receivableAccount(k, stage), onBooks);
      position.add(ACCOUNT.collectedInAdvance, -max(0n, p - e));
      position.add(account, -(recognised + fromCapitalised[c]!));
      memorandum += e - recognised;
    }
    if (isIvaComponent(k)) ivaOnBooks += onBooks;
    else receivables += onBooks;
    if (c === INTEREST) interestOnBooks = onBooks;
  }

  const fees = parseMoney(memory0.opening.fees, d);
  const elapsed = toDayNumber(date) - toDayNumber(terms.disbursementDate);
  const recognisedFees = state.status === 'active' ? amortised(fees, elapsed, memory0.opening.days, mode) : fees;
  position.add(ACCOUNT.deferredFees, -(fees - recognisedFees));
  position.add(ACCOUNT.openingFeeIncome, -recognisedFees);
  position.add(ACCOUNT.ivaFees, -parseMoney(memory0.opening.iva, d));

  // The reserve: set on reserve dates, plus the interest unpaid at the transfer while vencida.
  let reserveBase = parseMoney(memory0.reserve, d);
  if (state.status === 'paid-off') reserveBase = 0n;
  else if (!writingOff && ctx.reserve) {
    const facts: ReserveFacts = {
      daysPastDue: state.daysPastDue,
      stage,
      restructured: state.restructures.length > 0,
      principal: formatMoney(outstanding, d),
      accruedInterest: formatMoney(interestOnBooks, d),
      exposure: formatMoney(outstanding + interestOnBooks, d),
    };
    reserveBase = max(0n, reserveAmount(ctx.reserve(facts), d));
  }
  const cover = outstanding + receivables;
  const reserve = state.status === 'paid-off' ? 0n : min(max(0n, cover), reserveBase + (stage === 'vencida' ? interestOnBooks : 0n));

  const reserveText = formatMoney(reserveBase, d);
  // A vigente loan's memory most nights is the one it had (a plain night moves only balances): kept as it is.
  const unchanged = stage === 'vigente' && !writingOff && previous !== null && memory0.restructures === state.restructures.length && memory0.reserve === reserveText &&
    memory0.transfer === undefined && memory0.sustained === undefined && memory0.writtenOff === undefined;
  let memory: BooksMemory = unchanged ? memory0 : { opening: memory0.opening, restructures: state.restructures.length, reserve: reserveText };
  if (stage === 'vencida') {
    const transferEarned = Object.fromEntries(BOOKS_COMPONENTS.map((k, c) => [k, formatMoney(atTransfer[c]!, d)])) as Record<BooksComponent, string>;
    memory = { ...memory, transfer: { date: step.transferred || memory0.transfer === undefined ? date : memory0.transfer.date, earned: transferEarned } };
    if (step.sustained !== undefined) memory = { ...memory, sustained: step.sustained };
  }

  if (writingOff) {
    const loss = outstanding + receivables + (ctx.ivaOn === 'accrual' ? ivaOnBooks : 0n) - deferred;
    const used = min(reserve, max(0n, loss));
    position.add(ACCOUNT.reserveExpense, used);
    position.add(ACCOUNT.writeOffExpense, loss - used);
    memory = { ...memory, writtenOff: { paid: state.paid.total } };
  } else {
    position.add(stage === 'vigente' ? ACCOUNT.principalVigente : ACCOUNT.principalVencida, outstanding);
    position.add(ACCOUNT.capitalised, -deferred);
    position.add(ACCOUNT.allowance, -reserve);
    position.add(ACCOUNT.reserveExpense, reserve);
    position.add(ACCOUNT.memorandum, memorandum);
    position.add(ACCOUNT.memorandumContra, -memorandum);
  }

  const record = position.toRecord(date, d);
  return Object.freeze({
    date,
    stage,
    daysPastDue: state.daysPastDue,
    position: record,
    accruedInterest: formatMoney(position.get(ACCOUNT.interestVigente) + position.get(ACCOUNT.interestVencida), d),
    deferredFees: formatMoney(-position.get(ACCOUNT.deferredFees), d),
    reserve: formatMoney(-position.get(ACCOUNT.allowance), d),
    memorandum: formatMoney(position.get(ACCOUNT.memorandum), d),
    memory: Object.freeze(memory),
  });
}
