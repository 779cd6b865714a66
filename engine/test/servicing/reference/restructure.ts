// Restructuring (reestructura): everything owed on the day becomes the principal of a new
// schedule under the loan's pricing; the open installments are closed into it.
import { Dec } from '../../../src/decimal.ts';
import { InvalidInputError } from '../../../src/errors.ts';
import { formatIsoDate, toDayNumber } from '../../../src/calendar/iso-date.ts';
import { parseLoanTerms } from '../../../src/loan-terms/parse-loan-terms.ts';
import { generateSchedule } from '../../../src/schedule/generate-schedule.ts';
import { COMPONENTS, type Restructuring } from './loan-state.ts';
import type { RestructureEvent } from './loan-event.ts';
import { installmentsOf, zeroAmounts, type Ledger } from './ledger.ts';
import { settlement } from './settlement.ts';

/**
 * Restructures on `day`: the settlement amount (principal, interest accrued to the day, fees,
 * penalties and IVA, less the credit balance) is the new principal, at the event's rate (default
 * the loan's), frequency and first due date, with the loan's method, basis, rounding, IVA and
 * business days, without one-time fees. Installments already due or partly paid are closed
 * (`restructured`); untouched future ones are dropped. `path` prefixes field errors.
 */
export function restructure(ledger: Ledger, event: RestructureEvent, day: number, path: string): void {
  const s = settlement(ledger, day);
  const principal = s.gross.minus(ledger.credit);
  if (principal.lte(0)) throw new InvalidInputError([{ path, message: 'nothing is owed on this date: there is nothing to restructure' }]);
  const last = ledger.segments[ledger.segments.length - 1]!.terms;
  const base = ledger.terms;
  const json: Record<string, unknown> = {
    principal: principal.toFixed(base.decimals),
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
    if (error instanceof InvalidInputError) throw new InvalidInputError(error.issues.map((i) => ({ path: `${path}.${i.path === 'principal' ? 'date' : i.path}`, message: i.message })));
    throw error;
  }
  // What it capitalises, by component: the open installments due in full, the current period's
  // netted interest and fees beyond what was paid ahead; principal: the outstanding principal.
  const capitalised = zeroAmounts();
  for (const inst of s.overdue) for (const c of COMPONENTS) capitalised[c] = capitalised[c].plus(inst.due[c].minus(inst.paid[c]));
  capitalised.principal = s.principal;
  if (s.currentNet !== null) {
    const { interest, fees } = s.currentNet;
    capitalised.interest = capitalised.interest.plus(interest.base).minus(interest.paidBase);
    capitalised.interestIva = capitalised.interestIva.plus(interest.iva).minus(interest.paidIva);
    capitalised.fees = capitalised.fees.plus(fees.base).minus(fees.paidBase);
    capitalised.feesIva = capitalised.feesIva.plus(fees.iva).minus(fees.paidIva);
  }
  const dueDays = [day, ...schedule.installments.map((row) => toDayNumber(row.dueDate))];
  const total = COMPONENTS.reduce((sum, c) => sum.plus(capitalised[c]), new Dec(0));
  const view = Object.fromEntries([...COMPONENTS.map((c) => [c, capitalised[c].toFixed(base.decimals)]), ['total', total.toFixed(base.decimals)]]);
  const kept = [];
  for (const inst of ledger.installments) {
    const touched = COMPONENTS.some((c) => !inst.paid[c].isZero());
    if (inst.settledDay !== null || inst.restructured) kept.push(inst);
    else if (inst.dueDay <= day || touched) {
      for (const c of COMPONENTS) inst.due[c] = inst.paid[c];
      inst.restructured = true;
      kept.push(inst);
    }
  }
  const lastNumber = ledger.installments.reduce((n, i) => Math.max(n, i.number), 0);
  ledger.restructures.push(Object.freeze({
    date: formatIsoDate(day),
    principal: principal.toFixed(base.decimals),
    capitalised: Object.freeze(view) as Restructuring['capitalised'],
    creditApplied: ledger.credit.toFixed(base.decimals),
    firstInstallment: lastNumber + 1,
    periodDays: Math.max(...dueDays.slice(1).map((d, k) => d - dueDays[k]!)),
    singlePayment: schedule.installments.length === 1,
  }));
  const segment = ledger.segments.push({ terms, schedule, startDay: day }) - 1;
  // Kept by due day so the daily scans can stop at the first installment not yet due.
  ledger.installments = [...kept, ...installmentsOf(schedule, segment, lastNumber + 1)].sort((a, b) => a.dueDay - b.dueDay);
  ledger.credit = new Dec(0);
  ledger.journal.push(Object.freeze({ date: formatIsoDate(day), kind: 'restructured', principal: principal.toFixed(base.decimals), installments: schedule.installments.length }));
}
