// What the regulatory books (engine/src/books) read of a loan beyond its balances: what it has
// earned to date by component, and how it repays (the payment pattern that sets the days to
// cartera vencida, the run of on-time installments after a restructure). Computed from the fold's
// working ledger, for loanState's snapshot and for the end of day's closeDay alike.
import type { IsoDate } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { amountsView, COMPONENT_COUNT, FEES, FEES_IVA, INTEREST, INTEREST_IVA, isOpen, totals, type Amounts, type Ledger } from './ledger.ts';
import type { BooksFacts, RepaymentFacts } from './loan-state.ts';
import { formatMoney } from './money.ts';
import { settlement, type Settlement } from './settlement.ts';

/**
 * Earned to `day` by component (see LoanState.earned). `q`: the settlement on `day`, when the
 * caller already has it. Only the first installment not yet due can hold payments ahead of its due
 * date on an active loan (payments go to installments due, then to that one, then to prepayment or
 * credit), so the scan stops there. A written-off loan keeps what it had earned on its write-off
 * date (the fold records it then).
 */
export function earnedAmounts(ledger: Ledger, day: number, q: Settlement | null): Amounts {
  const t = totals(ledger);
  if (ledger.status === 'paid-off') return [...t.due];
  if (ledger.status === 'written-off' && ledger.writtenOffEarned !== null) return [...ledger.writtenOffEarned];
  const s = q ?? settlement(ledger, day);
  const earned = [...t.paid];
  for (let c = 0; c < COMPONENT_COUNT; c++) earned[c] = earned[c]! + s.owed[c]!;
  const current = s.current;
  if (current !== null) {
    const p = current.paid;
    for (let c = 0; c < COMPONENT_COUNT; c++) earned[c] = earned[c]! - p[c]!;
    earned[INTEREST] = earned[INTEREST]! + s.accrued;
    earned[INTEREST_IVA] = earned[INTEREST_IVA]! + s.accruedIva;
    earned[FEES] = earned[FEES]! + current.chargedFees;
    earned[FEES_IVA] = earned[FEES_IVA]! + current.chargedFeesIva + s.feeIva;
  }
  return earned;
}

/** The payment pattern of loan terms (DOMAIN.md "Regulatory accounting"). */
export function repaymentPattern(terms: Pick<LoanTerms, 'installments' | 'graceInstallments'>): RepaymentFacts['pattern'] {
  if (terms.installments === 1) return 'single';
  return terms.graceInstallments.principal >= terms.installments - 1 ? 'single-principal' : 'periodic';
}

/** The loan's repayment facts on `day` (the fold has run through it). */
export function repaymentOf(ledger: Ledger, day: number): RepaymentFacts {
  const list = ledger.installments;
  const restructure = ledger.restructures.length === 0 ? null : ledger.restructures[ledger.restructures.length - 1]!;
  const pattern = restructure === null ? repaymentPattern(ledger.terms) : restructure.singlePayment ? 'single' : 'periodic';
  let maturityDaysPastDue = 0;
  const last = list[list.length - 1];
  if (last !== undefined && isOpen(last) && last.dueDay < day) maturityDaysPastDue = day - last.dueDay;
  let onTimeInstallments = 0;
  if (restructure !== null) {
    for (const inst of list) {
      if (inst.restructured || inst.number < restructure.firstInstallment || inst.dueDay > day) continue;
      if (inst.settled && inst.paidDay <= inst.dueDay) onTimeInstallments++;
      else if (inst.dueDay < day || inst.settled) onTimeInstallments = 0;
    }
  }
  return Object.freeze({ pattern, maturityDaysPastDue, onTimeInstallments });
}

/** The books facts of the ledger on `day` (the fold has run through it): what its snapshot's state says. */
export function booksFactsOf(ledger: Ledger, day: number, date: IsoDate, q: Settlement | null): BooksFacts {
  const s = ledger.decimals;
  const t = totals(ledger);
  const paid = [...t.paid];
  paid[0] = paid[0]! + ledger.prepaidPrincipal;
  let total = 0n;
  for (let c = 0; c < COMPONENT_COUNT; c++) total += t.due[c]! - t.paid[c]!;
  let dpd = 0;
  for (const inst of ledger.installments) if (isOpen(inst) && inst.dueDay < day && day - inst.dueDay > dpd) dpd = day - inst.dueDay;
  return Object.freeze({
    asOf: date,
    status: ledger.status,
    daysPastDue: dpd,
    paid: amountsView(paid, s),
    earned: amountsView(earnedAmounts(ledger, day, q), s),
    creditBalance: formatMoney(ledger.credit, s),
    writtenOff: ledger.writtenOff,
    restructures: ledger.restructures,
    repayment: repaymentOf(ledger, day),
    outstanding: Object.freeze({ principal: formatMoney(t.due[0]! - t.paid[0]!, s), total: formatMoney(total, s) }),
  });
}
