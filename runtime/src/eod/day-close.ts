// One loan's day close, computed in Node from what the chunk read. The hot path is the engine's
// `closeDay` on the loan's compact checkpoint (~1 KB of JSON) with the events booked since; a loan
// without a usable checkpoint (its first close, a reversal, a payment booked on an already closed
// day) is refolded from all its events. This module turns the engine's output into the report
// summary, the penalty accrual entry and the notifications due. No I/O: the chunk reads and
// writes for thousands of loans at once.
import {
  advanceLoan,
  closeDay,
  loanSummary,
  toCompactCheckpoint,
  type CompactCheckpoint,
  type FiredAction,
  type JournalEntry,
  type LoanEvent,
  type LoanSummary,
  type LoanTerms,
  type ProductIR,
} from '@plazo/engine';
import { onlyDateMoved, sameJson } from './stored-checkpoint.ts';
import { addAmounts, penaltyAccrual, pickPenalties, ZERO_ACCRUED, ZERO_PENALTIES, type AccruedPosition, type JournalLine, type PenaltyAmounts } from './penalty-accrual.ts';

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
  /** The stored checkpoint (null: the loan's first close). */
  readonly previous: {
    readonly eventSeq: number;
    readonly accrued: AccruedPosition;
    readonly checkpoint: CompactCheckpoint;
    readonly maxDpd: number;
    readonly received: string;
  } | null;
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
  /**
   * The checkpoint to store with the seq of the last event folded into it (null: keep the stored
   * one). `dateOnly`: it is the stored one with only its date moved (a quiet day; see stored-checkpoint.ts),
   * so are the accrual position and the cash received: the stored text may stay.
   */
  readonly checkpoint: { readonly value: CompactCheckpoint; readonly eventSeq: number; readonly accrued: AccruedPosition; readonly received: string; readonly dateOnly: boolean } | null;
  readonly lines: readonly JournalLine[];
  /** The loan event the accrual entry is linked to (the day close, or the event that closed the loan). */
  readonly entrySeq: number | null;
  readonly summary: LoanSummary;
  readonly maxDaysPastDue: number;
  readonly collectionQueue: string | null;
  readonly notifications: readonly NotificationDue[];
  readonly refolded: boolean;
}

/** Whether the loan must be refolded: no checkpoint, an event on or before its date, or a reversal. */
export function needsRefold(previous: LoanCloseInput['previous'], newEvents: readonly StoredEvent[]): boolean {
  if (previous === null) return true;
  return newEvents.some((e) => e.date <= previous.checkpoint.asOf || e.event.kind === 'payment-reversal');
}

function kindOfStep(step: string): NotificationDue['kind'] {
  if (step.startsWith('stage ')) return 'stage';
  const n = Number(step.slice(3));
  return n < 0 ? 'reminder' : n === 0 ? 'due-today' : 'overdue';
}

function queueOf(ir: ProductIR, summary: LoanSummary): string | null {
  if (summary.status !== 'active' || summary.stage === null) return null;
  const step = ir.collection.find((s) => s.kind === 'stage' && s.stage === summary.stage);
  const queue = step?.actions.find((a) => a.kind === 'queue');
  return queue?.kind === 'queue' ? queue.queue : null;
}

function notificationsOf(input: LoanCloseInput, summary: LoanSummary, date: string, actions: readonly FiredAction[], stageTo: string | null | undefined): NotificationDue[] {
  const out: NotificationDue[] = [];
  const variables = (kind: NotificationDue['kind']): Record<string, string> => ({
    cliente: input.externalRef ?? 'cliente',
    credito: input.externalRef ?? input.id.slice(0, 8),
    producto: input.productCode ?? '',
    fecha: kind === 'reminder' || kind === 'due-today' ? (summary.nextDue?.date ?? date) : date,
    monto: `$${kind === 'reminder' || kind === 'due-today' ? (summary.nextDue?.amount ?? summary.overdue) : summary.overdue}`,
    dias_atraso: String(summary.daysPastDue),
    etapa: summary.stage ?? '',
  });
  for (const f of actions) {
    if (f.action.kind !== 'notify') continue;
    const kind = kindOfStep(f.step);
    out.push({ dedupeKey: `${input.id}:${f.installment}:${f.step}:${f.action.channel}:${f.action.template}`, kind, channel: f.action.channel, template: f.action.template, variables: variables(kind) });
  }
  if (stageTo !== undefined && stageTo !== null) {
    const step = input.ir.collection.find((s) => s.kind === 'stage' && s.stage === stageTo);
    // The stage's own notification says it; otherwise a generic stage-change message.
    if (!step?.actions.some((a) => a.kind === 'notify')) {
      out.push({ dedupeKey: `${input.id}:${date}:stage-change:${stageTo}`, kind: 'stage-change', channel: 'sms', template: 'cambio_etapa', variables: variables('stage-change') });
    }
  }
  return out;
}

/** Penalties charged, penalties collected and cash received in the journal of the days folded. */
function fromPostings(postings: readonly JournalEntry[]): { charged: PenaltyAmounts | null; collected: PenaltyAmounts; received: string[] } {
  let charged: PenaltyAmounts | null = null;
  const collected: string[][] = [];
  const received: string[] = [];
  for (const e of postings) {
    if (e.kind === 'day-close') charged = { lateFees: e.lateFees, lateFeesIva: e.lateFeesIva, moratorium: e.moratorium, moratoriumIva: e.moratoriumIva };
    else if (e.kind === 'payment' || e.kind === 'credit-applied') {
      if (e.kind === 'payment') received.push(e.allocation.amount);
      const part = { lateFees: '0', lateFeesIva: '0', moratorium: '0', moratoriumIva: '0' } as Record<keyof PenaltyAmounts, string>;
      let any = false;
      for (const l of e.allocation.lines) {
        if (l.component in part) {
          part[l.component as keyof PenaltyAmounts] = addAmounts(part[l.component as keyof PenaltyAmounts], l.amount);
          any = true;
        }
      }
      if (any) collected.push([part.lateFees, part.lateFeesIva, part.moratorium, part.moratoriumIva]);
    }
  }
  const sum = (i: number) => collected.reduce((a, c) => addAmounts(a, c[i]!), '0');
  return { charged, collected: collected.length === 0 ? ZERO_PENALTIES : { lateFees: sum(0), lateFeesIva: sum(1), moratorium: sum(2), moratoriumIva: sum(3) }, received };
}

/**
 * Closes `date` for one loan. Throws what the engine throws (the chunk records it as the loan's
 * error and leaves the loan for the next run). Returns null when there is nothing to store yet
 * (a first close while later-dated events exist: the loan closes with the next date).
 */
export function closeLoanDay(input: LoanCloseInput, date: string): LoanCloseResult | null {
  const writeClose = input.loanStatus === 'active' && (input.lastEventDate === null || input.lastEventDate <= date);
  const closeEvent: LoanEvent | null = writeClose ? { kind: 'day-close', date } : null;
  const seq = writeClose ? input.lastEventSeq + 1 : null;
  const decimals = input.terms.decimals;
  const previousMax = input.previous?.maxDpd ?? 0;
  const common = (summary: LoanSummary) => ({ summary, maxDaysPastDue: Math.max(previousMax, summary.daysPastDue), collectionQueue: queueOf(input.ir, summary) });

  if (input.allEvents === undefined && input.previous !== null) {
    const upTo = input.newEvents.filter((e) => e.date <= date);
    const events = upTo.map((e) => e.event);
    if (!writeClose) {
      // Later-dated events exist (the run is behind): report the date, keep the checkpoint.
      const { state } = advanceLoan(input.ir, input.terms, input.previous.checkpoint, events, date);
      return { id: input.id, closeEvent: null, checkpoint: null, lines: [], entrySeq: null, ...common(loanSummary(state)), notifications: [], refolded: false };
    }
    const day = closeDay(input.ir, input.terms, input.previous.checkpoint, date, events);
    const folded = fromPostings(day.postings);
    const before = input.previous.accrued;
    const charged = folded.charged ? addPenalties(before.charged, folded.charged) : before.charged;
    const collected = addPenalties(before.collected, folded.collected);
    const accrual = penaltyAccrual(before, { charged, collected, active: day.summary.status === 'active' }, decimals);
    const received = folded.received.reduce((a, r) => addAmounts(a, r), input.previous.received);
    const dateOnly = events.length === 0 && received === input.previous.received && sameJson(accrual.accrued, before) && onlyDateMoved(input.previous.checkpoint, day.checkpoint, date);
    return {
      id: input.id,
      closeEvent: { seq: seq!, event: closeEvent! },
      checkpoint: { value: day.checkpoint, eventSeq: seq!, accrued: accrual.accrued, received, dateOnly },
      lines: accrual.lines,
      entrySeq: seq,
      ...common(day.summary),
      notifications: notificationsOf(input, day.summary, date, day.actions, day.stageChange?.to),
      refolded: false,
    };
  }

  // Refold from all the events (the cumulative figures come from the full state). A loan that
  // left `active` (paid off, written off) gets this last close: its accrual is settled, no event.
  const all = (input.allEvents ?? input.newEvents).filter((e) => e.date <= date);
  const final = input.loanStatus !== 'active';
  if (!writeClose && !final && input.previous === null) return null;
  const events = [...all.map((e) => e.event), ...(closeEvent ? [closeEvent] : [])];
  const { state, checkpoint } = advanceLoan(input.ir, input.terms, null, events, date);
  const summary = loanSummary(state);
  if (!writeClose && !final) return { id: input.id, closeEvent: null, checkpoint: null, lines: [], entrySeq: null, ...common(summary), notifications: [], refolded: true };
  const before = input.previous?.accrued ?? ZERO_ACCRUED;
  const accrual = penaltyAccrual(before, { charged: pickPenalties(state.penaltiesCharged), collected: pickPenalties(state.paid), active: state.status === 'active' }, decimals);
  const received = state.allocations.filter((a) => a.paymentId !== 'credit').reduce((a, r) => addAmounts(a, r.amount), '0');
  const stageChanges = state.journal.filter((e) => e.kind === 'stage-changed' && e.date === date);
  const stageTo = stageChanges.length > 0 ? (stageChanges.at(-1) as Extract<JournalEntry, { kind: 'stage-changed' }>).to : undefined;
  return {
    id: input.id,
    closeEvent: closeEvent && seq !== null ? { seq, event: closeEvent } : null,
    checkpoint: { value: toCompactCheckpoint(input.ir, input.terms, checkpoint), eventSeq: seq ?? all.at(-1)?.seq ?? 0, accrued: accrual.accrued, received, dateOnly: false },
    lines: accrual.lines,
    entrySeq: seq ?? input.lastEventSeq,
    ...common(summary),
    notifications: notificationsOf(input, summary, date, state.actionsDue, stageTo),
    refolded: true,
  };
}

function addPenalties(a: PenaltyAmounts, b: PenaltyAmounts): PenaltyAmounts {
  return { lateFees: addAmounts(a.lateFees, b.lateFees), lateFeesIva: addAmounts(a.lateFeesIva, b.lateFeesIva), moratorium: addAmounts(a.moratorium, b.moratorium), moratoriumIva: addAmounts(a.moratoriumIva, b.moratoriumIva) };
}
