// Restructuring offers: the terms a product's collection policy offers a loan at the stage it is
// in (`offer restructure` on a stage), computed by folding the loan's events with the restructure
// the offer would post — so the offer is exactly what accepting it does.
import type { CollectionAction, IsoDate, ProductIR } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import type { Schedule } from '../schedule/schedule.ts';
import { foldFromStart } from './compute-loan-state.ts';
import { isOpen, outstandingOf } from './ledger.ts';
import type { LoanEvent, RestructureEvent } from './loan-event.ts';
import type { LoanStatus } from './loan-state.ts';

/** The offer a loan may accept on `date`. */
export interface RestructureOffer {
  /** The stage that makes it. */
  readonly stage: string;
  /** The event that accepts it, as `loanState` folds it (and the runtime posts it). */
  readonly event: RestructureEvent;
  /** The new principal: everything owed on the date (penalties and IVA included), net of credit. */
  readonly principal: string;
  /** The new schedule's terms (the loan's method, basis, rounding, IVA; the offer's count, frequency and rate). */
  readonly terms: LoanTerms;
  /** The new schedule, CAT included. */
  readonly schedule: Schedule;
}

export interface RestructureOfferResult {
  readonly date: IsoDate;
  readonly status: LoanStatus;
  /** The loan's collection stage on the date, or null (current, or not active). */
  readonly stage: string | null;
  /** Null when the loan is not active or its stage offers no restructure. */
  readonly offer: RestructureOffer | null;
}

type OfferAction = Extract<CollectionAction, { kind: 'offer-restructure' }>;

/** The `offer restructure` of the stage named `stage`, if the product makes one there. */
export function stageRestructureOffer(product: ProductIR, stage: string | null): OfferAction | undefined {
  if (stage === null) return undefined;
  const step = product.collection.find((s) => s.kind === 'stage' && s.stage === stage);
  return step?.actions.find((a): a is OfferAction => a.kind === 'offer-restructure');
}

/**
 * The restructuring offer of the loan on `date` (events after the date are ignored): the stage
 * the loan is in and, when that stage says `offer restructure`, the restructure event with the
 * offer's terms — installments (default: as many as the loan still has open), frequency and rate
 * (default: the loan's) — and the principal, terms and schedule (with its CAT) that event gives.
 * Throws InvalidInputError as `loanState` does (paths `events[i]…`, `asOf`), and when the offer's
 * terms cannot make a schedule for this loan (path `events[n].…`).
 * @example
 * const { stage, offer } = restructureOffer(ir, terms, events, '2025-03-20');
 * if (offer) post(offer.event); // offer.schedule.cat, offer.schedule.installments[0].total
 */
export function restructureOffer(product: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], date: IsoDate): RestructureOfferResult {
  const upTo = events.filter((e) => e.date <= date);
  const { ledger } = foldFromStart(product, terms, upTo, date);
  const stage = ledger.status === 'active' ? (ledger.stage?.stage ?? null) : null;
  const action = stageRestructureOffer(product, stage);
  if (stage === null || action === undefined) return Object.freeze({ date, status: ledger.status, stage, offer: null });
  const open = ledger.installments.filter((i) => isOpen(i) && outstandingOf(i) > 0n).length;
  const event: RestructureEvent = Object.freeze({
    kind: 'restructure',
    date,
    installments: action.installments ?? Math.max(1, open),
    ...(action.frequency !== undefined ? { frequency: action.frequency } : {}),
    ...(action.annualRate !== undefined ? { annualRate: action.annualRate } : {}),
  });
  const after = foldFromStart(product, terms, [...upTo, event], date).ledger;
  const segment = after.segments[after.segments.length - 1]!;
  const restructured = after.journal.findLast((e) => e.kind === 'restructured' && e.date === date);
  const principal = restructured?.kind === 'restructured' ? restructured.principal : segment.terms.principal;
  return Object.freeze({
    date,
    status: ledger.status,
    stage,
    offer: Object.freeze({ stage, event, principal, terms: segment.terms, schedule: segment.schedule! }),
  });
}
