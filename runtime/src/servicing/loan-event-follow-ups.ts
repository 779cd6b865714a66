// What a loan event writes besides itself, in the event's own statement (so it stands or falls
// with the event; servicing/loan-event-statement.ts writes it): the loan's open installments for
// the expected cash flow (reports/open-installments.ts) and, for a payment, the client's
// notifications (notifications/payment-notifications.ts).
import type { LoanEvent, LoanState, ProductIR } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import { cachedTemplates, paymentNotifications, type QueuedNotification } from '../notifications/payment-notifications.ts';
import { openInstallmentChanges, openInstallmentsOf, type OpenInstallment, type OpenInstallmentChanges } from '../reports/open-installments.ts';

export interface LoanEventFacts {
  readonly loan: { readonly id: string; readonly external_ref: string | null; readonly product_code: string | null };
  readonly ir: ProductIR;
  readonly event: LoanEvent;
  /** The engine's state of the loan on the event's date, the event folded in. */
  readonly after: LoanState;
  /** The loan's rows in `loan_open_installments` before the event. */
  readonly storedOpen: readonly OpenInstallment[];
}

export interface LoanEventFollowUps {
  readonly openInstallments: OpenInstallmentChanges;
  readonly notifications: readonly QueuedNotification[];
}

/**
 * How the loan's open installments change with the event and, for a payment, the notifications to queue.
 * Reads the template registry (cached) for a payment; nothing else.
 * @example
 * const { openInstallments, notifications } = await loanEventFollowUps(db, { loan, ir, event, after, storedOpen });
 */
export async function loanEventFollowUps(db: Executor, facts: LoanEventFacts): Promise<LoanEventFollowUps> {
  const { loan, ir, event, after, storedOpen } = facts;
  const notifications =
    event.kind === 'payment'
      ? paymentNotifications({ id: loan.id, externalRef: loan.external_ref, productCode: loan.product_code }, ir, event, after, await cachedTemplates(db))
      : [];
  return { openInstallments: openInstallmentChanges(storedOpen, openInstallmentsOf(ir, after)), notifications };
}
