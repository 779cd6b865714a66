// Restructuring offers at the stage the product defines (`offer restructure` in its collection
// policy): the engine's `restructureOffer` on the loan's events today — new terms, schedule, CAT —
// and accepting it, which posts the offered restructure through the servicing's own restructure
// request and event append (idempotent, serialized per loan, posted and audited like any event).
import { restructureOffer, type LoanEvent, type LoanTerms, type ProductIR, type RestructureOfferResult } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import type { LoanRow } from '../db/tables/loans.table.ts';
import { AppError, ConflictError } from '../errors.ts';
import { withEngineInput } from '../http/engine-errors.ts';
import { irOf } from '../products/product-versions.ts';
import { restructureRequest } from '../servicing/loan-event-requests.ts';
import { eventOf, findLoan, loanEvents, type LoanEventRequest } from '../servicing/loan-servicing.ts';

/** The stages of a product that make a restructuring offer, in policy order. */
export function offeringStages(ir: ProductIR): string[] {
  return ir.collection.flatMap((s) => (s.kind === 'stage' && s.actions.some((a) => a.kind === 'offer-restructure') ? [s.stage] : []));
}

/** The offer of `loan` on `date` (409 before disbursement or once the loan is no longer active, 404 when its stage makes none). */
function offerOf(loan: LoanRow, ir: ProductIR, events: readonly LoanEvent[], date: string): NonNullable<RestructureOfferResult['offer']> & { date: string } {
  if (loan.status === 'pending') throw new ConflictError('loan-not-disbursed', 'the loan has not been disbursed yet', { loanId: loan.id });
  const result = withEngineInput(() => restructureOffer(ir, loan.terms as unknown as LoanTerms, events, date), { message: 'the restructuring offer cannot be computed for this loan' });
  if (result.status !== 'active') throw new ConflictError('loan-not-active', `only an active loan can be restructured; this one is ${result.status}`, { status: result.status });
  if (result.offer === null) {
    const stages = offeringStages(ir);
    const where = result.stage === null ? 'the loan is current (no collection stage)' : `the loan is in stage \`${result.stage}\``;
    const offered = stages.length === 0 ? `product \`${ir.code}\` makes no restructuring offer` : `product \`${ir.code}\` offers restructuring at stage ${stages.map((s) => `\`${s}\``).join(', ')}`;
    throw new AppError(404, 'no-restructuring-offer', `${where}: ${offered}`, { stage: result.stage, offeredAt: stages });
  }
  return { ...result.offer, date };
}

/** The offer as the API shows it: the stage, what accepting posts, the new principal, terms, schedule and CAT. */
function offerView(loanId: string, offer: ReturnType<typeof offerOf>) {
  const { installments, frequency, annualRate } = offer.terms;
  return {
    loanId,
    date: offer.date,
    stage: offer.stage,
    offer: { installments, frequency, annualRate },
    principal: offer.principal,
    terms: offer.terms as unknown as Record<string, unknown>,
    schedule: offer.schedule as unknown as Record<string, unknown>,
    cat: offer.schedule.cat,
  };
}

/** The restructuring offer the loan's product makes it today. */
export async function restructuringOffer(db: Executor, loanId: string, today: string) {
  const loan = await findLoan(db, loanId);
  const ir = await irOf(db, loan.product_version_id);
  const events = (await loanEvents(db, loanId)).map((e) => eventOf(e.payload));
  return offerView(loanId, offerOf(loan, ir, events, today));
}

/**
 * The event request that accepts today's offer, for the servicing's event append: the servicing's
 * restructure request with the offer's terms, built from the loan and events the append reads
 * (so the offer is the one in force when the event is written). With an Idempotency-Key a repeat
 * returns the first response, even though the loan, restructured, no longer has an offer.
 */
export async function acceptOfferRequest(db: Executor, loanId: string, idempotencyKey: string | undefined): Promise<LoanEventRequest> {
  const loan = await findLoan(db, loanId);
  const ir = await irOf(db, loan.product_version_id);
  return {
    kind: 'restructure',
    body: { restructuringOffer: 'accept' },
    idempotencyKey,
    status: 201,
    build(locked, events, context) {
      const offer = offerOf(locked, ir, events, context.today);
      const { installments, frequency, annualRate } = offer.event;
      const built = restructureRequest({ installments, frequency, annualRate, date: offer.date }, idempotencyKey).build(locked, events, context);
      return { ...built, details: { ...built.details, offerStage: offer.stage } };
    },
  };
}
