// What settles a loan on a day, part by part: the open installments due by then in full, and for
// the rest the outstanding principal plus the current period's interest accrued to the day
// (payoffQuote on the schedule segment in force), net of what was paid on it in advance.
import { Dec } from '../../../src/decimal.ts';
import { formatIsoDate } from '../../../src/calendar/iso-date.ts';
import { payoffQuote } from '../../../src/payoff/payoff-quote.ts';
import { isOpen, outstanding, roundMoney, type Ledger, type WorkInstallment } from './ledger.ts';

export interface Settlement {
  /** Open installments due on or before the day, owed in full. */
  readonly overdue: readonly WorkInstallment[];
  /** The first installment not yet due, or null. */
  readonly current: WorkInstallment | null;
  readonly principal: Dec;
  readonly interest: Dec;
  readonly fees: Dec;
  readonly penalties: Dec;
  readonly iva: Dec;
  /** What the current installment still owes in interest, fees and their IVA once settled. */
  readonly currentOwed: { readonly interest: Dec; readonly interestIva: Dec; readonly fees: Dec; readonly feesIva: Dec };
  readonly gross: Dec;
}

/**
 * The settlement of the loan on `day`. Future per-installment fees and the interest of periods
 * not started are not owed; interest already paid in advance on the current installment counts
 * against the accrued interest (it is not refunded).
 */
export function settlement(ledger: Ledger, day: number): Settlement {
  let principal = new Dec(0);
  let interest = new Dec(0);
  let fees = new Dec(0);
  let penalties = new Dec(0);
  let iva = new Dec(0);
  const overdue: WorkInstallment[] = [];
  let current: WorkInstallment | null = null;
  for (const inst of ledger.installments) {
    if (inst.restructured) continue;
    if (inst.dueDay <= day) {
      if (!isOpen(inst)) continue;
      overdue.push(inst);
      principal = principal.plus(outstanding(inst, 'principal'));
      interest = interest.plus(outstanding(inst, 'interest'));
      fees = fees.plus(outstanding(inst, 'fees'));
      penalties = penalties.plus(outstanding(inst, 'lateFees')).plus(outstanding(inst, 'moratorium'));
      iva = iva.plus(outstanding(inst, 'interestIva')).plus(outstanding(inst, 'feesIva')).plus(outstanding(inst, 'lateFeesIva')).plus(outstanding(inst, 'moratoriumIva'));
    } else {
      current ??= inst;
      principal = principal.plus(outstanding(inst, 'principal'));
    }
  }
  const zero = new Dec(0);
  let currentOwed = { interest: zero, interestIva: zero, fees: zero, feesIva: zero };
  if (current !== null) {
    const seg = ledger.segments[current.segment]!;
    let accrued = zero;
    let feeIva = zero;
    if (day >= seg.startDay) {
      const quote = payoffQuote(seg.terms, { date: formatIsoDate(day), schedule: seg.schedule });
      accrued = new Dec(quote.interest);
      const taxesInterest = seg.terms.tax?.on.includes('interest') ?? false;
      const rate = new Dec(seg.terms.tax?.rate ?? '0');
      // The quote's IVA beyond the IVA on its interest is the IVA of financed fees (installment 1).
      feeIva = new Dec(quote.tax).minus(taxesInterest ? roundMoney(ledger, accrued.times(rate)) : 0);
    }
    const owedInterest = Dec.max(0, accrued.minus(current.paid.interest));
    const taxesInterest = seg.terms.tax?.on.includes('interest') ?? false;
    const owedInterestIva = taxesInterest ? roundMoney(ledger, owedInterest.times(seg.terms.tax!.rate)) : zero;
    const owedFees = Dec.max(0, current.chargedFees.minus(current.paid.fees));
    const owedFeesIva = Dec.max(0, current.chargedFeesIva.plus(feeIva).minus(current.paid.feesIva));
    currentOwed = { interest: owedInterest, interestIva: owedInterestIva, fees: owedFees, feesIva: owedFeesIva };
    interest = interest.plus(owedInterest);
    fees = fees.plus(owedFees);
    iva = iva.plus(owedInterestIva).plus(owedFeesIva);
  }
  const gross = principal.plus(interest).plus(fees).plus(penalties).plus(iva);
  return { overdue, current, principal, interest, fees, penalties, iva, currentOwed, gross };
}

/**
 * Reshapes the loan so it owes exactly the settlement: the first open installment not yet due (the
 * current one, or — when the current one is already paid in advance — the next open one) takes
 * the principal of every later installment, its interest and fees become what the current period
 * owes to the day, and the later installments go away. Paying every open installment in full then
 * settles the loan.
 */
export function applySettlement(ledger: Ledger, s: Settlement): void {
  const c = s.current;
  if (c === null) return;
  let index = ledger.installments.indexOf(c);
  while (index < ledger.installments.length && !isOpen(ledger.installments[index]!)) index++;
  const target = ledger.installments[index];
  if (target === undefined) return;
  let laterPrincipal = new Dec(0);
  for (const inst of ledger.installments.slice(index + 1)) if (!inst.restructured) laterPrincipal = laterPrincipal.plus(outstanding(inst, 'principal'));
  target.due.principal = target.due.principal.plus(laterPrincipal);
  target.due.interest = target.paid.interest.plus(s.currentOwed.interest);
  target.due.interestIva = target.paid.interestIva.plus(s.currentOwed.interestIva);
  target.due.fees = target.paid.fees.plus(s.currentOwed.fees);
  target.due.feesIva = target.paid.feesIva.plus(s.currentOwed.feesIva);
  ledger.installments = ledger.installments.filter((inst, i) => i <= index || inst.restructured);
}
