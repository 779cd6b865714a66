// What settles a loan on a day, part by part: the open installments due by then in full, and for
// the rest the outstanding principal plus the current period's interest accrued to the day
// (payoffQuote on the schedule segment in force), net of what was paid on it in advance: interest
// and its IVA paid ahead are netted together (so are fees and theirs).
import { Dec } from '../../../src/decimal.ts';
import { formatIsoDate } from '../../../src/calendar/iso-date.ts';
import { payoffQuote } from '../../../src/payoff/payoff-quote.ts';
import { isOpen, outstanding, roundMoney, type Ledger, type WorkInstallment } from './ledger.ts';

/** A base (interest or fees) and its IVA the period finally bears, and what was paid ahead on them re-split. */
export interface Netted {
  readonly base: Dec;
  readonly iva: Dec;
  readonly paidBase: Dec;
  readonly paidIva: Dec;
}

/**
 * The period bears at least `minBase` and `ivaOf` of it; the paid sum above that is kept as a larger
 * base with its IVA (the smallest whose total reaches the sum, found by stepping one unit at a time
 * from an estimate); the paid sum is split with IVA first up to what the IVA is, the rest as base,
 * and as much as needed on IVA so no base is paid beyond it.
 */
function net(ledger: Ledger, minBase: Dec, paidBase: Dec, paidIva: Dec, ivaOf: (b: Dec) => Dec, rate: Dec): Netted {
  const unit = new Dec(1).div(new Dec(10).pow(ledger.decimals));
  const paid = paidBase.plus(paidIva);
  const total = (b: Dec) => b.plus(ivaOf(b));
  let base = minBase;
  if (total(base).lt(paid)) {
    base = Dec.max(minBase, paid.minus(ivaOf(minBase)).div(rate.plus(1)).toDecimalPlaces(ledger.decimals, Dec.ROUND_FLOOR));
    while (base.gt(minBase) && total(base.minus(unit)).gte(paid)) base = base.minus(unit);
    while (total(base).lt(paid)) base = base.plus(unit);
  }
  const iva = ivaOf(base);
  const onIva = Dec.max(paid.minus(base), Dec.min(paidIva, iva));
  return { base, iva, paidBase: paid.minus(onIva), paidIva: onIva };
}

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
  /** What the current installment finally bears of interest, fees and their IVA, and its paid parts re-split. */
  readonly currentNet: { readonly interest: Netted; readonly fees: Netted } | null;
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
  let currentNet: Settlement['currentNet'] = null;
  if (current !== null) {
    const seg = ledger.segments[current.segment]!;
    let accrued = zero;
    let feeIva = zero;
    const taxesInterest = seg.terms.tax?.on.includes('interest') ?? false;
    const taxesFees = seg.terms.tax?.on.includes('fees') ?? false;
    const rate = new Dec(seg.terms.tax?.rate ?? '0');
    if (day >= seg.startDay) {
      const quote = payoffQuote(seg.terms, { date: formatIsoDate(day), schedule: seg.schedule });
      accrued = new Dec(quote.interest);
      // The quote's IVA beyond the IVA on its interest is the IVA of financed fees (installment 1).
      feeIva = new Dec(quote.tax).minus(taxesInterest ? roundMoney(ledger, accrued.times(rate)) : 0);
    }
    const chargedIva = current.chargedFeesIva.plus(feeIva);
    currentNet = {
      interest: net(ledger, accrued, current.paid.interest, current.paid.interestIva, (b) => (taxesInterest ? roundMoney(ledger, b.times(rate)) : zero), taxesInterest ? rate : zero),
      fees: net(ledger, current.chargedFees, current.paid.fees, current.paid.feesIva, (b) => (taxesFees ? chargedIva.plus(roundMoney(ledger, b.minus(current!.chargedFees).times(rate))) : chargedIva), taxesFees ? rate : zero),
    };
    interest = interest.plus(currentNet.interest.base).minus(currentNet.interest.paidBase);
    fees = fees.plus(currentNet.fees.base).minus(currentNet.fees.paidBase);
    iva = iva.plus(currentNet.interest.iva).minus(currentNet.interest.paidIva).plus(currentNet.fees.iva).minus(currentNet.fees.paidIva);
  }
  const gross = principal.plus(interest).plus(fees).plus(penalties).plus(iva);
  return { overdue, current, principal, interest, fees, penalties, iva, currentNet, gross };
}

/**
 * Reshapes the loan so it owes exactly the settlement: the current installment bears what the
 * period finally bears, its paid parts re-split (reopened when it now owes something); the first
 * open installment from it takes the principal of every later installment, which go away.
 */
export function applySettlement(ledger: Ledger, s: Settlement): void {
  const c = s.current;
  if (c === null || s.currentNet === null) return;
  const { interest, fees } = s.currentNet;
  c.due.interest = interest.base;
  c.paid.interest = interest.paidBase;
  c.due.interestIva = interest.iva;
  c.paid.interestIva = interest.paidIva;
  c.due.fees = fees.base;
  c.paid.fees = fees.paidBase;
  c.due.feesIva = fees.iva;
  c.paid.feesIva = fees.paidIva;
  if (!interest.base.eq(interest.paidBase) || !interest.iva.eq(interest.paidIva) || !fees.base.eq(fees.paidBase) || !fees.iva.eq(fees.paidIva)) c.settledDay = null;
  let index = ledger.installments.indexOf(c);
  while (index < ledger.installments.length && !isOpen(ledger.installments[index]!)) index++;
  const target = ledger.installments[index];
  if (target === undefined) return;
  let laterPrincipal = new Dec(0);
  for (const inst of ledger.installments.slice(index + 1)) if (!inst.restructured) laterPrincipal = laterPrincipal.plus(outstanding(inst, 'principal'));
  target.due.principal = target.due.principal.plus(laterPrincipal);
  if (target !== c) for (const part of ['interest', 'interestIva', 'fees', 'feesIva'] as const) target.due[part] = target.paid[part];
  ledger.installments = ledger.installments.filter((inst, i) => i <= index || inst.restructured);
}
