// A promise to pay's outcome, one rule for the contact log, the queue filters and the collections
// report: the payments booked on the loan from the contact's business date through the promised
// date (less the ones reversed) are what was paid on it; the promise is `kept` when they reach the
// promised amount, `broken` when the promised date has passed (before today's business date)
// without that, `pending` otherwise.
import { sql, type RawBuilder } from 'kysely';

export const PROMISE_OUTCOMES = ['kept', 'broken', 'pending'] as const;
export type PromiseOutcome = (typeof PROMISE_OUTCOMES)[number];

/** What was paid on a promise made on `contactedOn` (a date) for `promiseDate` on `loanId`: a numeric expression. */
export function promisePaid(loanId: RawBuilder<unknown>, contactedOn: RawBuilder<unknown>, promiseDate: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(select coalesce(sum((e.payload->>'amount')::numeric), 0) from loan_events e
    where e.loan_id = ${loanId} and e.type = 'payment' and e.effective_on between ${contactedOn} and ${promiseDate}
      and not exists (select 1 from loan_events r where r.loan_id = e.loan_id and r.type = 'payment-reversal' and r.payload->>'paymentId' = e.payload->>'id'))`;
}

/**
 * The outcome of a promise with `paid` on it (promisePaid), `amount` and `promiseDate` as of
 * `today` (the business date): a text expression, null when there is no promise (amount null).
 */
export function promiseOutcome(paid: RawBuilder<unknown>, amount: RawBuilder<unknown>, promiseDate: RawBuilder<unknown>, today: string): RawBuilder<PromiseOutcome | null> {
  return sql<PromiseOutcome | null>`case when ${amount} is null then null when ${paid} >= ${amount} then 'kept'
    when ${promiseDate} < ${today}::date then 'broken' else 'pending' end`;
}
