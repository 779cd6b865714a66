// loanState: a loan's state on a date as a pure fold over its events, day by day from the
// disbursement: penalties at the start of each day, the day's events, credit, then collection.
// The same fold resumes from a checkpoint (checkpoint.ts).
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import { formatIsoDate, parseIsoDate, toDayNumber } from '../calendar/iso-date.ts';
import type { CollectionStep, IsoDate, ProductIR } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { componentOrder } from './allocation/component-order.ts';
import { applyCredit, applyPayment } from './apply-payment.ts';
import { stopsAccrual } from './collection/collection-stage.ts';
import { fireCollectionActions } from './collection/fire-actions.ts';
import { addDue, FEES, FEES_IVA, installmentsOf, isOpen, outstandingOf, totals, type Ledger, type WorkInstallment } from './ledger.ts';
import type { FeeChargedEvent, LoanEvent } from './loan-event.ts';
import { COMPONENTS, type LoanState } from './loan-state.ts';
import { formatMoney, parseMoney, scaledOf, scaledOfDec, timesRate, type Scaled } from './money.ts';
import { accruePenalties } from './penalties/accrue-penalties.ts';
import { earnedAmounts } from './books-facts.ts';
import { moratoriumAnnualRate } from './penalties/moratorium.ts';
import { restructure } from './restructure.ts';
import { snapshot } from './snapshot.ts';
import { validateEvents } from './validate-events.ts';

/** The pricing facts every ledger of a product and loan shares. */
export function ledgerBasics(product: ProductIR, terms: LoanTerms): Pick<Ledger, 'product' | 'terms' | 'decimals' | 'mode' | 'taxRate' | 'order' | 'moratoriumRate' | 'moratoriumScale'> {
  const rule = product.penalties.moratorium;
  const moratoriumRate: Scaled | null = rule ? scaledOfDec(moratoriumAnnualRate(rule, new Dec(terms.annualRate))) : null;
  return {
    product,
    terms,
    decimals: terms.decimals,
    mode: terms.rounding,
    taxRate: scaledOf(product.pricing.tax?.rate ?? terms.tax?.rate ?? '0'),
    order: componentOrder(product.allocation).map((c) => COMPONENTS.indexOf(c)),
    moratoriumRate,
    moratoriumScale: terms.decimals + (moratoriumRate?.e ?? 0),
  };
}

/** The ledger of a loan just disbursed. */
export function newLedger(product: ProductIR, terms: LoanTerms): Ledger {
  const schedule = generateSchedule(terms);
  const basics = ledgerBasics(product, terms);
  return {
    product: basics.product,
    terms: basics.terms,
    decimals: basics.decimals,
    mode: basics.mode,
    taxRate: basics.taxRate,
    order: basics.order,
    moratoriumRate: basics.moratoriumRate,
    moratoriumScale: basics.moratoriumScale,
    installments: installmentsOf(basics, schedule, 0, 1),
    segments: [{ terms, schedule, startDay: toDayNumber(terms.disbursementDate), accrual: null, record: null }],
    credit: 0n,
    prepaidPrincipal: 0n,
    status: 'active',
    stage: null,
    base: null,
    basePrepaid: 0n,
    journal: [Object.freeze({ date: terms.disbursementDate, kind: 'disbursed', amount: schedule.disbursed })],
    allocations: [],
    fired: [],
    firedKeys: new Set(),
    firedBefore: null,
    charged: { lateFees: 0n, lateFeesIva: 0n, moratorium: 0n, moratoriumIva: 0n },
    closedCharged: { lateFees: 0n, lateFeesIva: 0n, moratorium: 0n, moratoriumIva: 0n },
    lastClose: null,
    writtenOff: null,
    writtenOffEarned: null,
    restructures: Object.freeze([]),
    totals: null,
    listReplaced: false,
    amountsChanged: true,
    openFrom: 0,
  };
}

function chargeFee(ledger: Ledger, event: FeeChargedEvent, day: number, path: string): void {
  if (ledger.status === 'paid-off') throw new InvalidInputError([{ path, message: 'the loan is paid off: there is no installment to charge the fee to' }]);
  const target: WorkInstallment | undefined =
    event.installment !== undefined
      ? ledger.installments.find((i) => i.number === event.installment && !i.restructured)
      : ledger.installments.find(isOpen);
  if (target === undefined) throw new InvalidInputError([{ path: `${path}.installment`, message: `no open installment ${event.installment ?? ''} to charge the fee to`.replace('  ', ' ') }]);
  const s = ledger.decimals;
  const amount = parseMoney(event.amount, s);
  const taxable = event.taxable ?? ledger.product.pricing.tax?.on.includes('fees') ?? false;
  const iva = taxable ? timesRate(amount, ledger.taxRate, ledger.mode) : 0n;
  totals(ledger);
  addDue(ledger, target, FEES, amount);
  addDue(ledger, target, FEES_IVA, iva);
  target.chargedFees = target.chargedFees + amount;
  target.chargedFeesIva = target.chargedFeesIva + iva;
  target.paidOn = null;
  target.dirty = true;
  ledger.openFrom = 0;
  ledger.journal.push(Object.freeze({ date: formatIsoDate(day), kind: 'fee-charged', installment: target.number, name: event.name, amount: formatMoney(amount, s), iva: formatMoney(iva, s) }));
}

function dayClose(ledger: Ledger, date: string): void {
  const s = ledger.decimals;
  const c = ledger.charged;
  const p = ledger.closedCharged;
  ledger.journal.push(Object.freeze({
    date,
    kind: 'day-close',
    lateFees: formatMoney(c.lateFees - p.lateFees, s),
    lateFeesIva: formatMoney(c.lateFeesIva - p.lateFeesIva, s),
    moratorium: formatMoney(c.moratorium - p.moratorium, s),
    moratoriumIva: formatMoney(c.moratoriumIva - p.moratoriumIva, s),
  }));
  ledger.closedCharged = { ...c };
  ledger.lastClose = date;
}

function writeOff(ledger: Ledger, date: string, day: number): void {
  ledger.writtenOffEarned = earnedAmounts(ledger, day, null);
  const t = totals(ledger);
  let total = 0n;
  for (let c = 0; c < t.due.length; c++) total += t.due[c]! - t.paid[c]!;
  ledger.status = 'written-off';
  ledger.stage = null;
  ledger.writtenOff = Object.freeze({ date, amount: formatMoney(total, ledger.decimals) });
  ledger.journal.push(Object.freeze({ date, kind: 'written-off', amount: ledger.writtenOff.amount }));
}

/** The index of the first open installment at or after `from` (the list's length if none). */
function firstOpen(list: readonly WorkInstallment[], from: number): number {
  let i = from;
  while (i < list.length && !isOpen(list[i]!)) i++;
  return i;
}

/** The events of a fold with their day numbers and the payments reversed by then. */
export interface FoldEvents {
  readonly list: readonly LoanEvent[];
  readonly dayOf: readonly number[];
  readonly skip: ReadonlySet<string>;
  /** Added to an event's index in `list` to name it in error paths (`events[i]`). */
  readonly pathOffset: number;
}

/**
 * Runs the days `from`..`to` over `ledger`, consuming `events.list[1..]` by day (the first event,
 * the disbursement, is the ledger itself). Each day: (1) penalties unless the stage stops accrual
 * (never on the disbursement day); (2) the day's events in order; (3) the credit balance to
 * installments falling due; (4) collection.
 */
export function foldDays(ledger: Ledger, events: FoldEvents, from: number, to: number): void {
  const { list, dayOf, skip, pathOffset } = events;
  const product = ledger.product;
  const start = toDayNumber(ledger.terms.disbursementDate);
  const atSteps = product.collection.filter((s): s is Extract<CollectionStep, { kind: 'at' }> => s.kind === 'at');
  const maxLead = atSteps.reduce((m, s) => Math.max(m, -s.day), 0);
  const penalties = ledger.moratoriumRate !== null || product.penalties.lateFee !== undefined;
  const s = ledger.decimals;
  let oldest = 0;
  let next = 1;
  while (next < list.length && dayOf[next]! < from) next++;
  for (let day = from; day <= to; day++) {
    oldest = firstOpen(ledger.installments, oldest);
    if (ledger.status === 'active') {
      const insts = ledger.installments;
      for (let i = oldest; i < insts.length; i++) {
        const inst = insts[i]!;
        if (inst.dueDay > day) break;
        if (inst.dueDay === day && isOpen(inst)) ledger.journal.push(Object.freeze({ date: inst.dueDate, kind: 'installment-due', installment: inst.number, amount: formatMoney(outstandingOf(inst), s) }));
      }
      if (penalties && day > start && !stopsAccrual(ledger.stage)) accruePenalties(ledger, day, oldest);
    }
    for (; next < list.length && dayOf[next] === day; next++) {
      const event = list[next]!;
      const path = `events[${next + pathOffset}]`;
      switch (event.kind) {
        case 'payment':
          if (!skip.has(event.id)) applyPayment(ledger, day, event.id, parseMoney(event.amount, s), `${path}.amount`);
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
          writeOff(ledger, event.date, day);
          break;
        case 'payment-reversal':
        case 'disbursement':
          break;
      }
      oldest = firstOpen(ledger.installments, 0);
    }
    applyCredit(ledger, day);
    if (ledger.status === 'active') {
      oldest = firstOpen(ledger.installments, oldest);
      fireCollectionActions(ledger, day, oldest < ledger.installments.length ? oldest : -1, atSteps, maxLead);
    }
  }
}

/** Parses `asOf` or throws the InvalidInputError of path `asOf`. */
export function asOfDay(asOf: unknown): number {
  const end = typeof asOf === 'string' ? parseIsoDate(asOf) : undefined;
  if (end === undefined) throw new InvalidInputError([{ path: 'asOf', message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(asOf)}` }]);
  return end;
}

/** A fold from the disbursement through `asOf`: the validated events by day, the reversed payments (left out), the first and last day. */
export function foldPlan(terms: LoanTerms, events: readonly LoanEvent[], asOf: IsoDate): { fold: FoldEvents; start: number; end: number; reversed: string[] } {
  const end = asOfDay(asOf);
  const list = validateEvents(events, terms);
  const start = toDayNumber(terms.disbursementDate);
  if (end < start) throw new InvalidInputError([{ path: 'asOf', message: `must not be before the disbursement date ${terms.disbursementDate}` }]);
  const dayOf = list.map((e) => toDayNumber(e.date));
  const reversed = list.filter((e, i) => e.kind === 'payment-reversal' && dayOf[i]! <= end).map((e) => (e as Extract<LoanEvent, { kind: 'payment-reversal' }>).paymentId);
  return { fold: { list, dayOf, skip: new Set(reversed), pathOffset: 0 }, start, end, reversed };
}

/** The ledger folded from the disbursement through `asOf` over all `events`, and the reversed payments. */
export function foldFromStart(product: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], asOf: IsoDate): { ledger: Ledger; end: number; reversed: string[] } {
  const { fold, start, end, reversed } = foldPlan(terms, events, asOf);
  const ledger = newLedger(product, terms);
  foldDays(ledger, fold, start, end);
  return { ledger, end, reversed };
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
  const { ledger, end, reversed } = foldFromStart(product, terms, events, asOf);
  return snapshot(ledger, end, reversed);
}
