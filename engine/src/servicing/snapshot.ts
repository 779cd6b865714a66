// Freezes the fold's working ledger into the public LoanState on asOf: decimal strings at the
// currency scale, per-installment parts and status, totals, aging and the payoff. Views that did
// not change since the state the fold resumed from are reused, not rebuilt.
import { formatIsoDate } from '../calendar/iso-date.ts';
import { agingBucket } from './aging-bucket.ts';
import { stopsAccrual } from './collection/collection-stage.ts';
import { amountsView, COMPONENT_COUNT, isOpen, PRINCIPAL, totals, zeroAmounts, type Amounts, type Charged, type Ledger, type WorkInstallment } from './ledger.ts';
import type { ComponentAmounts, InstallmentState, InstallmentStatus, LoanState, PayoffAmount } from './loan-state.ts';
import { formatMoney } from './money.ts';
import { earnedAmounts, repaymentOf } from './books-facts.ts';
import { settlement, type Settlement } from './settlement.ts';

function minus(a: Amounts, b: Amounts): Amounts {
  const out = zeroAmounts();
  for (let c = 0; c < COMPONENT_COUNT; c++) out[c] = a[c]! - b[c]!;
  return out;
}

function installmentState(inst: WorkInstallment, day: number, s: number, zero: ComponentAmounts): InstallmentState {
  const open = isOpen(inst);
  const status: InstallmentStatus = inst.restructured ? 'restructured' : !open ? 'paid' : inst.dueDay > day ? 'pending' : inst.dueDay === day ? 'due' : 'overdue';
  const daysPastDue = open && inst.dueDay < day ? day - inst.dueDay : 0;
  const prior = inst.view;
  if (!inst.dirty && prior !== null && prior.status === status && prior.daysPastDue === daysPastDue) return prior;
  let due: ComponentAmounts;
  let paid: ComponentAmounts;
  let outstanding: ComponentAmounts;
  if (!inst.dirty && prior !== null) ({ due, paid, outstanding } = prior);
  else {
    const d = inst.due;
    const p = inst.paid;
    let settledAll = true;
    for (let c = 0; c < COMPONENT_COUNT; c++) if (d[c] !== p[c]) settledAll = false;
    due = amountsView(d, s);
    // Fully paid: the paid parts are the due parts, one view for both; unchanged: the old view.
    paid = settledAll ? due : prior !== null && !inst.paidChanged ? prior.paid : amountsView(p, s);
    outstanding = settledAll ? zero : amountsView(minus(d, p), s);
  }
  const view: InstallmentState = Object.freeze({
    number: inst.number,
    dueDate: inst.dueDate,
    status,
    paidOn: inst.paidOn,
    daysPastDue,
    due,
    paid,
    outstanding,
    lateFeeChargedOn: inst.lateFeeOn,
  });
  inst.view = view;
  inst.paidChanged = false;
  return view;
}

function payoffOf(ledger: Ledger, date: string, q: Settlement | null): PayoffAmount {
  const s = ledger.decimals;
  if (q === null) {
    const z = formatMoney(0n, s);
    return Object.freeze({ date, principal: z, interest: z, fees: z, penalties: z, iva: z, creditApplied: z, total: z });
  }
  const credit = ledger.credit < q.gross ? ledger.credit : q.gross;
  return Object.freeze({
    date,
    principal: formatMoney(q.principal, s),
    interest: formatMoney(q.interest, s),
    fees: formatMoney(q.fees, s),
    penalties: formatMoney(q.penalties, s),
    iva: formatMoney(q.iva, s),
    creditApplied: formatMoney(credit, s),
    total: formatMoney(q.gross - credit, s),
  });
}

function charged(c: Charged, s: number): LoanState['penaltiesCharged'] {
  return Object.freeze({ lateFees: formatMoney(c.lateFees, s), lateFeesIva: formatMoney(c.lateFeesIva, s), moratorium: formatMoney(c.moratorium, s), moratoriumIva: formatMoney(c.moratoriumIva, s) });
}

/** `base` followed by `added`, frozen; `base` itself when nothing was added. */
function appended<T>(base: readonly T[] | undefined, added: T[]): readonly T[] {
  if (base === undefined || base.length === 0) return Object.freeze(added);
  return added.length === 0 ? base : Object.freeze(base.concat(added));
}

/** The public state of `ledger` on `day` (the fold has run through it). */
export function snapshot(ledger: Ledger, day: number, reversed: readonly string[]): LoanState {
  const s = ledger.decimals;
  const zero = amountsView(zeroAmounts(), s);
  const list = ledger.installments;
  const installments = new Array<InstallmentState>(list.length);
  const overdueSum = zeroAmounts();
  let anyOverdue = false;
  let dpd = 0;
  for (let i = 0; i < list.length; i++) {
    const inst = list[i]!;
    installments[i] = installmentState(inst, day, s, zero);
    if (inst.dueDay > day) continue;
    const open = isOpen(inst);
    // A closed installment owes nothing (its unchanged view says so): no need to decode it.
    if (open || inst.dirty || inst.view === null || inst.view.outstanding.total !== zero.total) {
      const d = inst.due;
      const p = inst.paid;
      for (let c = 0; c < COMPONENT_COUNT; c++) overdueSum[c] = overdueSum[c]! + d[c]! - p[c]!;
      anyOverdue = true;
    }
    if (open && inst.dueDay < day && day - inst.dueDay > dpd) dpd = day - inst.dueDay;
  }
  const base = ledger.base;
  let outstanding: ComponentAmounts;
  let paid: ComponentAmounts;
  if (base !== null && !ledger.amountsChanged) {
    outstanding = base.outstanding;
    paid = base.paid;
  } else {
    const t = totals(ledger);
    outstanding = amountsView(minus(t.due, t.paid), s);
    const p = [...t.paid];
    p[PRINCIPAL] = p[PRINCIPAL]! + ledger.prepaidPrincipal;
    paid = amountsView(p, s);
  }
  const date = formatIsoDate(day);
  const active = ledger.status === 'active';
  const fired = appended(base?.firedActions, ledger.fired);
  const q = ledger.status === 'paid-off' ? null : settlement(ledger, day);
  let firstDue = fired.length;
  while (firstDue > 0 && fired[firstDue - 1]!.date === date) firstDue--;
  return Object.freeze({
    asOf: date,
    status: ledger.status,
    disbursementDate: ledger.terms.disbursementDate,
    installments: Object.freeze(installments),
    outstanding,
    overdue: anyOverdue ? amountsView(overdueSum, s) : zero,
    paid,
    penaltiesCharged: base !== null && !ledger.amountsChanged ? base.penaltiesCharged : charged(ledger.charged, s),
    daysPastDue: dpd,
    agingBucket: agingBucket(dpd),
    stage: active ? (ledger.stage?.stage ?? null) : null,
    accrualStopped: ledger.status === 'written-off' || (active && stopsAccrual(ledger.stage)),
    actionsDue: Object.freeze(fired.slice(firstDue)),
    firedActions: fired,
    payoff: payoffOf(ledger, date, q),
    creditBalance: formatMoney(ledger.credit, s),
    allocations: appended(base?.allocations, ledger.allocations),
    reversedPayments: Object.freeze([...reversed]),
    lastDayClose: ledger.lastClose,
    writtenOff: ledger.writtenOff,
    journal: appended(base?.journal, ledger.journal),
    earned: amountsView(earnedAmounts(ledger, day, q), s),
    restructures: ledger.restructures,
    repayment: repaymentOf(ledger, day),
  });
}
