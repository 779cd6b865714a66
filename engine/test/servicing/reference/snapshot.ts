// Freezes the fold's working ledger into the public LoanState on asOf: decimal strings at the
// currency scale, per-installment parts and status, totals, aging and the payoff.
import { Dec } from '../../../src/decimal.ts';
import { formatIsoDate, toDayNumber } from '../../../src/calendar/iso-date.ts';
import { payoffQuote } from '../../../src/payoff/payoff-quote.ts';
import { agingBucket } from './aging-bucket.ts';
import { stopsAccrual } from './collection/collection-stage.ts';
import { isOpen, roundMoney, zeroAmounts, type Amounts, type Ledger, type WorkInstallment } from './ledger.ts';
import { COMPONENTS, type ComponentAmounts, type InstallmentState, type LoanState, type PayoffAmount, type RepaymentFacts } from './loan-state.ts';
import { settlement } from './settlement.ts';

function amounts(a: Amounts, decimals: number): ComponentAmounts {
  const zero = (0).toFixed(decimals);
  const out: Record<string, string> = {};
  let total: Dec | null = null;
  for (const c of COMPONENTS) {
    const x = a[c];
    // Most parts are zero (no fees, no penalties): skip the decimal work for them.
    if (x.isZero()) out[c] = zero;
    else {
      out[c] = x.toFixed(decimals);
      total = total === null ? x : total.plus(x);
    }
  }
  out['total'] = total === null ? zero : total.toFixed(decimals);
  return Object.freeze(out) as ComponentAmounts;
}

function minus(a: Amounts, b: Amounts): Amounts {
  const out = zeroAmounts();
  for (const c of COMPONENTS) out[c] = b[c].isZero() ? a[c] : a[c].minus(b[c]);
  return out;
}

function add(into: Amounts, a: Amounts): void {
  for (const c of COMPONENTS) if (!a[c].isZero()) into[c] = into[c].plus(a[c]);
}

function installmentState(inst: WorkInstallment, day: number, decimals: number): InstallmentState {
  const open = isOpen(inst);
  const status = inst.restructured ? 'restructured' : !open ? 'paid' : inst.dueDay > day ? 'pending' : inst.dueDay === day ? 'due' : 'overdue';
  return Object.freeze({
    number: inst.number,
    dueDate: inst.dueDate,
    status,
    paidOn: inst.settledDay === null ? null : formatIsoDate(inst.settledDay),
    daysPastDue: open && inst.dueDay < day ? day - inst.dueDay : 0,
    due: amounts(inst.due, decimals),
    paid: amounts(inst.paid, decimals),
    outstanding: amounts(minus(inst.due, inst.paid), decimals),
    lateFeeChargedOn: inst.lateFeeDay === null ? null : formatIsoDate(inst.lateFeeDay),
  });
}

function payoffOf(ledger: Ledger, day: number): PayoffAmount {
  const s = ledger.decimals;
  const date = formatIsoDate(day);
  if (ledger.status === 'paid-off') {
    const z = (0).toFixed(s);
    return Object.freeze({ date, principal: z, interest: z, fees: z, penalties: z, iva: z, creditApplied: z, total: z });
  }
  const q = settlement(ledger, day);
  const credit = Dec.min(ledger.credit, q.gross);
  return Object.freeze({
    date,
    principal: q.principal.toFixed(s),
    interest: q.interest.toFixed(s),
    fees: q.fees.toFixed(s),
    penalties: q.penalties.toFixed(s),
    iva: q.iva.toFixed(s),
    creditApplied: credit.toFixed(s),
    total: q.gross.minus(credit).toFixed(s),
  });
}

/**
 * Earned to the day, summed over the installments: those due (restructured ones at what they
 * received) in full, and for the first one not yet due the payoff quote's accrued interest and
 * IVA with the fees charged on it. A paid-off loan: every installment in full; a written-off one:
 * as on its write-off date.
 */
export function earnedOf(ledger: Ledger, day: number): Amounts {
  if (ledger.status === 'written-off' && ledger.writtenOffEarned !== null) return ledger.writtenOffEarned;
  const earned = zeroAmounts();
  if (ledger.status === 'paid-off') {
    for (const inst of ledger.installments) add(earned, inst.due);
    return earned;
  }
  const cutoff = day;
  let current: WorkInstallment | null = null;
  for (const inst of ledger.installments) {
    if (inst.restructured || inst.dueDay <= cutoff) add(earned, inst.due);
    else current ??= inst;
  }
  if (current !== null) {
    const seg = ledger.segments[current.segment]!;
    earned.fees = earned.fees.plus(current.chargedFees);
    earned.feesIva = earned.feesIva.plus(current.chargedFeesIva);
    if (cutoff >= seg.startDay) {
      const quote = payoffQuote(seg.terms, { date: formatIsoDate(cutoff), schedule: seg.schedule });
      const accrued = new Dec(quote.interest);
      const iva = seg.terms.tax?.on.includes('interest') ? roundMoney(ledger, accrued.times(seg.terms.tax.rate)) : new Dec(0);
      earned.interest = earned.interest.plus(accrued);
      earned.interestIva = earned.interestIva.plus(iva);
      earned.feesIva = earned.feesIva.plus(new Dec(quote.tax).minus(iva));
    }
  }
  return earned;
}

function repaymentOf(ledger: Ledger, day: number): RepaymentFacts {
  const r = ledger.restructures.at(-1);
  const t = ledger.terms;
  const pattern = r ? (r.singlePayment ? 'single' : 'periodic') : t.installments === 1 ? 'single' : t.graceInstallments.principal >= t.installments - 1 ? 'single-principal' : 'periodic';
  const last = ledger.installments.at(-1);
  const maturityDaysPastDue = last && isOpen(last) && last.dueDay < day ? day - last.dueDay : 0;
  let onTimeInstallments = 0;
  if (r) {
    const due = ledger.installments.filter((i) => !i.restructured && i.number >= r.firstInstallment && i.dueDay <= day);
    for (const inst of due) {
      const onTime = inst.settledDay !== null && inst.settledDay <= inst.dueDay;
      const dueTodayUnpaid = inst.dueDay === day && inst.settledDay === null;
      if (onTime) onTimeInstallments++;
      else if (!dueTodayUnpaid) onTimeInstallments = 0;
    }
  }
  return Object.freeze({ pattern, maturityDaysPastDue, onTimeInstallments });
}

/** The public state of `ledger` on `day` (the fold has run through it). */
export function snapshot(ledger: Ledger, day: number, reversed: readonly string[]): LoanState {
  const s = ledger.decimals;
  const installments = ledger.installments.map((i) => installmentState(i, day, s));
  const due = zeroAmounts();
  const paid = zeroAmounts();
  const overdue = zeroAmounts();
  let dpd = 0;
  for (const inst of ledger.installments) {
    add(due, inst.due);
    add(paid, inst.paid);
    if (inst.dueDay <= day) add(overdue, minus(inst.due, inst.paid));
    if (isOpen(inst) && inst.dueDay < day) dpd = Math.max(dpd, day - inst.dueDay);
  }
  const out = minus(due, paid);
  paid.principal = paid.principal.plus(ledger.prepaidPrincipal);
  const date = formatIsoDate(day);
  const active = ledger.status === 'active';
  return Object.freeze({
    asOf: date,
    status: ledger.status,
    disbursementDate: ledger.terms.disbursementDate,
    installments: Object.freeze(installments),
    outstanding: amounts(out, s),
    overdue: amounts(overdue, s),
    paid: amounts(paid, s),
    penaltiesCharged: Object.freeze({
      lateFees: ledger.charged.lateFees.toFixed(s),
      lateFeesIva: ledger.charged.lateFeesIva.toFixed(s),
      moratorium: ledger.charged.moratorium.toFixed(s),
      moratoriumIva: ledger.charged.moratoriumIva.toFixed(s),
    }),
    daysPastDue: dpd,
    agingBucket: agingBucket(dpd),
    stage: active ? (ledger.stage?.stage ?? null) : null,
    accrualStopped: ledger.status === 'written-off' || (active && stopsAccrual(ledger.stage)),
    actionsDue: Object.freeze(ledger.fired.filter((f) => f.date === date)),
    firedActions: Object.freeze([...ledger.fired]),
    payoff: payoffOf(ledger, day),
    creditBalance: ledger.credit.toFixed(s),
    allocations: Object.freeze([...ledger.allocations]),
    reversedPayments: Object.freeze([...reversed]),
    lastDayClose: ledger.lastClose,
    writtenOff: ledger.writtenOff,
    journal: Object.freeze([...ledger.journal]),
    earned: amounts(earnedOf(ledger, day), s),
    restructures: Object.freeze([...ledger.restructures]),
    repayment: repaymentOf(ledger, day),
  });
}
