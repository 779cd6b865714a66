// One loan's day close, computed in Node from what the chunk read: the engine advances the loan's
// checkpoint with the events booked since (plus the day-close event of the date), and this module
// turns the engine's state into the report summary, the penalty accrual entry and the
// notifications due. No I/O: the chunk reads and writes for thousands of loans at once.
import {
  advanceLoan,
  Dec,
  servicingCheckpoint,
  type FiredAction,
  type JournalEntry,
  type LoanEvent,
  type LoanState,
  type LoanTerms,
  type ProductIR,
  type ServicingCheckpoint,
} from '@plazo/engine';
import { penaltyAccrual, ZERO_ACCRUED, type AccruedPosition, type JournalLine } from './penalty-accrual.ts';

/** A stored loan event (seq, date, the engine event). */
export interface StoredEvent {
  readonly seq: number;
  readonly date: string;
  readonly event: LoanEvent;
}

/** What the chunk read for one loan. */
export interface LoanCloseInput {
  readonly id: string;
  readonly productCode: string | null;
  readonly versionId: string;
  readonly ir: ProductIR;
  readonly terms: LoanTerms;
  readonly loanStatus: string;
  readonly externalRef: string | null;
  readonly principal: string;
  readonly disbursedOn: string;
  readonly lastEventSeq: number;
  readonly lastEventDate: string | null;
  /** The previous close (null: the loan's first). */
  readonly previous: { readonly asOf: string; readonly eventSeq: number; readonly accrued: AccruedPosition; readonly checkpoint: ServicingCheckpoint; readonly maxDpd: number } | null;
  /** Events after `previous.eventSeq` (all of them for a first close), in seq order. */
  readonly newEvents: readonly StoredEvent[];
  /** Every event of the loan, loaded only when `needsRefold(...)` said so. */
  readonly allEvents?: readonly StoredEvent[];
}

export interface NotificationDue {
  readonly dedupeKey: string;
  readonly kind: 'reminder' | 'due-today' | 'overdue' | 'stage' | 'stage-change';
  readonly channel: string;
  readonly template: string;
  readonly variables: Readonly<Record<string, string>>;
}

export interface LoanCloseResult {
  readonly id: string;
  /** The day-close event appended (null when a later-dated event exists: the close is implied). */
  readonly closeEvent: { readonly seq: number; readonly event: LoanEvent } | null;
  readonly eventSeq: number;
  readonly state: LoanState;
  /** The checkpoint to store, without the history parts the next advance does not read. */
  readonly checkpoint: ServicingCheckpoint;
  readonly accrued: AccruedPosition;
  readonly lines: readonly JournalLine[];
  readonly summary: LoanSummary;
  readonly notifications: readonly NotificationDue[];
  readonly refolded: boolean;
}

/** The report columns of loan_servicing. */
export interface LoanSummary {
  readonly status: string;
  readonly daysPastDue: number;
  readonly maxDaysPastDue: number;
  readonly agingBucket: string;
  readonly stage: string | null;
  readonly collectionQueue: string | null;
  readonly accrualStopped: boolean;
  readonly principalOutstanding: string;
  readonly interestOutstanding: string;
  readonly feesOutstanding: string;
  readonly penaltiesOutstanding: string;
  readonly ivaOutstanding: string;
  readonly totalOutstanding: string;
  readonly overduePrincipal: string;
  readonly overdueTotal: string;
  readonly paidTotal: string;
  readonly payoffTotal: string;
  readonly creditBalance: string;
  readonly nextDueDate: string | null;
  readonly nextDueAmount: string | null;
  readonly installmentsTotal: number;
  readonly installmentsPaid: number;
}

/**
 * Whether the loan must be refolded from all its events instead of advanced from its checkpoint:
 * no usable checkpoint after an event booked on or before the checkpoint's date (a payment on the
 * closed day itself), or a reversal (it may reach back into the checkpoint).
 */
export function needsRefold(previous: LoanCloseInput['previous'], newEvents: readonly StoredEvent[]): boolean {
  if (previous === null) return false;
  return newEvents.some((e) => e.date <= previous.asOf || e.event.kind === 'payment-reversal');
}

/** The checkpoint as stored: the journal and allocations are history the next advance never reads. */
export function compactCheckpoint(cp: ServicingCheckpoint): ServicingCheckpoint {
  return { ...cp, state: { ...cp.state, journal: [], allocations: [] } };
}

const sum = (...xs: string[]) => xs.reduce((a, b) => a.plus(b), new Dec(0));

function summaryOf(ir: ProductIR, decimals: number, state: LoanState, date: string, previousMax: number): LoanSummary {
  const o = state.outstanding;
  const fixed = (d: InstanceType<typeof Dec>) => d.toFixed(decimals);
  let next: (typeof state.installments)[number] | undefined;
  let paid = 0;
  let total = 0;
  for (const inst of state.installments) {
    if (inst.status === 'restructured') continue;
    total++;
    if (inst.status === 'paid') paid++;
    else if (next === undefined && inst.dueDate >= date) next = inst;
  }
  const stageStep = state.stage === null ? undefined : ir.collection.find((s) => s.kind === 'stage' && s.stage === state.stage);
  const queue = stageStep?.actions.find((a) => a.kind === 'queue');
  return {
    status: state.status,
    daysPastDue: state.daysPastDue,
    maxDaysPastDue: Math.max(previousMax, state.daysPastDue),
    agingBucket: state.agingBucket,
    stage: state.stage,
    collectionQueue: state.status === 'active' && queue?.kind === 'queue' ? queue.queue : null,
    accrualStopped: state.accrualStopped,
    principalOutstanding: o.principal,
    interestOutstanding: o.interest,
    feesOutstanding: o.fees,
    penaltiesOutstanding: fixed(sum(o.lateFees, o.moratorium)),
    ivaOutstanding: fixed(sum(o.interestIva, o.feesIva, o.lateFeesIva, o.moratoriumIva)),
    totalOutstanding: o.total,
    overduePrincipal: state.overdue.principal,
    overdueTotal: state.overdue.total,
    paidTotal: state.paid.total,
    payoffTotal: state.payoff.total,
    creditBalance: state.creditBalance,
    nextDueDate: next?.dueDate ?? null,
    nextDueAmount: next?.outstanding.total ?? null,
    installmentsTotal: total,
    installmentsPaid: paid,
  };
}

function kindOfStep(step: string): NotificationDue['kind'] {
  if (step.startsWith('stage ')) return 'stage';
  const n = Number(step.slice(3));
  return n < 0 ? 'reminder' : n === 0 ? 'due-today' : 'overdue';
}

function notificationsOf(input: LoanCloseInput, state: LoanState, date: string, journal: readonly JournalEntry[]): NotificationDue[] {
  const out: NotificationDue[] = [];
  const variables = (installment: number | null): Record<string, string> => {
    const inst = installment === null ? undefined : state.installments.find((i) => i.number === installment);
    const overdueAmount = state.overdue.total;
    return {
      cliente: input.externalRef ?? 'cliente',
      credito: input.externalRef ?? input.id.slice(0, 8),
      producto: input.productCode ?? '',
      fecha: inst?.dueDate ?? date,
      monto: `$${inst && inst.status !== 'overdue' ? inst.outstanding.total : overdueAmount}`,
      dias_atraso: String(state.daysPastDue),
      etapa: state.stage ?? '',
    };
  };
  const fired: readonly FiredAction[] = state.actionsDue;
  for (const f of fired) {
    if (f.action.kind !== 'notify') continue;
    out.push({
      dedupeKey: `${input.id}:${f.installment}:${f.step}:${f.action.channel}:${f.action.template}`,
      kind: kindOfStep(f.step),
      channel: f.action.channel,
      template: f.action.template,
      variables: variables(f.installment),
    });
  }
  for (const entry of journal) {
    if (entry.kind !== 'stage-changed' || entry.date !== date || entry.to === null) continue;
    const step = input.ir.collection.find((s) => s.kind === 'stage' && s.stage === entry.to);
    if (step?.actions.some((a) => a.kind === 'notify')) continue; // the stage's own notification says it
    out.push({ dedupeKey: `${input.id}:${date}:stage-change:${entry.to}`, kind: 'stage-change', channel: 'sms', template: 'cambio_etapa', variables: variables(null) });
  }
  return out;
}

/**
 * Closes `date` for one loan. Throws what the engine throws (the chunk records it as the loan's
 * error and leaves the loan for the next run).
 */
export function closeLoanDay(input: LoanCloseInput, date: string): LoanCloseResult {
  const writeClose = input.loanStatus === 'active' && (input.lastEventDate === null || input.lastEventDate <= date);
  const closeEvent: LoanEvent | null = writeClose ? { kind: 'day-close', date } : null;
  const refold = input.allEvents !== undefined;
  let advanced: { state: LoanState; checkpoint: ServicingCheckpoint };
  let eventSeq: number;
  if (refold) {
    const upTo = input.allEvents!.filter((e) => e.date <= date);
    const events = [...upTo.map((e) => e.event), ...(closeEvent ? [closeEvent] : [])];
    const checkpoint = servicingCheckpoint(input.ir, input.terms, events, date);
    advanced = { state: checkpoint.state, checkpoint };
    eventSeq = upTo.at(-1)?.seq ?? 0;
  } else {
    const upTo = input.newEvents.filter((e) => e.date <= date);
    const events = [...upTo.map((e) => e.event), ...(closeEvent ? [closeEvent] : [])];
    advanced = advanceLoan(input.ir, input.terms, input.previous?.checkpoint ?? null, events, date);
    eventSeq = upTo.at(-1)?.seq ?? input.previous?.eventSeq ?? 0;
  }
  // Events dated after `date` stay for the next close: the checkpoint must not pass them.
  const skipped = (refold ? input.allEvents! : input.newEvents).some((e) => e.date > date);
  const seq = closeEvent ? input.lastEventSeq + 1 : null;
  if (closeEvent && !skipped) eventSeq = seq!;
  const state = advanced.state;
  const decimals = input.terms.decimals;
  const accrual = closeEvent ? penaltyAccrual(input.previous?.accrued ?? ZERO_ACCRUED, state, decimals) : { lines: [], accrued: input.previous?.accrued ?? ZERO_ACCRUED };
  const journal = refold || input.previous === null ? state.journal.filter((e) => e.date === date) : state.journal;
  return {
    id: input.id,
    closeEvent: closeEvent && seq !== null ? { seq, event: closeEvent } : null,
    eventSeq,
    state,
    checkpoint: compactCheckpoint(advanced.checkpoint),
    accrued: accrual.accrued,
    lines: accrual.lines,
    summary: summaryOf(input.ir, input.terms.decimals, state, date, input.previous?.maxDpd ?? 0),
    notifications: notificationsOf(input, state, date, journal),
    refolded: refold,
  };
}
