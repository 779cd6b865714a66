// Restructuring (reestructura): everything owed on the day becomes the principal of a new
// schedule under the loan's pricing; the open installments are closed into it.
import { CatOutOfRangeError, InvalidInputError } from '../errors.ts';
import { formatIsoDate } from '../calendar/iso-date.ts';
import { parseLoanTerms } from '../loan-terms/parse-loan-terms.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import type { RestructureEvent } from './loan-event.ts';
import { toDayNumber } from '../calendar/iso-date.ts';
import type { Schedule } from '../schedule/schedule.ts';
import { amountsView, COMPONENT_COUNT, FEES, FEES_IVA, INTEREST, INTEREST_IVA, installmentsOf, PRINCIPAL, replaceInstallments, type Ledger } from './ledger.ts';
import { formatMoney } from './money.ts';
import { settlement, type Settlement } from './settlement.ts';
import type { Restructuring } from './loan-state.ts';

/**
 * Restructures on `day`: the settlement amount (principal, interest accrued to the day, fees,
 * penalties and IVA, less the credit balance) is the new principal, at the event's rate (default
 * the loan's), frequency and first due date, with the loan's method, basis, rounding, IVA and
 * business days, without one-time fees. Installments already due or partly paid are closed
 * (`restructured`) at what they received, the current one's interest, fees and IVA paid ahead
 * re-split as the payoff nets them; untouched future ones are dropped. `path` prefixes field errors.
 */
export function restructure(ledger: Ledger, event: RestructureEvent, day: number, path: string): void {
  const s = settlement(ledger, day);
  const principal = s.gross - ledger.credit;
  if (principal <= 0n) throw new InvalidInputError([{ path, message: 'nothing is owed on this date: there is nothing to restructure' }]);
  const last = ledger.segments[ledger.segments.length - 1]!.terms;
  const base = ledger.terms;
  const json: Record<string, unknown> = {
    principal: formatMoney(principal, base.decimals),
    annualRate: event.annualRate ?? last.annualRate,
    installments: event.installments,
    frequency: event.frequency ?? last.frequency,
    method: base.method,
    interestBasis: base.interestBasis,
    disbursementDate: formatIsoDate(day),
    decimals: base.decimals,
    rounding: base.rounding,
    fees: base.fees.filter((f) => f.timing === 'per-installment'),
  };
  if (event.firstDueDate !== undefined) json['firstDueDate'] = event.firstDueDate;
  if (base.installmentMultipleOf !== undefined && event.installments > 1 && base.method !== 'german' && base.method !== 'bullet') json['installmentMultipleOf'] = base.installmentMultipleOf;
  if (base.tax) json['tax'] = base.tax;
  if (base.businessDays) json['businessDays'] = base.businessDays;
  let terms;
  let schedule;
  try {
    terms = parseLoanTerms(json);
    schedule = generateSchedule(terms);
  } catch (error) {
    // A CAT beyond the bound keeps its own error (the API's `cat-out-of-range`), at the event's path.
    if (error instanceof CatOutOfRangeError) throw new CatOutOfRangeError(`${path}.annualRate`);
    if (error instanceof InvalidInputError) throw new InvalidInputError(error.issues.map((i) => ({ path: `${path}.${i.path === 'principal' ? 'date' : i.path}`, message: i.message })));
    throw error;
  }
  // The current installment closes at what it received, split as the payoff splits it (settlement.ts):
  // interest and its IVA paid ahead count as one sum against the interest accrued to the day and
  // its IVA (likewise its fees), so it keeps no IVA on interest the period does not bear; what the
  // period bears beyond that sum is in the new principal.
  const c = s.current;
  if (c !== null && s.currentNet !== null && !c.settled && !c.restructured) {
    const net = s.currentNet;
    const split: [number, bigint][] = [[INTEREST, net.interest.paidBase], [INTEREST_IVA, net.interest.paidIva], [FEES, net.fees.paidBase], [FEES_IVA, net.fees.paidIva]];
    for (const [part, paid] of split) {
      if (c.paid[part] === paid) continue;
      c.paid[part] = paid;
      c.paidChanged = true;
    }
  }
  const kept = [];
  for (const inst of ledger.installments) {
    if (inst.settled || inst.restructured) kept.push(inst);
    else if (inst.dueDay <= day || inst.paid.some((x) => x !== 0n)) {
      for (let c = 0; c < COMPONENT_COUNT; c++) inst.due[c] = inst.paid[c]!;
      inst.restructured = true;
      inst.dirty = true;
      kept.push(inst);
    }
  }
  const lastNumber = ledger.installments.reduce((n, i) => Math.max(n, i.number), 0);
  ledger.restructures = Object.freeze([...ledger.restructures, restructuring(ledger, s, day, principal, lastNumber + 1, schedule)]);
  const segment = ledger.segments.push({ terms, startDay: day, accrual: null, schedule, record: null }) - 1;
  // Kept by due day so the daily scans can stop at the first installment not yet due.
  replaceInstallments(ledger, [...kept, ...installmentsOf(ledger, schedule, segment, lastNumber + 1)].sort((a, b) => a.dueDay - b.dueDay));
  ledger.credit = 0n;
  ledger.journal.push(Object.freeze({ date: formatIsoDate(day), kind: 'restructured', principal: formatMoney(principal, base.decimals), installments: schedule.installments.length }));
}

/**
 * What the restructure on `day` capitalises, by component, from its settlement `s`: the open
 * installments due by then in full, and what the current period finally bears beyond what was
 * paid ahead on it (interest, fees and their IVA as the payoff nets them); the principal part is
 * the outstanding principal carried over.
 */
function restructuring(ledger: Ledger, s: Settlement, day: number, principal: bigint, firstInstallment: number, schedule: Schedule): Restructuring {
  const capitalised = [...s.owed];
  capitalised[PRINCIPAL] = s.principal;
  const net = s.currentNet;
  if (net !== null) {
    capitalised[INTEREST] = capitalised[INTEREST]! + net.interest.base - net.interest.paidBase;
    capitalised[INTEREST_IVA] = capitalised[INTEREST_IVA]! + net.interest.iva - net.interest.paidIva;
    capitalised[FEES] = capitalised[FEES]! + net.fees.base - net.fees.paidBase;
    capitalised[FEES_IVA] = capitalised[FEES_IVA]! + net.fees.iva - net.fees.paidIva;
  }
  let periodDays = 0;
  let previous = day;
  for (const row of schedule.installments) {
    const due = toDayNumber(row.dueDate);
    if (due - previous > periodDays) periodDays = due - previous;
    previous = due;
  }
  const d = ledger.decimals;
  return Object.freeze({
    date: formatIsoDate(day),
    principal: formatMoney(principal, d),
    capitalised: amountsView(capitalised, d),
    creditApplied: formatMoney(ledger.credit, d),
    firstInstallment,
    periodDays,
    singlePayment: schedule.installments.length === 1,
  });
}
