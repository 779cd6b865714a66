// Freezes the fold's working ledger into the public LoanState on asOf: decimal strings at the
// currency scale, per-installment parts and status, totals, aging and the payoff.
import { Dec } from '../decimal.ts';
import { formatIsoDate } from '../calendar/iso-date.ts';
import { agingBucket } from './aging-bucket.ts';
import { stopsAccrual } from './collection/collection-stage.ts';
import { isOpen, zeroAmounts, type Amounts, type Ledger, type WorkInstallment } from './ledger.ts';
import { COMPONENTS, type ComponentAmounts, type InstallmentState, type LoanState, type PayoffAmount } from './loan-state.ts';
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
  });
}
