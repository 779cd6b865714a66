// What settles a loan on a day, part by part: the open installments due by then in full, and for
// the rest the outstanding principal plus the current period's interest accrued to the day
// (payoffQuote's rule on the schedule segment in force), net of what was paid on it in advance.
import { accruedInterest, accruedPacked, type Accrued } from './accrual.ts';
import {
  accrualOf, packedAccrualOf, FEES, FEES_IVA, INTEREST, INTEREST_IVA, isOpen, LATE_FEES, LATE_FEES_IVA, MORATORIUM, MORATORIUM_IVA, outstanding, outstandingPrincipal, PRINCIPAL, replaceInstallments,
  type Ledger, type Segment, type WorkInstallment,
} from './ledger.ts';
import { timesRate, scaledOf } from './money.ts';

export interface Settlement {
  /** The first installment not yet due, or null. */
  readonly current: WorkInstallment | null;
  readonly principal: bigint;
  readonly interest: bigint;
  readonly fees: bigint;
  readonly penalties: bigint;
  readonly iva: bigint;
  /** What the current installment still owes in interest, fees and their IVA once settled. */
  readonly currentOwed: { readonly interest: bigint; readonly interestIva: bigint; readonly fees: bigint; readonly feesIva: bigint };
  readonly gross: bigint;
}

/** The segment's interest accrued to `day`: from its table, or from a compact checkpoint's packed one. */
function segmentAccrued(seg: Segment, day: number): Accrued {
  if (seg.accrual === null && seg.schedule === null) return accruedPacked(seg.terms, packedAccrualOf(seg), day);
  return accruedInterest(seg.terms, accrualOf(seg), day);
}

function max0(x: bigint): bigint {
  return x < 0n ? 0n : x;
}

/**
 * The settlement of the loan on `day`. Future per-installment fees and the interest of periods
 * not started are not owed; interest already paid in advance on the current installment counts
 * against the accrued interest (it is not refunded).
 */
export function settlement(ledger: Ledger, day: number): Settlement {
  let interest = 0n;
  let fees = 0n;
  let penalties = 0n;
  let iva = 0n;
  let current: WorkInstallment | null = null;
  for (const inst of ledger.installments) {
    if (inst.restructured) continue;
    if (inst.dueDay <= day) {
      if (!isOpen(inst)) continue;
      interest += outstanding(inst, INTEREST);
      fees += outstanding(inst, FEES);
      penalties += outstanding(inst, LATE_FEES) + outstanding(inst, MORATORIUM);
      iva += outstanding(inst, INTEREST_IVA) + outstanding(inst, FEES_IVA) + outstanding(inst, LATE_FEES_IVA) + outstanding(inst, MORATORIUM_IVA);
    } else {
      current ??= inst;
    }
  }
  // Restructured installments owe nothing, so every installment's outstanding principal is the total's.
  const principal = outstandingPrincipal(ledger);
  let currentOwed = { interest: 0n, interestIva: 0n, fees: 0n, feesIva: 0n };
  if (current !== null) {
    const seg = ledger.segments[current.segment]!;
    let accrued = 0n;
    let feeIva = 0n;
    if (day >= seg.startDay) ({ interest: accrued, feeIva } = segmentAccrued(seg, day));
    const owedInterest = max0(accrued - current.paidPart(INTEREST));
    const tax = seg.terms.tax;
    const owedInterestIva = tax?.on.includes('interest') ? timesRate(owedInterest, scaledOf(tax.rate), ledger.mode) : 0n;
    const owedFees = max0(current.chargedFees - current.paidPart(FEES));
    const owedFeesIva = max0(current.chargedFeesIva + feeIva - current.paidPart(FEES_IVA));
    currentOwed = { interest: owedInterest, interestIva: owedInterestIva, fees: owedFees, feesIva: owedFeesIva };
    interest += owedInterest;
    fees += owedFees;
    iva += owedInterestIva + owedFeesIva;
  }
  const gross = principal + interest + fees + penalties + iva;
  return { current, principal, interest, fees, penalties, iva, currentOwed, gross };
}

/**
 * Reshapes the loan so it owes exactly the settlement: the first open installment not yet due (the
 * current one, or — when the current one is already paid in advance — the next open one) takes
 * the principal of every later installment, its interest and fees become what the current period
 * owes to the day, and the later installments go away. Paying every open installment in full then
 * settles the loan. (Putting it on a closed installment would leave the principal unpaid while the
 * loan is marked paid off.)
 */
export function applySettlement(ledger: Ledger, s: Settlement): void {
  const c = s.current;
  if (c === null) return;
  let index = ledger.installments.indexOf(c);
  while (index < ledger.installments.length && !isOpen(ledger.installments[index]!)) index++;
  const target = ledger.installments[index];
  if (target === undefined) return;
  let laterPrincipal = 0n;
  for (const inst of ledger.installments.slice(index + 1)) if (!inst.restructured) laterPrincipal += outstanding(inst, PRINCIPAL);
  const due = target.due;
  const paid = target.paid;
  due[PRINCIPAL] = due[PRINCIPAL]! + laterPrincipal;
  due[INTEREST] = paid[INTEREST]! + s.currentOwed.interest;
  due[INTEREST_IVA] = paid[INTEREST_IVA]! + s.currentOwed.interestIva;
  due[FEES] = paid[FEES]! + s.currentOwed.fees;
  due[FEES_IVA] = paid[FEES_IVA]! + s.currentOwed.feesIva;
  target.dirty = true;
  replaceInstallments(ledger, ledger.installments.filter((inst, i) => i <= index || inst.restructured));
}
