// One loan's day close, computed in Node from what the chunk read. The hot path is the engine's
// `closeDay` on the loan's compact checkpoint (~1 KB of JSON) with the events booked since (its
// summary, and the facts the books read); a loan without a usable checkpoint (its first close, a
// reversal, a payment booked on an already closed day, a loan of the cash-basis ledger to convert)
// is refolded from all its events. This module turns the engine's state into the report summary,
// the loan's books on the date (with the position they replace: the chunk posts the sum of the
// differences as one entry), the notifications due and whether the product's collection policy
// writes the loan off. No I/O: the chunk reads and
// writes for thousands of loans at once.
import {
  advanceLoan,
  closeDay,
  Dec,
  loanSummary,
  toCompactCheckpoint,
  type BooksContext,
  type BooksFacts,
  type CompactCheckpoint,
  type FiredAction,
  type JournalEntry,
  type LoanEvent,
  type LoanSummary,
  type LoanTerms,
  type ProductIR,
} from '@plazo/engine';
import { onlyDateMoved } from './stored-checkpoint.ts';
import { timedSync } from './eod-timings.ts';
import type { BooksSettings } from '../ledger/books-settings.ts';
import { booksContext, booksFromHistory, moveBooks, productReserve, type BooksMove, type LoanBooks, type Position } from '../ledger/loan-books.ts';

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
  /** `loans.state` as stored (the chunk writes it back with the date's close and books). */
  readonly state: Readonly<Record<string, unknown>>;
  /** The loan's stored books (null: nothing booked yet). */
  readonly books: LoanBooks | null;
  /** A loan of the cash-basis ledger: what the journal holds for it (its books start from its whole history). */
  readonly legacy: Position | null;
  /** The stored checkpoint (null: the loan's first close). */
  readonly previous: {
    readonly eventSeq: number;
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
   * and so is the cash received: the stored text may stay.
   */
  readonly checkpoint: { readonly value: CompactCheckpoint; readonly eventSeq: number; readonly received: string; readonly dateOnly: boolean } | null;
  /** The loan's books on the date and the position they replace (null: the stored books stay, e.g. they are at a later event's date). */
  readonly books: BooksMove | null;
  readonly summary: LoanSummary;
  readonly maxDaysPastDue: number;
  readonly collectionQueue: string | null;
  readonly notifications: readonly NotificationDue[];
  readonly refolded: boolean;
  /** The product's collection policy writes the loan off on the date (the run appends the write-off event). */
  readonly writeOff: boolean;
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

/**
 * Whether the product's `write off` collection action applies to an active loan on the date: it
 * fired on the date, or the loan stands in a stage that carries it (the action fired on an earlier
 * date that no end of day carried out: a database from before the end of day fired it).
 */
export function writeOffDue(ir: ProductIR, summary: LoanSummary, actions: readonly FiredAction[]): boolean {
  if (summary.status !== 'active') return false;
  if (actions.some((f) => f.action.kind === 'write-off')) return true;
  if (summary.stage === null) return false;
  const step = ir.collection.find((s) => s.kind === 'stage' && s.stage === summary.stage);
  return step?.actions.some((a) => a.kind === 'write-off') ?? false;
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

/** Cash received (payments' amounts) in the journal of the days folded. */
function receivedIn(journal: readonly JournalEntry[], before: string): string {
  let total: InstanceType<typeof Dec> | null = null;
  for (const e of journal) if (e.kind === 'payment') total = (total ?? new Dec(before)).plus(e.allocation.amount);
  return total === null ? before : total.toFixed();
}

/** The stage the journal of the days folded ends at on `date`, when it changed on `date`. */
function stageChangeOn(journal: readonly JournalEntry[], date: string): string | null | undefined {
  let to: string | null | undefined;
  for (const e of journal) if (e.kind === 'stage-changed' && e.date === date) to = e.to;
  return to;
}

/** How the close books: the institution's settings, and whether the date is a reserve date (a month end). */
export interface CloseBooks {
  readonly settings: BooksSettings;
  readonly reserveDate: boolean;
}

/**
 * The books of the loan's state on the date (reserves on a reserve date, for a loan still active),
 * unless its stored books are at a later date already (events dated after the run's date). A loan
 * of the cash-basis ledger gets its books from its whole history (`events`: all of them, the
 * close's included).
 */
function booksOf(input: LoanCloseInput, facts: BooksFacts, date: string, how: CloseBooks, events: readonly LoanEvent[]): BooksMove | null {
  if (input.books !== null && input.books.date > date) return null;
  const reserve = how.reserveDate && facts.status === 'active' ? productReserve(input.ir, input.terms) : null;
  const ctx: BooksContext = booksContext(how.settings, input.terms, reserve);
  return timedSync(how.reserveDate ? 'reserves' : 'books', () => {
    const legacy = input.legacy === null ? null : { position: input.legacy, books: booksFromHistory(input.ir, input.terms, events, date, how.settings) };
    return moveBooks(facts, input.books, legacy, ctx, input.terms);
  });
}

/**
 * Closes `date` for one loan. Throws what the engine throws (the chunk records it as the loan's
 * error and leaves the loan for the next run). Returns null when there is nothing to store yet
 * (a first close while later-dated events exist: the loan closes with the next date).
 */
export function closeLoanDay(input: LoanCloseInput, date: string, how: CloseBooks): LoanCloseResult | null {
  const writeClose = input.loanStatus === 'active' && (input.lastEventDate === null || input.lastEventDate <= date);
  const closeEvent: LoanEvent | null = writeClose ? { kind: 'day-close', date } : null;
  const seq = writeClose ? input.lastEventSeq + 1 : null;
  const previousMax = input.previous?.maxDpd ?? 0;
  const common = (summary: LoanSummary) => ({ summary, maxDaysPastDue: Math.max(previousMax, summary.daysPastDue), collectionQueue: queueOf(input.ir, summary) });

  if (input.allEvents === undefined && input.previous !== null && input.legacy === null) {
    const upTo = input.newEvents.filter((e) => e.date <= date);
    const events = upTo.map((e) => e.event);
    if (!writeClose) {
      // Later-dated events exist (the run is behind): report the date, keep the checkpoint and the books.
      const { state } = advanceLoan(input.ir, input.terms, input.previous.checkpoint, events, date);
      return { id: input.id, closeEvent: null, checkpoint: null, books: null, ...common(loanSummary(state)), notifications: [], refolded: false, writeOff: false };
    }
    const day = closeDay(input.ir, input.terms, input.previous.checkpoint, date, events);
    const received = receivedIn(day.postings, input.previous.received);
    const dateOnly = events.length === 0 && received === input.previous.received && onlyDateMoved(input.previous.checkpoint, day.checkpoint, date);
    return {
      id: input.id,
      closeEvent: { seq: seq!, event: closeEvent! },
      checkpoint: { value: day.checkpoint, eventSeq: seq!, received, dateOnly },
      books: booksOf(input, day.booksFacts, date, how, []),
      ...common(day.summary),
      notifications: notificationsOf(input, day.summary, date, day.actions, day.stageChange?.to),
      refolded: false,
      writeOff: writeOffDue(input.ir, day.summary, day.actions),
    };
  }

  // Refold from all the events (the cumulative figures come from the full state). A loan that
  // left `active` (paid off, written off) gets this last close: its books are settled, no event.
  const all = (input.allEvents ?? input.newEvents).filter((e) => e.date <= date);
  const final = input.loanStatus !== 'active';
  if (!writeClose && !final && input.previous === null) return null;
  const events = [...all.map((e) => e.event), ...(closeEvent ? [closeEvent] : [])];
  const { state, checkpoint } = advanceLoan(input.ir, input.terms, null, events, date);
  const summary = loanSummary(state);
  if (!writeClose && !final) return { id: input.id, closeEvent: null, checkpoint: null, books: null, ...common(summary), notifications: [], refolded: true, writeOff: false };
  const received = state.allocations.filter((a) => a.paymentId !== 'credit').reduce((a, r) => a.plus(r.amount), new Dec(0)).toFixed();
  return {
    id: input.id,
    closeEvent: closeEvent && seq !== null ? { seq, event: closeEvent } : null,
    checkpoint: { value: toCompactCheckpoint(input.ir, input.terms, checkpoint), eventSeq: seq ?? all.at(-1)?.seq ?? 0, received, dateOnly: false },
    books: booksOf(input, state, date, how, events),
    ...common(summary),
    notifications: notificationsOf(input, summary, date, state.actionsDue, stageChangeOn(state.journal, date)),
    refolded: true,
    writeOff: writeClose && writeOffDue(input.ir, summary, state.actionsDue),
  };
}
