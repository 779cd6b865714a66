// The working state of the servicing fold: installments with their parts as scaled integers
// (decoded lazily from the schedule or a checkpoint), the schedule segments they came from,
// penalties, credit and the journal entries added by this fold. Mutated only inside the fold.
import { formatIsoDate, toDayNumber } from '../calendar/iso-date.ts';
import type { ProductIR } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import type { RoundingMode } from '../rounding.ts';
import type { Schedule, ScheduleInstallment } from '../schedule/schedule.ts';
import { segmentAccrual, unpackAccrual, type PackedAccrual, type SegmentAccrual } from './accrual.ts';
import type { StageStep } from './collection/collection-stage.ts';
import { COMPONENTS, type AllocationLine, type ComponentAmounts, type FiredAction, type InstallmentState, type JournalEntry, type LoanState, type LoanStatus, type PaymentAllocation, type Restructuring } from './loan-state.ts';
import { formatMoney, parseMoney, type Scaled } from './money.ts';
import { unpackAmounts } from './packed-amounts.ts';

/** Component indices (COMPONENTS order). */
export const PRINCIPAL = 0;
export const INTEREST = 1;
export const INTEREST_IVA = 2;
export const FEES = 3;
export const FEES_IVA = 4;
export const LATE_FEES = 5;
export const LATE_FEES_IVA = 6;
export const MORATORIUM = 7;
export const MORATORIUM_IVA = 8;
export const COMPONENT_COUNT = 9;

/** One amount per component, at the currency scale. */
export type Amounts = bigint[];

export function zeroAmounts(): Amounts {
  return [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n];
}

/** The fold-only facts of an installment kept in a checkpoint (its parts are in the state's view). */
export interface CheckpointInstallment {
  readonly dueDay: number;
  readonly segment: number;
  /** Scheduled principal + interest + fees + IVA, the base of a late fee `of installment`. */
  readonly scheduledTotal: string;
  /** Fees charged by events (not scheduled), owed even when the loan is settled early. */
  readonly chargedFees: string;
  readonly chargedFeesIva: string;
  /** Σ base × rate × days of its moratorium, exact; the moratorium due is this / basis days, rounded. */
  readonly moratoriumNumerator: string;
}

/** The public view of amounts: each part and the total, as decimal strings. */
export function amountsView(a: Amounts, s: number): ComponentAmounts {
  let total = 0n;
  for (let c = 0; c < COMPONENT_COUNT; c++) total += a[c]!;
  return Object.freeze({
    principal: formatMoney(a[0]!, s),
    interest: formatMoney(a[1]!, s),
    interestIva: formatMoney(a[2]!, s),
    fees: formatMoney(a[3]!, s),
    feesIva: formatMoney(a[4]!, s),
    lateFees: formatMoney(a[5]!, s),
    lateFeesIva: formatMoney(a[6]!, s),
    moratorium: formatMoney(a[7]!, s),
    moratoriumIva: formatMoney(a[8]!, s),
    total: formatMoney(total, s),
  });
}

/** Amounts of a public view, at scale `s`. */
export function decodeAmounts(a: ComponentAmounts, s: number): Amounts {
  return decodeView(a, s);
}

function decodeView(a: ComponentAmounts, s: number): Amounts {
  return [
    parseMoney(a.principal, s), parseMoney(a.interest, s), parseMoney(a.interestIva, s), parseMoney(a.fees, s), parseMoney(a.feesIva, s),
    parseMoney(a.lateFees, s), parseMoney(a.lateFeesIva, s), parseMoney(a.moratorium, s), parseMoney(a.moratoriumIva, s),
  ];
}

/**
 * An installment in the fold. Its amounts are decoded on first use, so the installments a day
 * does not touch cost nothing; `view` and `record` (from a checkpoint or the last snapshot) are
 * reused until `dirty`.
 */
export class WorkInstallment {
  declare readonly number: number;
  declare readonly dueDay: number;
  declare readonly segment: number;
  declare lateFeeOn: string | null;
  declare restructured: boolean;
  /** Something in it changed since `view` and `record` were made. */
  declare dirty: boolean;
  /** Its paid parts changed since `view` was made. */
  declare paidChanged: boolean;
  declare view: InstallmentState | null;
  declare record: CheckpointInstallment | null;
  private declare readonly scale: number;
  private declare readonly morScale: number;
  private declare readonly row: ScheduleInstallment | null;
  /** Its compact checkpoint token (compact.ts), the third source of its amounts; the context it was read in. */
  declare packed: string | null;
  declare packedContext: number;
  private declare dueDateText: string | null;
  /** paidOn as text (undefined: not formatted yet from paidDayNumber) and as a day number (−1: none, −2: not read yet from the text). */
  private declare paidOnText: string | null | undefined;
  private declare paidDayNumber: number;
  private declare dueA: Amounts | null;
  private declare paidA: Amounts | null;
  private declare totalA: bigint | null;
  private declare feesA: bigint | null;
  private declare feesIvaA: bigint | null;
  private declare morA: bigint | null;

  constructor(number: number, dueDay: number, dueDate: string | null, segment: number, scale: number, morScale: number, row: ScheduleInstallment | null, view: InstallmentState | null, record: CheckpointInstallment | null) {
    this.number = number;
    this.dueDay = dueDay;
    this.dueDateText = dueDate;
    this.segment = segment;
    this.packed = null;
    this.packedContext = 0;
    this.scale = scale;
    this.morScale = morScale;
    this.row = row;
    this.view = view;
    this.record = record;
    this.paidOnText = view?.paidOn ?? null;
    this.paidDayNumber = this.paidOnText === null ? -1 : -2;
    this.lateFeeOn = view?.lateFeeChargedOn ?? null;
    this.restructured = view?.status === 'restructured';
    this.dirty = view === null;
    this.paidChanged = false;
    this.dueA = null;
    this.paidA = null;
    this.totalA = null;
    this.feesA = null;
    this.feesIvaA = null;
    this.morA = null;
  }

  get dueDate(): string {
    return (this.dueDateText ??= formatIsoDate(this.dueDay));
  }

  /** The day it became fully paid, or null (formatted only when read). */
  get paidOn(): string | null {
    if (this.paidOnText === undefined) this.paidOnText = formatIsoDate(this.paidDayNumber);
    return this.paidOnText;
  }

  set paidOn(date: string | null) {
    this.paidOnText = date;
    this.paidDayNumber = date === null ? -1 : -2;
  }

  /** Whether it is fully paid (paidOn is set), without formatting the date. */
  get settled(): boolean {
    return this.paidDayNumber !== -1;
  }

  get paidDay(): number {
    if (this.paidDayNumber === -2) this.paidDayNumber = toDayNumber(this.paidOnText!);
    return this.paidDayNumber;
  }

  /** Marks it paid on `day`. */
  markPaid(day: number): void {
    this.paidDayNumber = day;
    this.paidOnText = undefined;
  }

  /**
   * Sets what a compact token says (compact.ts): `packed` is read on first use of an amount. The
   * flags come from the token's head, read by the caller; `paidDay` −1 when not paid.
   */
  fromPacked(token: string, context: number, paidDay: number, lateFeeOn: string | null, restructured: boolean): this {
    this.packed = token;
    this.packedContext = context;
    this.paidDayNumber = paidDay;
    this.paidOnText = paidDay < 0 ? null : undefined;
    this.lateFeeOn = lateFeeOn;
    this.restructured = restructured;
    this.dirty = false;
    return this;
  }

  /** Reads the amounts of the packed token at once (due, paid, charged fees, numerator, scheduled total). */
  private unpack(): void {
    const u = unpackAmounts(this.packed!);
    this.dueA ??= u.due;
    this.paidA ??= u.paid;
    this.feesA ??= u.chargedFees;
    this.feesIvaA ??= u.chargedFeesIva;
    this.morA ??= u.moratoriumNumerator;
    this.totalA ??= u.scheduledTotal;
  }

  get due(): Amounts {
    if (this.dueA === null && this.packed !== null) this.unpack();
    if (this.dueA === null) {
      const r = this.row;
      const s = this.scale;
      this.dueA =
        r !== null
          ? [parseMoney(r.principal, s), parseMoney(r.interest, s), parseMoney(r.taxOnInterest, s), parseMoney(r.fees, s), parseMoney(r.taxOnFees, s), 0n, 0n, 0n, 0n]
          : decodeView(this.view!.due, s);
    }
    return this.dueA;
  }

  get paid(): Amounts {
    if (this.paidA === null && this.packed !== null) this.unpack();
    return (this.paidA ??= this.row !== null ? zeroAmounts() : decodeView(this.view!.paid, this.scale));
  }

  /** What it owes of component `c`, decoding only that part while the rest is not needed. */
  duePart(c: number): bigint {
    if (this.dueA !== null || this.row !== null || this.packed !== null) return this.due[c]!;
    return parseMoney(this.view!.due[COMPONENTS[c]!], this.scale);
  }

  /** What it has paid of component `c`, decoding only that part while the rest is not needed. */
  paidPart(c: number): bigint {
    if (this.paidA !== null) return this.paidA[c]!;
    if (this.row !== null) return 0n;
    if (this.packed !== null) return this.paid[c]!;
    return parseMoney(this.view!.paid[COMPONENTS[c]!], this.scale);
  }

  get scheduledTotal(): bigint {
    if (this.totalA === null && this.packed !== null) this.unpack();
    return (this.totalA ??= parseMoney(this.row !== null ? this.row.total : this.record!.scheduledTotal, this.scale));
  }

  get chargedFees(): bigint {
    if (this.feesA === null && this.packed !== null) this.unpack();
    return (this.feesA ??= this.record === null ? 0n : parseMoney(this.record.chargedFees, this.scale));
  }

  set chargedFees(v: bigint) {
    this.feesA = v;
  }

  get chargedFeesIva(): bigint {
    if (this.feesIvaA === null && this.packed !== null) this.unpack();
    return (this.feesIvaA ??= this.record === null ? 0n : parseMoney(this.record.chargedFeesIva, this.scale));
  }

  set chargedFeesIva(v: bigint) {
    this.feesIvaA = v;
  }

  get moratoriumNumerator(): bigint {
    if (this.morA === null && this.packed !== null) this.unpack();
    return (this.morA ??= this.record === null ? 0n : parseMoney(this.record.moratoriumNumerator, this.morScale));
  }

  set moratoriumNumerator(v: bigint) {
    this.morA = v;
  }

  /** The checkpoint record as of now. */
  toRecord(): CheckpointInstallment {
    if (!this.dirty && this.record !== null) return this.record;
    const s = this.scale;
    this.record = Object.freeze({
      dueDay: this.dueDay,
      segment: this.segment,
      scheduledTotal: this.row !== null ? this.row.total : this.record !== null ? this.record.scheduledTotal : formatMoney(this.scheduledTotal, s),
      chargedFees: formatMoney(this.chargedFees, s),
      chargedFeesIva: formatMoney(this.chargedFeesIva, s),
      moratoriumNumerator: formatMoney(this.moratoriumNumerator, this.morScale),
    });
    return this.record;
  }
}

/** A run of installments generated by one schedule: the original, a re-solve or a restructure. */
export interface Segment {
  readonly terms: LoanTerms;
  readonly startDay: number;
  /** The schedule's accrual table, made from `schedule` when first needed. */
  accrual: SegmentAccrual | null;
  readonly schedule: Schedule | null;
  /** Its checkpoint form, once made (segments never change). */
  record: CheckpointSegment | null;
  /** Compact checkpoints (compact.ts): the accrual table read from one, and the token last written with the period it starts at. */
  packedAccrual?: PackedAccrual | null;
  packed?: string | null;
  packedFrom?: number;
}

/** A schedule segment in a checkpoint: its terms (null: the loan's own terms) and accrual table. */
export interface CheckpointSegment {
  readonly terms: LoanTerms | null;
  readonly startDay: number;
  readonly accrual: SegmentAccrual;
}

/** The packed accrual table of a segment read from a compact checkpoint (its text is `startDay|table`). */
export function packedAccrualOf(seg: Segment): PackedAccrual {
  return (seg.packedAccrual ??= unpackAccrual(seg.packed!.slice(seg.packed!.indexOf('|') + 1)));
}

export function accrualOf(seg: Segment): SegmentAccrual {
  return (seg.accrual ??= segmentAccrual(seg.terms, seg.schedule!));
}

export interface Charged {
  lateFees: bigint;
  lateFeesIva: bigint;
  moratorium: bigint;
  moratoriumIva: bigint;
}

/** The fold's state; see loanState. */
export interface Ledger {
  readonly product: ProductIR;
  readonly terms: LoanTerms;
  readonly decimals: number;
  readonly mode: RoundingMode;
  /** IVA rate for penalties and charged fees: the product's, else the loan terms'. */
  readonly taxRate: Scaled;
  /** Component indices in allocation order. */
  readonly order: readonly number[];
  /** The moratorium annual rate, or null; numerators are at scale decimals + its scale. */
  readonly moratoriumRate: Scaled | null;
  readonly moratoriumScale: number;
  installments: WorkInstallment[];
  readonly segments: Segment[];
  credit: bigint;
  prepaidPrincipal: bigint;
  status: LoanStatus;
  stage: StageStep | null;
  /** The state the fold resumed from (a checkpoint's), or null for a fold from the disbursement. */
  readonly base: LoanState | null;
  readonly basePrepaid: bigint;
  /** Entries, allocations and actions added by this fold (after the base's). */
  readonly journal: JournalEntry[];
  readonly allocations: PaymentAllocation[];
  readonly fired: FiredAction[];
  readonly firedKeys: Set<string>;
  /** The actions fired before a compact checkpoint: step → installment numbers as ranges ("1-20,22"), or null. */
  readonly firedBefore: Readonly<Record<string, string>> | null;
  readonly charged: Charged;
  closedCharged: Charged;
  lastClose: string | null;
  writtenOff: { readonly date: string; readonly amount: string } | null;
  /** What the loan had earned on its write-off date (LoanState.earned then), or null. */
  writtenOffEarned: Amounts | null;
  /** Every restructure so far, in order (replaced, never mutated, when one is added). */
  restructures: readonly Restructuring[];
  /** Σ due and Σ paid over every installment, or null until first needed. */
  totals: { readonly due: Amounts; readonly paid: Amounts } | null;
  /** Whether the installment list was replaced (totals then come from the installments, not the base). */
  listReplaced: boolean;
  /** Whether any installment amount or penalty changed since the base. */
  amountsChanged: boolean;
  /** Every installment before this index is closed (reset when the list is replaced or one reopens). */
  openFrom: number;
}

/** Σ due and Σ paid of every installment: from the base state while the list is the base's. */
export function totals(ledger: Ledger): { readonly due: Amounts; readonly paid: Amounts } {
  if (ledger.totals !== null) return ledger.totals;
  const due = zeroAmounts();
  const paid = zeroAmounts();
  const b = ledger.base;
  if (b !== null && !ledger.listReplaced) {
    const s = ledger.decimals;
    const out = decodeView(b.outstanding, s);
    const p = decodeView(b.paid, s);
    p[PRINCIPAL] = p[PRINCIPAL]! - ledger.basePrepaid;
    for (let c = 0; c < COMPONENT_COUNT; c++) {
      paid[c] = p[c]!;
      due[c] = out[c]! + p[c]!;
    }
  } else {
    for (const inst of ledger.installments) {
      const d = inst.due;
      const p = inst.paid;
      for (let c = 0; c < COMPONENT_COUNT; c++) {
        due[c] = due[c]! + d[c]!;
        paid[c] = paid[c]! + p[c]!;
      }
    }
  }
  ledger.totals = { due, paid };
  return ledger.totals;
}

/** Σ outstanding principal of every installment, without decoding the base's totals when they are unchanged. */
export function outstandingPrincipal(ledger: Ledger): bigint {
  if (ledger.totals === null && ledger.base !== null && !ledger.listReplaced) return parseMoney(ledger.base.outstanding.principal, ledger.decimals);
  const t = totals(ledger);
  return t.due[PRINCIPAL]! - t.paid[PRINCIPAL]!;
}

/** Adds `delta` to what `inst` owes of component `c`. */
export function addDue(ledger: Ledger, inst: WorkInstallment, c: number, delta: bigint): void {
  if (delta === 0n) return;
  const t = totals(ledger);
  inst.due[c] = inst.due[c]! + delta;
  t.due[c] = t.due[c]! + delta;
  inst.dirty = true;
  ledger.amountsChanged = true;
}

/** Adds `delta` to what `inst` has paid of component `c`. */
export function addPaid(ledger: Ledger, inst: WorkInstallment, c: number, delta: bigint): void {
  if (delta === 0n) return;
  const t = totals(ledger);
  inst.paid[c] = inst.paid[c]! + delta;
  t.paid[c] = t.paid[c]! + delta;
  inst.dirty = true;
  inst.paidChanged = true;
  ledger.amountsChanged = true;
}

/** Replaces the installment list (re-solve, settlement, restructure): totals are recomputed from it. */
export function replaceInstallments(ledger: Ledger, list: WorkInstallment[]): void {
  ledger.installments = list;
  ledger.openFrom = 0;
  ledger.totals = null;
  ledger.listReplaced = true;
  ledger.amountsChanged = true;
}

export function outstanding(inst: WorkInstallment, c: number): bigint {
  return inst.due[c]! - inst.paid[c]!;
}

/** Sum of the outstanding of the given components (all by default). */
export function outstandingOf(inst: WorkInstallment, components: readonly number[] = ALL): bigint {
  const d = inst.due;
  const p = inst.paid;
  let sum = 0n;
  for (const c of components) sum += d[c]! - p[c]!;
  return sum;
}

export const ALL: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/** The scheduled parts plus their IVA: what a late fee and the Banxico cap look at. */
export const SCHEDULED: readonly number[] = [PRINCIPAL, INTEREST, INTEREST_IVA, FEES, FEES_IVA];

/** Whether an installment is open: not restructured and owing something. */
export function isOpen(inst: WorkInstallment): boolean {
  return !inst.restructured && !inst.settled;
}

/** Marks the installment settled on `day` when nothing is outstanding. */
export function refreshSettled(inst: WorkInstallment, day: number): void {
  if (inst.settled || inst.restructured) return;
  const d = inst.due;
  const p = inst.paid;
  for (let c = 0; c < COMPONENT_COUNT; c++) if (d[c] !== p[c]) return;
  inst.markPaid(day);
  inst.dirty = true;
}

/** The installments of a schedule as working installments numbered from `firstNumber`. */
export function installmentsOf(ledger: Pick<Ledger, 'decimals' | 'moratoriumScale'>, schedule: Schedule, segment: number, firstNumber: number): WorkInstallment[] {
  return schedule.installments.map((row, k) => new WorkInstallment(firstNumber + k, toDayNumber(row.dueDate), row.dueDate, segment, ledger.decimals, ledger.moratoriumScale, row, null, null));
}

/**
 * Pays `amount` into installment `inst` in the allocation order, appending the lines; returns
 * what is left.
 */
export function payInstallment(ledger: Ledger, inst: WorkInstallment, amount: bigint, day: number, lines: AllocationLine[]): bigint {
  let left = amount;
  const d = inst.due;
  const p = inst.paid;
  for (const c of ledger.order) {
    if (left <= 0n) break;
    const owed = d[c]! - p[c]!;
    if (owed <= 0n) continue;
    const take = owed < left ? owed : left;
    addPaid(ledger, inst, c, take);
    left -= take;
    lines.push(Object.freeze({ installment: inst.number, component: COMPONENTS[c]!, amount: formatMoney(take, ledger.decimals) }));
  }
  refreshSettled(inst, day);
  return left;
}
