// The loan events the API can record, each as a LoanEventRequest: preconditions on the loan
// (409s with stable codes), the engine event, the cash it moves and what the audit says.
import { Dec, generateSchedule, type LoanEvent, type LoanTerms, type Frequency } from '@plazo/engine';
import type { LoanRow } from '../db/tables/loans.table.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import type { LoanEventRequest } from './loan-servicing.ts';

function requireDisbursed(loan: LoanRow): void {
  if (loan.status === 'pending') throw new ConflictError('loan-not-disbursed', 'the loan has not been disbursed yet', { loanId: loan.id });
}

function requireActive(loan: LoanRow, what: string): void {
  requireDisbursed(loan);
  if (loan.status !== 'active') throw new ConflictError('loan-not-active', `only an active loan can be ${what}; this one is ${loan.status}`, { status: loan.status });
}

/**
 * The money of a loan's disbursement from its terms: the amount disbursed, what the client paid
 * at signing (upfront fees) and the cash the client receives (disbursed − upfront): what the
 * disbursement event books out of 1000 and what a disbursement batch sends by SPEI.
 */
export function disbursementAmounts(terms: LoanTerms): { disbursed: string; upfront: string; cash: string } {
  const schedule = generateSchedule(terms);
  return { disbursed: schedule.disbursed, upfront: schedule.upfront, cash: new Dec(schedule.disbursed).minus(schedule.upfront).toFixed() };
}

export function disbursementRequest(body: { reference?: string | undefined }, idempotencyKey: string | undefined): LoanEventRequest {
  return {
    kind: 'disbursement',
    body,
    idempotencyKey,
    status: 201,
    build(loan) {
      if (loan.status !== 'pending') throw new ConflictError('loan-already-disbursed', `the loan was disbursed on ${loan.disbursed_on}`, { disbursedOn: loan.disbursed_on });
      const terms = loan.terms as unknown as LoanTerms;
      const event = { kind: 'disbursement', date: terms.disbursementDate, ...(body.reference ? { reference: body.reference } : {}) } as LoanEvent;
      // Cash out of 1000: what the client receives (what they paid at signing stays in).
      const amounts = disbursementAmounts(terms);
      return { event, cash: new Dec(amounts.cash).negated().toFixed(), action: 'disburse', details: { disbursed: amounts.disbursed, upfront: amounts.upfront } };
    },
  };
}

/** How a payment came and who paid it (PLD): stored in the event's payload when sent; no method means `transfer`. */
export interface PaymentOrigin {
  readonly method?: 'cash' | 'transfer' | 'card' | 'payroll' | 'check' | 'other' | undefined;
  readonly payer?: { readonly name: string; readonly relationship: 'self' | 'third-party' } | undefined;
}

export function paymentRequest(body: { amount: string; date?: string | undefined; reference?: string | undefined } & PaymentOrigin, idempotencyKey: string | undefined): LoanEventRequest {
  return {
    kind: 'payment',
    body,
    idempotencyKey,
    status: 201,
    build(loan, _events, ctx) {
      requireDisbursed(loan);
      if (loan.status === 'paid-off') throw new ConflictError('loan-paid-off', `the loan was paid off on ${loan.closed_on}`, { closedOn: loan.closed_on });
      if (loan.status === 'cancelled') throw new ConflictError('loan-not-active', 'the loan is cancelled', { status: loan.status });
      const event = { kind: 'payment', id: uuidv7(), date: body.date ?? ctx.today, amount: body.amount, ...(body.reference ? { reference: body.reference } : {}), ...(body.method ? { method: body.method } : {}), ...(body.payer ? { payer: body.payer } : {}) } as LoanEvent;
      return { event, cash: body.amount, action: 'payment', details: { amount: body.amount, paymentId: (event as { id: string }).id, ...(body.reference ? { reference: body.reference } : {}), ...(body.method ? { method: body.method } : {}) } };
    },
  };
}

export function reversalRequest(paymentId: string, body: { date?: string | undefined; reason?: string | undefined }, idempotencyKey: string | undefined): LoanEventRequest {
  return {
    kind: 'payment-reversal',
    body: { paymentId, ...body },
    idempotencyKey,
    status: 201,
    build(loan, events, ctx) {
      requireDisbursed(loan);
      const payment = events.find((e): e is Extract<LoanEvent, { kind: 'payment' }> => e.kind === 'payment' && e.id === paymentId);
      if (!payment) throw new NotFoundError('payment', paymentId);
      if (events.some((e) => e.kind === 'payment-reversal' && e.paymentId === paymentId)) {
        throw new ConflictError('payment-already-reversed', `payment \`${paymentId}\` is already reversed`, { paymentId });
      }
      const event = { kind: 'payment-reversal', date: body.date ?? ctx.today, paymentId, ...(body.reason ? { reason: body.reason } : {}) } as LoanEvent;
      return { event, cash: new Dec(payment.amount).negated().toFixed(), action: 'reverse-payment', details: { paymentId, amount: payment.amount } };
    },
  };
}

export function restructureRequest(
  body: { installments: number; frequency?: Frequency | undefined; annualRate?: string | undefined; firstDueDate?: string | undefined; date?: string | undefined },
  idempotencyKey: string | undefined,
): LoanEventRequest {
  return {
    kind: 'restructure',
    body,
    idempotencyKey,
    status: 201,
    build(loan, _events, ctx) {
      requireActive(loan, 'restructured');
      const { date, ...rest } = body;
      const event = { kind: 'restructure', date: date ?? ctx.today, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) } as LoanEvent;
      return { event, cash: '0', action: 'restructure', details: { installments: body.installments } };
    },
  };
}

export function writeOffRequest(body: { date?: string | undefined; reason?: string | undefined }, idempotencyKey: string | undefined): LoanEventRequest {
  return {
    kind: 'write-off',
    body,
    idempotencyKey,
    status: 201,
    build(loan, _events, ctx) {
      requireActive(loan, 'written off');
      const event = { kind: 'write-off', date: body.date ?? ctx.today, ...(body.reason ? { reason: body.reason } : {}) } as LoanEvent;
      return { event, cash: '0', action: 'write-off', details: body.reason ? { reason: body.reason } : {} };
    },
  };
}
