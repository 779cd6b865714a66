// A resumable servicing fold: the checkpoint is the fold's working state after every day through
// a date, as plain JSON (decimal strings, no class instances, versioned), and advanceLoan goes on
// from it with the events that followed — the end of day's hot path. Folding from a checkpoint
// gives exactly what loanState gives from the disbursement.
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import { toDayNumber } from '../calendar/iso-date.ts';
import type { IsoDate, ProductIR } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import type { StageStep } from './collection/collection-stage.ts';
import { asOfDay, foldDays, foldFromStart, ledgerBasics, newLedger } from './compute-loan-state.ts';
import { accrualOf, decodeAmounts, WorkInstallment, type CheckpointInstallment, type CheckpointSegment, type Ledger } from './ledger.ts';
import type { LoanEvent } from './loan-event.ts';
import type { LoanState } from './loan-state.ts';
import { formatMoney, parseMoney } from './money.ts';
import { snapshot } from './snapshot.ts';
import { advanceCompact, isCompactCheckpoint, type AdvancedCompactLoan, type CompactCheckpoint } from './compact.ts';
import { validateEvents } from './validate-events.ts';

export const SERVICING_CHECKPOINT_VERSION = 1;

/**
 * The servicing fold after every day through `asOf`: the state on that date plus what the fold
 * needs beyond it. Plain JSON: store it as it is (JSON.stringify) and pass it back parsed.
 */
export interface ServicingCheckpoint {
  readonly version: typeof SERVICING_CHECKPOINT_VERSION;
  /** The content hash of the product it was folded under. */
  readonly product: string;
  readonly asOf: IsoDate;
  /** loanState of the events so far on asOf. */
  readonly state: LoanState;
  readonly fold: {
    /** Principal prepaid beyond the installments (reduce-term / reduce-installment). */
    readonly prepaidPrincipal: string;
    /** The collection stage in force (also kept when the loan is no longer active). */
    readonly stage: string | null;
    /** Penalties charged up to the last day close, for the next close's journal. */
    readonly closedCharged: { readonly lateFees: string; readonly lateFeesIva: string; readonly moratorium: string; readonly moratoriumIva: string };
    /** The schedule segments (the original first), for the payoff and re-solves. */
    readonly segments: readonly CheckpointSegment[];
    /** Per installment, in the order of state.installments. */
    readonly installments: readonly CheckpointInstallment[];
  };
}

/** What advanceLoan returns: the state on asOf and the checkpoint to resume from next time. */
export interface AdvancedLoan {
  readonly state: LoanState;
  readonly checkpoint: ServicingCheckpoint;
}

/**
 * A payment reversal (or a reused payment id) reaches back before the checkpoint: the fold
 * cannot be resumed; refold the loan from all its events with loanState (or servicingCheckpoint).
 */
export class CheckpointConflictError extends InvalidInputError {
  constructor(issues: readonly FieldIssue[]) {
    super(issues);
    this.name = 'CheckpointConflictError';
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}

function checkpointOf(ledger: Ledger, state: LoanState): ServicingCheckpoint {
  const s = ledger.decimals;
  const c = ledger.closedCharged;
  return Object.freeze({
    version: SERVICING_CHECKPOINT_VERSION,
    product: ledger.product.hash,
    asOf: state.asOf,
    state,
    fold: Object.freeze({
      prepaidPrincipal: formatMoney(ledger.prepaidPrincipal, s),
      stage: ledger.stage?.stage ?? null,
      closedCharged: Object.freeze({ lateFees: formatMoney(c.lateFees, s), lateFeesIva: formatMoney(c.lateFeesIva, s), moratorium: formatMoney(c.moratorium, s), moratoriumIva: formatMoney(c.moratoriumIva, s) }),
      segments: Object.freeze(ledger.segments.map((seg, i) => (seg.record ??= Object.freeze({ terms: i === 0 ? null : seg.terms, startDay: seg.startDay, accrual: accrualOf(seg) })))),
      installments: Object.freeze(ledger.installments.map((inst) => inst.toRecord())),
    }),
  });
}

function mismatch(message: string): InvalidInputError {
  return new InvalidInputError([{ path: 'checkpoint', message }]);
}

/** The working ledger of a checkpoint (which must be frozen: its parts are shared with the result). */
function ledgerOf(product: ProductIR, terms: LoanTerms, cp: ServicingCheckpoint): Ledger {
  if (typeof cp !== 'object' || cp === null || cp.version !== SERVICING_CHECKPOINT_VERSION) throw mismatch(`must be a servicing checkpoint of version ${SERVICING_CHECKPOINT_VERSION}`);
  if (cp.product !== product.hash) throw mismatch(`was folded under product ${cp.product}, not ${product.hash}`);
  const state = cp.state;
  const fold = cp.fold;
  if (state.disbursementDate !== terms.disbursementDate || fold.installments.length !== state.installments.length) throw mismatch('was folded for other loan terms');
  const basics = ledgerBasics(product, terms);
  const s = basics.decimals;
  let stage: StageStep | null = null;
  if (fold.stage !== null) {
    stage = product.collection.find((step): step is StageStep => step.kind === 'stage' && step.stage === fold.stage) ?? null;
    if (stage === null) throw mismatch(`names the stage \`${fold.stage}\`, which the product does not have`);
  }
  const pc = state.penaltiesCharged;
  const cc = fold.closedCharged;
  const prepaid = parseMoney(fold.prepaidPrincipal, s);
  return {
    product: basics.product,
    terms: basics.terms,
    decimals: basics.decimals,
    mode: basics.mode,
    taxRate: basics.taxRate,
    order: basics.order,
    moratoriumRate: basics.moratoriumRate,
    moratoriumScale: basics.moratoriumScale,
    installments: state.installments.map((view, i) => {
      const record = fold.installments[i]!;
      return new WorkInstallment(view.number, record.dueDay, view.dueDate, record.segment, s, basics.moratoriumScale, null, view, record);
    }),
    segments: fold.segments.map((r) => ({ terms: r.terms ?? terms, startDay: r.startDay, accrual: r.accrual, schedule: null, record: r })),
    credit: parseMoney(state.creditBalance, s),
    prepaidPrincipal: prepaid,
    status: state.status,
    stage,
    base: state,
    basePrepaid: prepaid,
    journal: [],
    allocations: [],
    fired: [],
    firedKeys: new Set(),
    firedBefore: null,
    charged: { lateFees: parseMoney(pc.lateFees, s), lateFeesIva: parseMoney(pc.lateFeesIva, s), moratorium: parseMoney(pc.moratorium, s), moratoriumIva: parseMoney(pc.moratoriumIva, s) },
    closedCharged: { lateFees: parseMoney(cc.lateFees, s), lateFeesIva: parseMoney(cc.lateFeesIva, s), moratorium: parseMoney(cc.moratorium, s), moratoriumIva: parseMoney(cc.moratoriumIva, s) },
    lastClose: state.lastDayClose,
    writtenOff: state.writtenOff,
    // A checkpoint written before restructures were kept has none (a restructured loan's must be refolded for its books).
    restructures: state.restructures ?? Object.freeze([]),
    writtenOffEarned: state.status === 'written-off' && state.earned !== undefined ? decodeAmounts(state.earned, s) : null,
    totals: null,
    listReplaced: false,
    amountsChanged: false,
    openFrom: 0,
  };
}

/** The working ledger of a version 1 checkpoint (deep-frozen first: its parts are shared). */
export function ledgerOfCheckpoint(product: ProductIR, terms: LoanTerms, checkpoint: ServicingCheckpoint): Ledger {
  return ledgerOf(product, terms, deepFreeze(checkpoint));
}

/**
 * The checkpoint of a loan after all its `events` through `asOf`: the same fold as loanState
 * (`checkpoint.state` is loanState's result), ready for advanceLoan.
 */
export function servicingCheckpoint(product: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], asOf: IsoDate): ServicingCheckpoint {
  const { ledger, end, reversed } = foldFromStart(product, terms, events, asOf);
  return checkpointOf(ledger, snapshot(ledger, end, reversed));
}

/** Rejects payments and reversals reaching back into the checkpoint (before validation: it would call them unknown). */
function checkConflicts(cp: ServicingCheckpoint, events: readonly LoanEvent[]): void {
  let known: Set<string> | null = null;
  const conflicts: FieldIssue[] = [];
  events.forEach((e: LoanEvent, i) => {
    if (typeof e !== 'object' || e === null || (e.kind !== 'payment' && e.kind !== 'payment-reversal')) return;
    known ??= new Set([...cp.state.allocations.map((a) => a.paymentId).filter((id) => id !== 'credit'), ...cp.state.reversedPayments]);
    if (e.kind === 'payment-reversal' && known.has(e.paymentId)) conflicts.push({ path: `events[${i}].paymentId`, message: `payment \`${e.paymentId}\` was folded into the checkpoint of ${cp.asOf}: refold from all the events with loanState` });
    if (e.kind === 'payment' && known.has(e.id)) conflicts.push({ path: `events[${i}].id`, message: `payment id \`${e.id}\` was already used before the checkpoint of ${cp.asOf}` });
  });
  if (conflicts.length > 0) throw new CheckpointConflictError(conflicts);
}

/** `newEvents` validated behind the disbursement (the list's first entry); error paths index newEvents. */
export function validateAfterDisbursement(terms: LoanTerms, newEvents: readonly LoanEvent[]): readonly LoanEvent[] {
  try {
    return validateEvents([{ kind: 'disbursement', date: terms.disbursementDate }, ...newEvents], terms);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(error.issues.map((i) => ({ ...i, path: i.path.replace(/^events\[(\d+)\]/, (_, k: string) => `events[${Number(k) - 1}]`) })));
  }
}

/** Rejects (valid) new events dated on or before the checkpoint's date or after asOf; `offset` maps list indices to `events[i]`. */
export function checkSpan(list: readonly LoanEvent[], offset: number, after: IsoDate | null, asOf: IsoDate): void {
  const issues: FieldIssue[] = [];
  list.forEach((e, i) => {
    if (i === 0 && offset < 0) return;
    if (after !== null && e.date <= after) issues.push({ path: `events[${i + offset}].date`, message: `is not after the checkpoint's date ${after}: refold from all the events with loanState` });
    if (e.date > asOf) issues.push({ path: `events[${i + offset}].date`, message: `is after asOf ${asOf}: pass it when advancing to its date` });
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
}

/**
 * Continues the fold of `checkpoint` (null: a new loan) with `newEvents` — every event dated after
 * the checkpoint's date and not after `asOf`, in date order (with no checkpoint: all the events,
 * the disbursement first) — through `asOf`. The result equals loanState of all the events on
 * asOf, and its checkpoint equals servicingCheckpoint of all the events. A checkpoint passed in
 * is treated as immutable: it is deep-frozen (once; JSON.parse gives unfrozen objects) and its
 * unchanged parts are shared with the result. Throws InvalidInputError (paths `events[i]` of
 * newEvents, `asOf`, `checkpoint`) and CheckpointConflictError when a reversal names a payment
 * folded into the checkpoint: refold with loanState.
 * @example
 * let { state, checkpoint } = advanceLoan(ir, terms, null, [{ kind: 'disbursement', date: '2025-01-06' }], '2025-01-06');
 * ({ state, checkpoint } = advanceLoan(ir, terms, checkpoint, [{ kind: 'day-close', date: '2025-01-07' }], '2025-01-07'));
 */
export function advanceLoan(product: ProductIR, terms: LoanTerms, checkpoint: ServicingCheckpoint | null, newEvents: readonly LoanEvent[], asOf: IsoDate): AdvancedLoan;
/**
 * From a compact checkpoint (compactCheckpoint, closeDay): the same fold, returning the state and
 * the next compact checkpoint. The state is loanState's except its history lists (journal,
 * allocations, firedActions, reversedPayments): a compact checkpoint keeps no history, so they hold
 * what this call added. A reversal of a payment not among `newEvents` throws CheckpointConflictError.
 */
export function advanceLoan(product: ProductIR, terms: LoanTerms, checkpoint: CompactCheckpoint, newEvents: readonly LoanEvent[], asOf: IsoDate): AdvancedCompactLoan;
export function advanceLoan(product: ProductIR, terms: LoanTerms, checkpoint: ServicingCheckpoint | CompactCheckpoint | null, newEvents: readonly LoanEvent[], asOf: IsoDate): AdvancedLoan | AdvancedCompactLoan;
export function advanceLoan(product: ProductIR, terms: LoanTerms, checkpoint: ServicingCheckpoint | CompactCheckpoint | null, newEvents: readonly LoanEvent[], asOf: IsoDate): AdvancedLoan | AdvancedCompactLoan {
  if (isCompactCheckpoint(checkpoint)) return advanceCompact(product, terms, checkpoint, newEvents, asOf);
  const end = asOfDay(asOf);
  let ledger: Ledger;
  let from: number;
  let list: readonly LoanEvent[];
  let pathOffset = 0;
  let reversed: string[];
  if (checkpoint === null) {
    list = validateEvents(newEvents, terms);
    from = toDayNumber(terms.disbursementDate);
    if (end < from) throw new InvalidInputError([{ path: 'asOf', message: `must not be before the disbursement date ${terms.disbursementDate}` }]);
    checkSpan(list, 0, null, asOf);
    ledger = newLedger(product, terms);
    reversed = [];
  } else {
    const cp = deepFreeze(checkpoint);
    ledger = ledgerOf(product, terms, cp);
    const cpDay = toDayNumber(cp.asOf);
    if (end < cpDay) throw new InvalidInputError([{ path: 'asOf', message: `must not be before the checkpoint's date ${cp.asOf}` }]);
    if (!Array.isArray(newEvents)) throw new InvalidInputError([{ path: 'events', message: 'must be a list of loan events' }]);
    checkConflicts(cp, newEvents);
    list = validateAfterDisbursement(terms, newEvents);
    checkSpan(list, -1, cp.asOf, asOf);
    from = cpDay + 1;
    pathOffset = -1;
    reversed = [...cp.state.reversedPayments];
  }
  const dayOf = list.map((e) => toDayNumber(e.date));
  const added = list.filter((e) => e.kind === 'payment-reversal').map((e) => (e as Extract<LoanEvent, { kind: 'payment-reversal' }>).paymentId);
  reversed.push(...added);
  foldDays(ledger, { list, dayOf, skip: new Set(added), pathOffset }, from, end);
  const state = snapshot(ledger, end, reversed);
  return Object.freeze({ state, checkpoint: checkpointOf(ledger, state) });
}
