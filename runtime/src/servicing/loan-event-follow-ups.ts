// What a loan event writes besides itself, in the event's own statement (so it stands or falls
// with the event): the loan's open installments for the expected cash flow
// (reports/open-installments.ts) and, for a payment, the client's notifications
// (notifications/payment-notifications.ts).
import type { LoanEvent, LoanState, ProductIR } from '@plazo/engine';
import type { QueryCreator } from 'kysely';
import type { Executor } from '../db/database.ts';
import { cachedTemplates, outboxInsert, paymentNotifications } from '../notifications/payment-notifications.ts';
import { openInstallmentsOf, openInstallmentsWrite } from '../reports/open-installments.ts';

export interface LoanEventFacts {
  readonly loan: { readonly id: string; readonly external_ref: string | null; readonly product_code: string | null };
  readonly ir: ProductIR;
  readonly event: LoanEvent;
  /** The engine's state of the loan on the event's date, the event folded in. */
  readonly after: LoanState;
  readonly ctx: { readonly actor: string; readonly at: string };
}

/**
 * `write` (the event's statement, a chain of `with` clauses) with the follow-ups' clauses added.
 * Reads the template registry (cached) for a payment; nothing else before the statement runs.
 * @example
 * await (await withLoanEventFollowUps(db, write, { loan, ir, event, after, ctx })).selectNoFrom(...).execute();
 */
export async function withLoanEventFollowUps<Q extends QueryCreator<any>>(db: Executor, write: Q, facts: LoanEventFacts): Promise<Q> {
  const { loan, ir, event, after, ctx } = facts;
  let q = write as QueryCreator<any>;
  for (const [name, clause] of openInstallmentsWrite(loan.id, openInstallmentsOf(ir, after))) q = q.with(name, () => clause);
  if (event.kind === 'payment') {
    const notes = paymentNotifications({ id: loan.id, externalRef: loan.external_ref, productCode: loan.product_code }, ir, event, after, await cachedTemplates(db));
    q = q.with('payment_notices', () => outboxInsert(loan.id, event.date, notes, ctx));
  }
  return q as Q;
}
