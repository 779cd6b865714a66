// The compact servicing checkpoint (format version 2) and the end of day's hot path. A compact
// checkpoint keeps only what the fold needs to go on — no journal, no allocations, no installment
// views: installments as short tokens of scaled integers, the accrual table of the periods still
// to come, totals, penalties, and the collection steps fired as ranges — about 1–2 KiB where the
// version 1 checkpoint (the whole LoanState) takes ~95 KiB. closeDay folds one more day from it
// and returns the new checkpoint, a portfolio summary and the day's journal lines.
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import { formatIsoDate, toDayNumber } from '../calendar/iso-date.ts';
import type { DecimalString, IsoDate, ProductIR } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { packAccrual } from './accrual.ts';
import { agingBucket } from './aging-bucket.ts';
import { stopsAccrual, type StageStep } from './collection/collection-stage.ts';
import { asOfDay, foldDays, foldFromStart, ledgerBasics } from './compute-loan-state.ts';
import { CheckpointConflictError, checkSpan, ledgerOfCheckpoint, validateAfterDisbursement, type ServicingCheckpoint } from './checkpoint.ts';
import { accrualOf, COMPONENT_COUNT, isOpen, packedAccrualOf, totals, WorkInstallment, type Amounts, type Charged, type Ledger, type Segment } from './ledger.ts';
import type { LoanEvent } from './loan-event.ts';
import type { AgingBucket, BooksFacts, FiredAction, JournalEntry, LoanState, LoanStatus, Restructuring } from './loan-state.ts';
import { formatMoney } from './money.ts';
import { packAmounts } from './packed-amounts.ts';
import { rangeNumbers, toRanges } from './ranges.ts';
import { booksFactsOf } from './books-facts.ts';
import { settlement, type Settlement } from './settlement.ts';
import { snapshot } from './snapshot.ts';

export const COMPACT_CHECKPOINT_VERSION = 2;

/**
 * What the servicing fold needs to go on after `asOf`, and nothing else. Plain JSON (store it as
 * JSON.stringify gives it). Amounts are scaled integers at the loan's currency scale written as
 * digits ("70652" is 706.52 at 2 decimals), zeros left out. Produced by the engine, read back by it:
 * not meant to be edited.
 */
export interface CompactCheckpoint {
  readonly v: typeof COMPACT_CHECKPOINT_VERSION;
  /** The content hash of the product it was folded under. */
  readonly product: string;
  readonly asOf: IsoDate;
  /** The loan's disbursement date (checked against the terms). */
  readonly disbursed: IsoDate;
  /** Omitted while active. */
  readonly status?: Exclude<LoanStatus, 'active'>;
  /** The collection stage in force, omitted when none. */
  readonly stage?: string;
  readonly credit?: string;
  /** Principal prepaid beyond the installments (reduce-term / reduce-installment). */
  readonly prepaid?: string;
  /** Penalties charged to date: lateFees,lateFeesIva,moratorium,moratoriumIva. */
  readonly charged?: string;
  /** The same, up to the last day close, when it differs from `charged`. */
  readonly closed?: string;
  readonly lastClose?: IsoDate;
  readonly writtenOff?: { readonly date: IsoDate; readonly amount: DecimalString };
  /** Σ due and Σ paid of every installment by component: "due…|paid…". */
  readonly totals: string;
  /** Per collection step (`at -3`, `stage temprana`), the installments it fired for, as ranges "1-20,22". */
  readonly fired?: Readonly<Record<string, string>>;
  /** Per schedule segment (the original first): `startDay|` and its accrual table from the current period. */
  readonly segments: readonly string[];
  /** What the loan had earned on its write-off date, by component (as `totals`' parts), present once written off. */
  readonly writtenOffEarned?: string;
  /** Every restructure (LoanState.restructures), present once the loan was restructured. */
  readonly restructures?: readonly Restructuring[];
  /** Per segment its terms (null: the loan's own), present once the schedule was re-solved or restructured. */
  readonly segmentTerms?: readonly (LoanTerms | null)[];
  /**
   * Per installment a token: head (due-day step from the previous one, then `n`umber, `s`egment when
   * not the previous + 1 / the same, `p`aid and `l`ate-fee day relative to the due day, `r`estructured)
   * and amounts (see packed-amounts.ts): "7p0|57268,11538,1846|=" is paid in full on its due date.
   */
  readonly installments: readonly string[];
}

/** What a portfolio row needs of a loan on a date; amounts as decimal strings at the currency scale. */
export interface LoanSummary {
  readonly asOf: IsoDate;
  readonly status: LoanStatus;
  readonly daysPastDue: number;
  readonly agingBucket: AgingBucket;
  readonly stage: string | null;
  readonly accrualStopped: boolean;
  /** Everything the schedule still owes: iva is the IVA of every base, penalties late fees + moratorium. */
  readonly outstanding: {
    readonly principal: DecimalString;
    readonly interest: DecimalString;
    readonly iva: DecimalString;
    readonly fees: DecimalString;
    readonly penalties: DecimalString;
    readonly total: DecimalString;
  };
  /** Outstanding of the installments due on or before asOf. */
  readonly overdue: DecimalString;
  /** The first open installment due on or after asOf: its date and what it still owes. */
  readonly nextDue: { readonly date: IsoDate; readonly amount: DecimalString } | null;
  /** The payoff total (net of the credit balance). */
  readonly payoff: DecimalString;
  readonly creditBalance: DecimalString;
}

/** What closeDay returns. */
export interface ClosedDay {
  readonly checkpoint: CompactCheckpoint;
  readonly summary: LoanSummary;
  /** The journal lines of the day(s) folded (installments due, payments, late fees, moratorium, stage changes, actions, the day close) — what loanState's journal has for those days. */
  readonly postings: readonly JournalEntry[];
  /** The actions that fire on the date. */
  readonly actions: readonly FiredAction[];
  /** The stage changed (from the checkpoint's to the date's). */
  readonly stageChange?: { readonly from: string | null; readonly to: string | null };
  /** What the regulatory books read of the loan on the date (booksOn's input, as loanState's state gives it); made when first read. */
  readonly booksFacts: BooksFacts;
}

/** What advanceLoan returns from a compact checkpoint. */
export interface AdvancedCompactLoan {
  /** loanState's result, except its history lists (journal, allocations, firedActions, reversedPayments), which hold what this call added. */
  readonly state: LoanState;
  readonly checkpoint: CompactCheckpoint;
}

export function isCompactCheckpoint(x: unknown): x is CompactCheckpoint {
  return typeof x === 'object' && x !== null && (x as { v?: unknown }).v === COMPACT_CHECKPOINT_VERSION;
}

// ---- encoding ----

function intList(xs: readonly bigint[]): string {
  let n = xs.length;
  while (n > 0 && xs[n - 1] === 0n) n--;
  let out = '';
  for (let i = 0; i < n; i++) out += (i > 0 ? ',' : '') + (xs[i] === 0n ? '' : xs[i]!.toString());
  return out;
}

function readInts(text: string, n: number): bigint[] {
  const out: bigint[] = new Array<bigint>(n).fill(0n);
  if (text === '') return out;
  const parts = text.split(',');
  for (let i = 0; i < parts.length && i < n; i++) if (parts[i] !== '') out[i] = BigInt(parts[i]!);
  return out;
}

const chargedList = (c: Charged) => intList([c.lateFees, c.lateFeesIva, c.moratorium, c.moratoriumIva]);

function readCharged(text: string | undefined): Charged {
  const [lateFees, lateFeesIva, moratorium, moratoriumIva] = readInts(text ?? '', 4) as [bigint, bigint, bigint, bigint];
  return { lateFees, lateFeesIva, moratorium, moratoriumIva };
}

/** The context a token's head is relative to: the previous installment's due day, number and segment. */
function contextOf(dueDay: number, number: number, segment: number): number {
  return number < 65536 && segment < 1024 ? (dueDay * 65536 + number) * 1024 + segment : Number.NaN;
}

function packInstallment(inst: WorkInstallment, prevDue: number, prevNumber: number, prevSegment: number): string {
  let head = String(inst.dueDay - prevDue);
  if (inst.number !== prevNumber + 1) head += `n${inst.number}`;
  if (inst.segment !== prevSegment) head += `s${inst.segment}`;
  if (inst.settled) head += `p${inst.paidDay - inst.dueDay}`;
  if (inst.lateFeeOn !== null) head += `l${toDayNumber(inst.lateFeeOn) - inst.dueDay}`;
  if (inst.restructured) head += 'r';
  return head + packAmounts(inst.due, inst.paid, inst.chargedFees, inst.chargedFeesIva, inst.moratoriumNumerator, inst.scheduledTotal);
}

/** The first period of the table whose due day is after `day`. */
function firstPeriodAfter(dueDays: readonly number[], from: number, day: number): number {
  let k = from;
  while (k < dueDays.length && dueDays[k]! <= day) k++;
  return k;
}

function packSegment(seg: Segment, day: number, s: number): string {
  if (seg.packed != null && seg.accrual === null && seg.schedule === null) {
    const table = packedAccrualOf(seg);
    const from = firstPeriodAfter(table.dueDays, table.from, day);
    if (from === seg.packedFrom) return seg.packed;
    seg.packedFrom = from;
    return (seg.packed = `${seg.startDay}|${packAccrual(table, from, s)}`);
  }
  const table = accrualOf(seg);
  const from = firstPeriodAfter(table.dueDays, 0, day);
  if (seg.packed != null && from === seg.packedFrom) return seg.packed;
  seg.packedFrom = from;
  return (seg.packed = `${seg.startDay}|${packAccrual(table, from, s)}`);
}

/** The compact checkpoint of `ledger` after `day`; `input` (the checkpoint it resumed from) lends its unchanged parts. */
function compactOf(ledger: Ledger, day: number, input: CompactCheckpoint | null, firedBefore: Readonly<Record<string, string>> | undefined = input?.fired): CompactCheckpoint {
  const s = ledger.decimals;
  const list = ledger.installments;
  const tokens = new Array<string>(list.length);
  let prevDue = toDayNumber(ledger.terms.disbursementDate);
  let prevNumber = 0;
  let prevSegment = 0;
  for (let i = 0; i < list.length; i++) {
    const inst = list[i]!;
    const context = contextOf(prevDue, prevNumber, prevSegment);
    tokens[i] = !inst.dirty && inst.packed !== null && inst.packedContext === context ? inst.packed : packInstallment(inst, prevDue, prevNumber, prevSegment);
    prevDue = inst.dueDay;
    prevNumber = inst.number;
    prevSegment = inst.segment;
  }
  let totalsText: string;
  if (input !== null && !ledger.amountsChanged) totalsText = input.totals;
  else {
    const t = totals(ledger);
    totalsText = `${intList(t.due)}|${intList(t.paid)}`;
  }
  let fired = firedBefore;
  if (ledger.fired.length > 0) {
    const byStep = new Map<string, number[]>();
    for (const [step, text] of Object.entries(fired ?? {})) byStep.set(step, rangeNumbers(text));
    for (const f of ledger.fired) {
      const numbers = byStep.get(f.step) ?? [];
      numbers.push(f.installment);
      byStep.set(f.step, numbers);
    }
    fired = Object.fromEntries([...byStep].map(([step, numbers]) => [step, toRanges(numbers)]));
  }
  const segments = ledger.segments.map((seg) => packSegment(seg, day, s));
  const charged = chargedList(ledger.charged);
  const closed = chargedList(ledger.closedCharged);
  const out: { -readonly [K in keyof CompactCheckpoint]: CompactCheckpoint[K] } = {
    v: COMPACT_CHECKPOINT_VERSION,
    product: ledger.product.hash,
    asOf: formatIsoDate(day),
    disbursed: ledger.terms.disbursementDate,
    totals: totalsText,
    segments,
    installments: tokens,
  };
  if (ledger.status !== 'active') out.status = ledger.status;
  if (ledger.stage !== null) out.stage = ledger.stage.stage;
  if (ledger.credit !== 0n) out.credit = ledger.credit.toString();
  if (ledger.prepaidPrincipal !== 0n) out.prepaid = ledger.prepaidPrincipal.toString();
  if (charged !== '') out.charged = charged;
  if (closed !== charged) out.closed = closed;
  if (ledger.lastClose !== null) out.lastClose = ledger.lastClose;
  if (ledger.writtenOff !== null) out.writtenOff = ledger.writtenOff;
  if (fired !== undefined && Object.keys(fired).length > 0) out.fired = fired;
  if (ledger.writtenOffEarned !== null) out.writtenOffEarned = intList(ledger.writtenOffEarned);
  if (ledger.restructures.length > 0) out.restructures = ledger.restructures;
  if (ledger.segments.length > 1) out.segmentTerms = ledger.segments.map((seg, i) => (i === 0 ? null : seg.terms));
  return out;
}

// ---- decoding ----

function mismatch(message: string): InvalidInputError {
  return new InvalidInputError([{ path: 'checkpoint', message }]);
}

/** Reads a signed integer of `token` at `at`; returns it and where it ended. */
function readInt(token: string, at: number): [number, number] {
  let i = at;
  let neg = false;
  if (token.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  let v = 0;
  for (let c = token.charCodeAt(i); c >= 48 && c <= 57; c = token.charCodeAt(++i)) v = v * 10 + (c - 48);
  return [neg ? -v : v, i];
}

/** The working ledger of a compact checkpoint: installments are read lazily from their tokens. */
function ledgerOfCompact(product: ProductIR, terms: LoanTerms, cp: CompactCheckpoint): Ledger {
  if (!isCompactCheckpoint(cp)) throw mismatch(`must be a compact servicing checkpoint of version ${COMPACT_CHECKPOINT_VERSION}`);
  if (cp.product !== product.hash) throw mismatch(`was folded under product ${cp.product}, not ${product.hash}`);
  if (cp.disbursed !== terms.disbursementDate || !Array.isArray(cp.installments) || !Array.isArray(cp.segments) || typeof cp.totals !== 'string') throw mismatch('was folded for other loan terms');
  const basics = ledgerBasics(product, terms);
  const s = basics.decimals;
  let stage: StageStep | null = null;
  if (cp.stage !== undefined) {
    stage = product.collection.find((step): step is StageStep => step.kind === 'stage' && step.stage === cp.stage) ?? null;
    if (stage === null) throw mismatch(`names the stage \`${cp.stage}\`, which the product does not have`);
  }
  const tokens = cp.installments;
  const installments = new Array<WorkInstallment>(tokens.length);
  let prevDue = toDayNumber(terms.disbursementDate);
  let prevNumber = 0;
  let prevSegment = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let [step, at] = readInt(token, 0);
    const dueDay = prevDue + step;
    let number = prevNumber + 1;
    let segment = prevSegment;
    let paidDay = -1;
    let lateFeeOn: string | null = null;
    let restructured = false;
    while (at < token.length && token.charCodeAt(at) !== 124) {
      const flag = token[at]!;
      if (flag === 'r') {
        restructured = true;
        at++;
        continue;
      }
      [step, at] = readInt(token, at + 1);
      if (flag === 'n') number = step;
      else if (flag === 's') segment = step;
      else if (flag === 'p') paidDay = dueDay + step;
      else if (flag === 'l') lateFeeOn = formatIsoDate(dueDay + step);
      else throw mismatch(`has an unreadable installment token ${JSON.stringify(token)}`);
    }
    installments[i] = new WorkInstallment(number, dueDay, null, segment, s, basics.moratoriumScale, null, null, null).fromPacked(token, contextOf(prevDue, prevNumber, prevSegment), paidDay, lateFeeOn, restructured);
    prevDue = dueDay;
    prevNumber = number;
    prevSegment = segment;
  }
  const segments: Segment[] = cp.segments.map((text, i) => {
    const bar = text.indexOf('|');
    const from = Number(text.split('|', 5)[3]);
    return { terms: cp.segmentTerms?.[i] ?? terms, startDay: Number(text.slice(0, bar)), accrual: null, schedule: null, record: null, packedAccrual: null, packed: text, packedFrom: from };
  });
  const bar = cp.totals.indexOf('|');
  const ledgerTotals: { due: Amounts; paid: Amounts } = { due: readInts(cp.totals.slice(0, bar), COMPONENT_COUNT), paid: readInts(cp.totals.slice(bar + 1), COMPONENT_COUNT) };
  const charged = readCharged(cp.charged);
  const prepaid = cp.prepaid === undefined ? 0n : BigInt(cp.prepaid);
  return {
    product: basics.product,
    terms: basics.terms,
    decimals: basics.decimals,
    mode: basics.mode,
    taxRate: basics.taxRate,
    order: basics.order,
    moratoriumRate: basics.moratoriumRate,
    moratoriumScale: basics.moratoriumScale,
    installments,
    segments,
    credit: cp.credit === undefined ? 0n : BigInt(cp.credit),
    prepaidPrincipal: prepaid,
    status: cp.status ?? 'active',
    stage,
    base: null,
    basePrepaid: prepaid,
    journal: [],
    allocations: [],
    fired: [],
    firedKeys: new Set(),
    firedBefore: cp.fired ?? null,
    charged,
    closedCharged: cp.closed === undefined ? { ...charged } : readCharged(cp.closed),
    lastClose: cp.lastClose ?? null,
    writtenOff: cp.writtenOff ?? null,
    writtenOffEarned: cp.writtenOffEarned === undefined ? null : readInts(cp.writtenOffEarned, COMPONENT_COUNT),
    restructures: cp.restructures ?? Object.freeze([]),
    totals: ledgerTotals,
    listReplaced: false,
    amountsChanged: false,
    openFrom: 0,
  };
}

// ---- the summary ----

function outstandingSummary(due: Amounts, paid: Amounts, s: number): LoanSummary['outstanding'] {
  const o = (c: number) => due[c]! - paid[c]!;
  const principal = o(0);
  const interest = o(1);
  const iva = o(2) + o(4) + o(6) + o(8);
  const fees = o(3);
  const penalties = o(5) + o(7);
  return Object.freeze({
    principal: formatMoney(principal, s),
    interest: formatMoney(interest, s),
    iva: formatMoney(iva, s),
    fees: formatMoney(fees, s),
    penalties: formatMoney(penalties, s),
    total: formatMoney(principal + interest + iva + fees + penalties, s),
  });
}

/** The summary of the ledger on `day` (the fold has run through it): what loanSummary gives of its state. */
function summaryOf(ledger: Ledger, day: number, date: IsoDate, q: Settlement | null): LoanSummary {
  const s = ledger.decimals;
  let dpd = 0;
  let overdue = 0n;
  let nextDue: LoanSummary['nextDue'] = null;
  for (const inst of ledger.installments) {
    if (!isOpen(inst)) continue;
    if (inst.dueDay <= day) {
      const d = inst.due;
      const p = inst.paid;
      for (let c = 0; c < COMPONENT_COUNT; c++) overdue += d[c]! - p[c]!;
      if (day - inst.dueDay > dpd) dpd = day - inst.dueDay;
    }
    if (inst.dueDay >= day && nextDue === null) {
      const d = inst.due;
      const p = inst.paid;
      let owed = 0n;
      for (let c = 0; c < COMPONENT_COUNT; c++) owed += d[c]! - p[c]!;
      nextDue = Object.freeze({ date: inst.dueDate, amount: formatMoney(owed, s) });
    }
  }
  const t = totals(ledger);
  const active = ledger.status === 'active';
  let payoff = 0n;
  if (q !== null) {
    const gross = q.gross;
    payoff = gross - (ledger.credit < gross ? ledger.credit : gross);
  }
  return Object.freeze({
    asOf: date,
    status: ledger.status,
    daysPastDue: dpd,
    agingBucket: agingBucket(dpd),
    stage: active ? (ledger.stage?.stage ?? null) : null,
    accrualStopped: ledger.status === 'written-off' || (active && stopsAccrual(ledger.stage)),
    outstanding: outstandingSummary(t.due, t.paid, s),
    overdue: formatMoney(overdue, s),
    nextDue,
    payoff: formatMoney(payoff, s),
    creditBalance: formatMoney(ledger.credit, s),
  });
}

/**
 * What a portfolio row needs of a loan state: status, days past due, aging bucket, stage, the
 * outstanding principal, interest, IVA, fees and penalties, the overdue total, the next installment
 * due (on or after asOf) and what it owes, the payoff total, whether accrual stopped, the credit.
 */
export function loanSummary(state: LoanState): LoanSummary {
  const o = state.outstanding;
  const scale = o.total.includes('.') ? o.total.length - o.total.indexOf('.') - 1 : 0;
  const p = (x: string) => BigInt(x.replace('.', ''));
  const ivaSum = p(o.interestIva) + p(o.feesIva) + p(o.lateFeesIva) + p(o.moratoriumIva);
  const next = state.installments.find((i) => i.status === 'due' || i.status === 'pending');
  return Object.freeze({
    asOf: state.asOf,
    status: state.status,
    daysPastDue: state.daysPastDue,
    agingBucket: state.agingBucket,
    stage: state.stage,
    accrualStopped: state.accrualStopped,
    outstanding: Object.freeze({
      principal: o.principal,
      interest: o.interest,
      iva: formatMoney(ivaSum, scale),
      fees: o.fees,
      penalties: formatMoney(p(o.lateFees) + p(o.moratorium), scale),
      total: o.total,
    }),
    overdue: state.overdue.total,
    nextDue: next === undefined ? null : Object.freeze({ date: next.dueDate, amount: next.outstanding.total }),
    payoff: state.payoff.total,
    creditBalance: state.creditBalance,
  });
}

// ---- the public functions ----

/** The compact checkpoint of a loan after all its `events` through `asOf` (the fold of loanState). */
export function compactCheckpoint(product: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], asOf: IsoDate): CompactCheckpoint {
  const { ledger, end } = foldFromStart(product, terms, events, asOf);
  return compactOf(ledger, end, null);
}

/** A version 1 checkpoint (servicingCheckpoint, advanceLoan) as a compact one: the same fold, to go on from. */
export function toCompactCheckpoint(product: ProductIR, terms: LoanTerms, checkpoint: ServicingCheckpoint): CompactCheckpoint {
  const ledger = ledgerOfCheckpoint(product, terms, checkpoint);
  const byStep = new Map<string, number[]>();
  for (const f of checkpoint.state.firedActions) byStep.set(f.step, [...(byStep.get(f.step) ?? []), f.installment]);
  const fired = Object.fromEntries([...byStep].map(([step, numbers]) => [step, toRanges(numbers)]));
  return compactOf(ledger, toDayNumber(checkpoint.asOf), null, fired);
}

/** Reversals (of payments folded into a compact checkpoint: it keeps no payment ids) are conflicts unless they name a payment of `events`. */
function checkCompactConflicts(cp: CompactCheckpoint, events: readonly LoanEvent[]): void {
  const ids = new Set<string>();
  const conflicts: FieldIssue[] = [];
  events.forEach((e: LoanEvent, i) => {
    if (typeof e !== 'object' || e === null) return;
    if (e.kind === 'payment' && typeof e.id === 'string') ids.add(e.id);
    if (e.kind === 'payment-reversal' && typeof e.paymentId === 'string' && !ids.has(e.paymentId)) {
      conflicts.push({ path: `events[${i}].paymentId`, message: `payment \`${e.paymentId}\` is not among the new events, so it was folded into the checkpoint of ${cp.asOf} (or never made): refold from all the events with loanState` });
    }
  });
  if (conflicts.length > 0) throw new CheckpointConflictError(conflicts);
}

interface CompactFold {
  readonly ledger: Ledger;
  readonly end: number;
  readonly reversed: string[];
}

/** Folds `newEvents` (validated: after the checkpoint, not after asOf) from the compact checkpoint through asOf. */
function foldCompact(product: ProductIR, terms: LoanTerms, cp: CompactCheckpoint, newEvents: readonly LoanEvent[], asOf: IsoDate, close: boolean): CompactFold {
  const end = asOfDay(asOf);
  const ledger = ledgerOfCompact(product, terms, cp);
  const cpDay = toDayNumber(cp.asOf);
  if (end < cpDay || (close && end === cpDay)) throw new InvalidInputError([{ path: 'asOf', message: `must ${close ? 'be after' : 'not be before'} the checkpoint's date ${cp.asOf}` }]);
  let list: readonly LoanEvent[];
  if (close && newEvents.length === 0) {
    // The end of day's own event needs no validation.
    list = [{ kind: 'disbursement', date: terms.disbursementDate }, { kind: 'day-close', date: asOf }];
  } else {
    if (!Array.isArray(newEvents)) throw new InvalidInputError([{ path: 'events', message: 'must be a list of loan events' }]);
    checkCompactConflicts(cp, newEvents);
    list = validateAfterDisbursement(terms, close ? [...newEvents, { kind: 'day-close', date: asOf }] : newEvents);
    checkSpan(list, -1, cp.asOf, asOf);
  }
  const dayOf = list.map((e, i) => (i === 0 ? toDayNumber(terms.disbursementDate) : e.date === asOf ? end : toDayNumber(e.date)));
  const reversed = list.filter((e) => e.kind === 'payment-reversal').map((e) => (e as Extract<LoanEvent, { kind: 'payment-reversal' }>).paymentId);
  foldDays(ledger, { list, dayOf, skip: new Set(reversed), pathOffset: -1 }, cpDay + 1, end);
  return { ledger, end, reversed };
}

/** advanceLoan from a compact checkpoint (advanceLoan dispatches here on `v: 2`). */
export function advanceCompact(product: ProductIR, terms: LoanTerms, checkpoint: CompactCheckpoint, newEvents: readonly LoanEvent[], asOf: IsoDate): AdvancedCompactLoan {
  const { ledger, end, reversed } = foldCompact(product, terms, checkpoint, newEvents, asOf, false);
  const state = snapshot(ledger, end, reversed);
  return Object.freeze({ state, checkpoint: compactOf(ledger, end, checkpoint) });
}

/**
 * The end of day of one loan: folds from the compact `checkpoint` through `date` with `events`
 * (the day's other events, e.g. payments booked that day; default none) and a day close on
 * `date`, and returns the new compact checkpoint, the portfolio summary on `date`, the journal
 * lines of the days folded (for the ledger and the outbox), the actions firing on `date` and the
 * stage change if any. Equals advanceLoan with the same events plus `{ kind: 'day-close', date }`.
 * Throws InvalidInputError (paths `asOf` when `date` is not after the checkpoint's, `events[i]`,
 * `checkpoint`) and CheckpointConflictError as advanceLoan does.
 * @example
 * let cp = compactCheckpoint(ir, terms, [{ kind: 'disbursement', date: '2025-01-06' }], '2025-01-06');
 * const day = closeDay(ir, terms, cp, '2025-01-07'); // day.summary, day.postings; cp = day.checkpoint
 */
export function closeDay(product: ProductIR, terms: LoanTerms, checkpoint: CompactCheckpoint, date: IsoDate, events: readonly LoanEvent[] = []): ClosedDay {
  const { ledger, end } = foldCompact(product, terms, checkpoint, events, date, true);
  const postings = Object.freeze(ledger.journal);
  let first = ledger.fired.length;
  while (first > 0 && ledger.fired[first - 1]!.date === date) first--;
  const q = ledger.status === 'paid-off' ? null : settlement(ledger, end);
  const result = {
    checkpoint: compactOf(ledger, end, checkpoint),
    summary: summaryOf(ledger, end, date, q),
    postings,
    actions: Object.freeze(ledger.fired.slice(first)),
  } as { -readonly [K in keyof ClosedDay]: ClosedDay[K] };
  // Made when first read (the books need it; a close without books does not pay for it).
  let facts: BooksFacts | undefined;
  Object.defineProperty(result, 'booksFacts', { enumerable: true, get: () => (facts ??= booksFactsOf(ledger, end, date, q)) });
  let from: string | null | undefined;
  let to: string | null = null;
  for (const entry of postings) {
    if (entry.kind !== 'stage-changed') continue;
    if (from === undefined) from = entry.from;
    to = entry.to;
  }
  if (from !== undefined && from !== to) result.stageChange = Object.freeze({ from, to });
  return Object.freeze(result);
}
