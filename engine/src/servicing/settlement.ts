// What settles a loan on a day, part by part: the open installments due by then in full, and for
// the rest the outstanding principal plus the current period's interest accrued to the day
// (payoffQuote's rule on the schedule segment in force), net of what was paid on it in advance:
// interest and its IVA paid ahead are netted together, so the IVA collected on the period is
// exactly the IVA of its interest (DOMAIN.md, "Conventions settled").
import { accruedInterest, accruedPacked, type Accrued } from './accrual.ts';
import {
  accrualOf, addDue, addPaid, packedAccrualOf, COMPONENT_COUNT, FEES, FEES_IVA, INTEREST, INTEREST_IVA, isOpen, LATE_FEES, LATE_FEES_IVA, MORATORIUM, MORATORIUM_IVA, outstanding, outstandingPrincipal, PRINCIPAL, replaceInstallments, zeroAmounts,
  type Amounts, type Ledger, type Segment, type WorkInstallment,
} from './ledger.ts';
import { timesRate, scaledOf } from './money.ts';

/**
 * What the current period finally bears of a base (its interest, or its fees) and of the IVA on
 * it, and how what was paid ahead on the two is split between them.
 */
export interface NettedPart {
  readonly base: bigint;
  readonly iva: bigint;
  readonly paidBase: bigint;
  readonly paidIva: bigint;
}

export interface Settlement {
  /** The first installment not yet due, or null. */
  readonly current: WorkInstallment | null;
  readonly principal: bigint;
  readonly interest: bigint;
  readonly fees: bigint;
  readonly penalties: bigint;
  readonly iva: bigint;
  /** What the current installment finally bears in interest, fees and their IVA, and its paid parts re-split. */
  readonly currentNet: { readonly interest: NettedPart; readonly fees: NettedPart } | null;
  readonly gross: bigint;
  /** Σ outstanding of the open installments due by the day, by component (COMPONENTS order). */
  readonly owed: Amounts;
  /** The current period's interest accrued to the day (deferred grace interest included), its IVA, and the financed fees' IVA then owed. */
  readonly accrued: bigint;
  readonly accruedIva: bigint;
  readonly feeIva: bigint;
}

/** The segment's interest accrued to `day`: from its table, or from a compact checkpoint's packed one. */
function segmentAccrued(seg: Segment, day: number): Accrued {
  if (seg.accrual === null && seg.schedule === null) return accruedPacked(seg.terms, packedAccrualOf(seg), day);
  return accruedInterest(seg.terms, accrualOf(seg), day);
}

/**
 * Nets what was paid ahead on a base and its IVA (`paidBase`, `paidIva`) against what the period
 * owes at the settlement: at least `minBase` of the base, with `ivaOf(base)` of IVA. The two paid
 * amounts count as one sum: when it is below what is owed, the period bears exactly `minBase` and
 * its IVA; when it is above, the excess is kept (never refunded) as base plus its IVA — the
 * smallest base whose total reaches the sum. The paid sum is then re-split so neither part is paid
 * beyond what it bears: IVA paid ahead of interest not yet accrued becomes interest paid.
 * @example netPaidAhead(4489n, 0n, 3001n, (b) => b * 16n / 100n) // 44.89 accrued, 30.01 paid as IVA: base 44.89, IVA 7.18, paid 22.83 + 7.18
 */
export function netPaidAhead(minBase: bigint, paidBase: bigint, paidIva: bigint, ivaOf: (base: bigint) => bigint): NettedPart {
  const paid = paidBase + paidIva;
  let base = minBase;
  if (base + ivaOf(base) < paid) {
    // base + ivaOf(base) increases with base and reaches `paid` at base = paid at the latest.
    let lo = base;
    let hi = paid;
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n;
      if (mid + ivaOf(mid) >= paid) hi = mid;
      else lo = mid;
    }
    base = hi;
  }
  const iva = ivaOf(base);
  const kept = paid - base;
  const onIva = kept > (paidIva < iva ? paidIva : iva) ? kept : paidIva < iva ? paidIva : iva;
  return { base, iva, paidBase: paid - onIva, paidIva: onIva };
}

/**
 * The settlement of the loan on `day`. Future per-installment fees and the interest of periods
 * not started are not owed; interest already paid in advance on the current installment counts
 * against the accrued interest (it is not refunded).
 */
export function settlement(ledger: Ledger, day: number): Settlement {
  const owed = zeroAmounts();
  let current: WorkInstallment | null = null;
  for (const inst of ledger.installments) {
    if (inst.restructured) continue;
    if (inst.dueDay <= day) {
      if (!isOpen(inst)) continue;
      const d = inst.due;
      const p = inst.paid;
      for (let c = 0; c < COMPONENT_COUNT; c++) owed[c] = owed[c]! + d[c]! - p[c]!;
    } else {
      current ??= inst;
    }
  }
  let interest = owed[INTEREST]!;
  let fees = owed[FEES]!;
  const penalties = owed[LATE_FEES]! + owed[MORATORIUM]!;
  let iva = owed[INTEREST_IVA]! + owed[FEES_IVA]! + owed[LATE_FEES_IVA]! + owed[MORATORIUM_IVA]!;
  // Restructured installments owe nothing, so every installment's outstanding principal is the total's.
  const principal = outstandingPrincipal(ledger);
  let currentNet: Settlement['currentNet'] = null;
  let accrued = 0n;
  let accruedIva = 0n;
  let feeIva = 0n;
  if (current !== null) {
    const seg = ledger.segments[current.segment]!;
    if (day >= seg.startDay) ({ interest: accrued, feeIva } = segmentAccrued(seg, day));
    const tax = seg.terms.tax;
    const rate = tax === undefined ? null : scaledOf(tax.rate);
    const mode = ledger.mode;
    const interestIvaOf = rate !== null && tax!.on.includes('interest') ? (b: bigint) => timesRate(b, rate, mode) : () => 0n;
    // Fees: the charged fees and their IVA, the financed fees' IVA while installment 1 is current, and IVA on any fee kept beyond them.
    const charged = current.chargedFees;
    const chargedIva = current.chargedFeesIva + feeIva;
    const feeIvaOf = rate !== null && tax!.on.includes('fees') ? (b: bigint) => chargedIva + timesRate(b - charged, rate, mode) : () => chargedIva;
    currentNet = {
      interest: netPaidAhead(accrued, current.paidPart(INTEREST), current.paidPart(INTEREST_IVA), interestIvaOf),
      fees: netPaidAhead(charged, current.paidPart(FEES), current.paidPart(FEES_IVA), feeIvaOf),
    };
    interest += currentNet.interest.base - currentNet.interest.paidBase;
    fees += currentNet.fees.base - currentNet.fees.paidBase;
    iva += currentNet.interest.iva - currentNet.interest.paidIva + currentNet.fees.iva - currentNet.fees.paidIva;
    accruedIva = interestIvaOf(accrued);
  }
  const gross = principal + interest + fees + penalties + iva;
  return { current, principal, interest, fees, penalties, iva, currentNet, gross, owed, accrued, accruedIva, feeIva };
}

/**
 * Reshapes the loan so it owes exactly the settlement: the current installment (the first not yet
 * due) bears the interest, fees and IVA the period finally bears, its paid parts re-split by the
 * netting (reopened if it now owes something); the first open installment from it (itself, or —
 * when it is paid in advance — the next open one) takes the principal of every later installment,
 * and the later installments go away. Paying every open installment in full then settles the loan.
 * (Putting the principal on a closed installment would leave it unpaid while the loan is marked
 * paid off.)
 */
export function applySettlement(ledger: Ledger, s: Settlement): void {
  const c = s.current;
  if (c === null || s.currentNet === null) return;
  const net = s.currentNet;
  const parts: [number, bigint, bigint][] = [
    [INTEREST, net.interest.base, net.interest.paidBase],
    [INTEREST_IVA, net.interest.iva, net.interest.paidIva],
    [FEES, net.fees.base, net.fees.paidBase],
    [FEES_IVA, net.fees.iva, net.fees.paidIva],
  ];
  let owes = false;
  for (const [part, due, paid] of parts) {
    addDue(ledger, c, part, due - c.due[part]!);
    addPaid(ledger, c, part, paid - c.paid[part]!);
    if (due !== paid) owes = true;
  }
  if (owes && c.settled) {
    c.paidOn = null;
    ledger.openFrom = 0;
  }
  let index = ledger.installments.indexOf(c);
  while (index < ledger.installments.length && !isOpen(ledger.installments[index]!)) index++;
  const target = ledger.installments[index];
  if (target === undefined) return;
  let laterPrincipal = 0n;
  for (const inst of ledger.installments.slice(index + 1)) if (!inst.restructured) laterPrincipal += outstanding(inst, PRINCIPAL);
  target.due[PRINCIPAL] = target.due[PRINCIPAL]! + laterPrincipal;
  // An installment after the current one bears no interest or fees: its period has not started.
  if (target !== c) for (const part of [INTEREST, INTEREST_IVA, FEES, FEES_IVA]) target.due[part] = target.paid[part]!;
  target.dirty = true;
  replaceInstallments(ledger, ledger.installments.filter((inst, i) => i <= index || inst.restructured));
}
