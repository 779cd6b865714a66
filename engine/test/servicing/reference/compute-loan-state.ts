// Reference copy of the servicing fold as it was before the fast fold (Decimal everywhere, day by day): the
// differential tests check that the engine gives exactly the same states. Not part of the engine.
// loanState: a loan's state on a date as a pure fold over its events, day by day from the
// disbursement: penalties at the start of each day, the day's events, credit, then collection.
import { Dec } from '../../../src/decimal.ts';
import { InvalidInputError } from '../../../src/errors.ts';
import { formatIsoDate, parseIsoDate, toDayNumber } from '../../../src/calendar/iso-date.ts';
import type { CollectionStep, IsoDate, ProductIR } from '../../../src/ir/product-ir.ts';
import type { LoanTerms } from '../../../src/loan-terms/loan-terms.ts';
import { generateSchedule } from '../../../src/schedule/generate-schedule.ts';
import { componentOrder } from './allocation/component-order.ts';
import { applyCredit, applyPayment } from './apply-payment.ts';
import { stopsAccrual } from './collection/collection-stage.ts';
import { fireCollectionActions } from './collection/fire-actions.ts';
import { installmentsOf, isOpen, outstandingOf, roundMoney, type Ledger } from './ledger.ts';
import type { FeeChargedEvent, LoanEvent } from './loan-event.ts';
import type { LoanState } from './loan-state.ts';
import { accruePenalties } from './penalties/accrue-penalties.ts';
import { moratoriumAnnualRate } from './penalties/moratorium.ts';
import { restructure } from './restructure.ts';
import { earnedOf, snapshot } from './snapshot.ts';
import { validateEvents } from './validate-events.ts';

function newLedger(product: ProductIR, terms: LoanTerms): Ledger {
  const schedule = generateSchedule(terms);
  const zero = new Dec(0);
  return {
    product,
    terms,
    decimals: terms.decimals,
    mode: terms.rounding,
    taxRate: new Dec(product.pricing.tax?.rate ?? terms.tax?.rate ?? '0'),
    order: componentOrder(product.allocation),
    installments: installmentsOf(schedule, 0, 1),
    segments: [{ terms, schedule, startDay: toDayNumber(terms.disbursementDate) }],
    credit: zero,
    prepaidPrincipal: zero,
    status: 'active',
    stage: null,
    journal: [Object.freeze({ date: terms.disbursementDate, kind: 'disbursed', amount: schedule.disbursed })],
    allocations: [],
    fired: [],
    firedKeys: new Set(),
    charged: { lateFees: zero, lateFeesIva: zero, moratorium: zero, moratoriumIva: zero },
    closedCharged: { lateFees: zero, lateFeesIva: zero, moratorium: zero, moratoriumIva: zero },
    lastClose: null,
    writtenOff: null,
    writtenOffEarned: null,
    restructures: [],
  };
}

function chargeFee(ledger: Ledger, event: FeeChargedEvent, day: number, path: string): void {
  if (ledger.status === 'paid-off') throw new InvalidInputError([{ path, message: 'the loan is paid off: there is no installment to charge the fee to' }]);
  const target =
    event.installment !== undefined
      ? ledger.installments.find((i) => i.number === event.installment && !i.restructured)
      : ledger.installments.find(isOpen);
  if (target === undefined) throw new InvalidInputError([{ path: `${path}.installment`, message: `no open installment ${event.installment ?? ''} to charge the fee to`.replace('  ', ' ') }]);
  const amount = new Dec(event.amount);
  const taxable = event.taxable ?? ledger.product.pricing.tax?.on.includes('fees') ?? false;
  const iva = taxable ? roundMoney(ledger, amount.times(ledger.taxRate)) : new Dec(0);
  target.due.fees = target.due.fees.plus(amount);
  target.due.feesIva = target.due.feesIva.plus(iva);
  target.chargedFees = target.chargedFees.plus(amount);
  target.chargedFeesIva = target.chargedFeesIva.plus(iva);
  target.settledDay = null;
  const s = ledger.decimals;
  ledger.journal.push(Object.freeze({ date: formatIsoDate(day), kind: 'fee-charged', installment: target.number, name: event.name, amount: amount.toFixed(s), iva: iva.toFixed(s) }));
}

function dayClose(ledger: Ledger, date: string): void {
  const s = ledger.decimals;
  const c = ledger.charged;
  const p = ledger.closedCharged;
  ledger.journal.push(Object.freeze({
    date,
    kind: 'day-close',
    lateFees: c.lateFees.minus(p.lateFees).toFixed(s),
    lateFeesIva: c.lateFeesIva.minus(p.lateFeesIva).toFixed(s),
    moratorium: c.moratorium.minus(p.moratorium).toFixed(s),
    moratoriumIva: c.moratoriumIva.minus(p.moratoriumIva).toFixed(s),
  }));
  ledger.closedCharged = { ...c };
  ledger.lastClose = date;
}

function writeOff(ledger: Ledger, date: string): void {
  // What it had earned on the day stays its earned figure (a fee charged later is not earned).
  ledger.writtenOffEarned = earnedOf(ledger, toDayNumber(date));
  let total = new Dec(0);
  for (const inst of ledger.installments) total = total.plus(outstandingOf(inst));
  ledger.status = 'written-off';
  ledger.stage = null;
  ledger.writtenOff = Object.freeze({ date, amount: total.toFixed(ledger.decimals) });
  ledger.journal.push(Object.freeze({ date, kind: 'written-off', amount: ledger.writtenOff.amount }));
}

/**
 * The state of a loan on `asOf`: a pure fold over its `events` (validated; those after `asOf` are
 * ignored; a reversed payment is left out as if it never happened). Each day from the
 * disbursement: (1) penalties for the day unless the stage stops accrual — moratorium on what was
 * overdue at the start of the day, late fees whose grace ended; (2) the day's events in order;
 * (3) the credit balance to installments falling due; (4) collection: days past due, stage and
 * the actions that fire. Throws InvalidInputError (paths `events[i].…`, `asOf`).
 * @example loanState(ir, terms, [{ kind: 'disbursement', date: '2025-01-06' }, { kind: 'payment', id: 'p1', date: '2025-01-13', amount: '706.46' }], '2025-01-20')
 */
export function loanState(product: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], asOf: IsoDate): LoanState {
  const end = typeof asOf === 'string' ? parseIsoDate(asOf) : undefined;
  if (end === undefined) throw new InvalidInputError([{ path: 'asOf', message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(asOf)}` }]);
  const list = validateEvents(events, terms);
  const start = toDayNumber(terms.disbursementDate);
  if (end < start) throw new InvalidInputError([{ path: 'asOf', message: `must not be before the disbursement date ${terms.disbursementDate}` }]);
  const dayOf = list.map((e) => toDayNumber(e.date));
  const reversed = list.filter((e, i) => e.kind === 'payment-reversal' && dayOf[i]! <= end).map((e) => (e as Extract<LoanEvent, { kind: 'payment-reversal' }>).paymentId);
  const skip = new Set(reversed);

  const ledger = newLedger(product, terms);
  const moratoriumRate = product.penalties.moratorium ? moratoriumAnnualRate(product.penalties.moratorium, new Dec(terms.annualRate)) : null;
  const atSteps = product.collection.filter((s): s is Extract<CollectionStep, { kind: 'at' }> => s.kind === 'at');
  const maxLead = atSteps.reduce((m, s) => Math.max(m, -s.day), 0);
  const penalties = moratoriumRate !== null || product.penalties.lateFee !== undefined;
  let oldest = 0;
  const advance = () => {
    while (oldest < ledger.installments.length && !isOpen(ledger.installments[oldest]!)) oldest++;
  };
  let next = 1;
  for (let day = start; day <= end; day++) {
    advance();
    if (ledger.status === 'active') {
      for (let i = oldest; i < ledger.installments.length; i++) {
        const inst = ledger.installments[i]!;
        if (inst.dueDay > day) break;
        if (inst.dueDay === day && isOpen(inst)) ledger.journal.push(Object.freeze({ date: inst.dueDate, kind: 'installment-due', installment: inst.number, amount: outstandingOf(inst).toFixed(ledger.decimals) }));
      }
      if (penalties && day > start && !stopsAccrual(ledger.stage)) accruePenalties(ledger, day, moratoriumRate, oldest);
    }
    for (; next < list.length && dayOf[next] === day; next++) {
      const event = list[next]!;
      const path = `events[${next}]`;
      switch (event.kind) {
        case 'payment':
          if (!skip.has(event.id)) applyPayment(ledger, day, event.id, new Dec(event.amount));
          break;
        case 'fee-charged':
          chargeFee(ledger, event, day, path);
          break;
        case 'day-close':
          dayClose(ledger, event.date);
          break;
        case 'restructure':
          if (ledger.status !== 'active') throw new InvalidInputError([{ path, message: `only an active loan can be restructured; this one is ${ledger.status}` }]);
          restructure(ledger, event, day, path);
          break;
        case 'write-off':
          if (ledger.status !== 'active') throw new InvalidInputError([{ path, message: `only an active loan can be written off; this one is ${ledger.status}` }]);
          writeOff(ledger, event.date);
          break;
        case 'payment-reversal':
        case 'disbursement':
          break;
      }
      oldest = 0;
      advance();
    }
    applyCredit(ledger, day);
    if (ledger.status === 'active') {
      advance();
      fireCollectionActions(ledger, day, oldest < ledger.installments.length ? oldest : -1, atSteps, maxLead);
    }
  }
  return snapshot(ledger, end, reversed);
}
