// The facts an unusual-operation rule reads about a posted payment (engine OperationFacts), from
// the database: the amount; cash or not and who paid (the payment's stored `method` — `cash` is
// cash — and `payer.relationship` — `third-party` is a third party; absent: not cash, the client);
// payment or payoff (a payment after which the loan is paid off); days since the disbursement; the
// loan's amount and regular installment; the client's cash payments in the calendar month of the
// payment, this one included, reversed ones left out (a loan without a client: that loan's); and
// the client's risk grade and PEP flag.
import { Dec as Decimal, daysBetween, generateSchedule, parseLoanTerms, regularInstallment, type OperationFacts } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';

export interface OperationRef {
  readonly loanId: string;
  /** The payment's id (its event's `id`), or the event's sequence number in the loan. */
  readonly eventId: string | number;
}

interface StoredPayment {
  readonly kind?: string;
  readonly id?: string;
  readonly date?: string;
  readonly amount?: string;
  readonly method?: string;
  readonly payer?: { readonly relationship?: string } | null;
}

function day(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** The first day of the month of `date` and of the next month (`YYYY-MM-DD`). */
export function monthBounds(date: string): { start: string; next: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return { start: `${y}-${String(m).padStart(2, '0')}-01`, next: `${ny}-${String(nm).padStart(2, '0')}-01` };
}

/** Regular installments by the loan's terms (text): a schedule is generated once per terms, not per payment. */
const installments = new Map<string, string | null>();
const INSTALLMENT_CACHE = 2_000;

/** The loan's regular installment from its terms, or null when the terms cannot be scheduled. */
function installmentOf(terms: unknown): string | null {
  const key = typeof terms === 'string' ? terms : JSON.stringify(terms);
  const known = installments.get(key);
  if (known !== undefined) return known;
  let installment: string | null;
  try {
    installment = regularInstallment(generateSchedule(parseLoanTerms(typeof terms === 'string' ? JSON.parse(terms) : terms)));
  } catch {
    installment = null;
  }
  if (installments.size >= INSTALLMENT_CACHE) installments.clear();
  installments.set(key, installment);
  return installment;
}

interface PaymentRow {
  readonly id: string;
  readonly client_id: string | null;
  readonly principal: string;
  readonly terms: unknown;
  readonly status: string;
  readonly disbursed_on: unknown;
  readonly opened_on: unknown;
  readonly risk_grade: OperationFacts['client']['risk_grade'];
  readonly pep: boolean | null;
  readonly seq: number | null;
  readonly effective_on: unknown;
  readonly payload: unknown;
  readonly later: boolean | null;
}

/** The facts of one posted payment (404 when the loan or the payment does not exist). */
export async function operationFacts(tx: Executor, ref: OperationRef): Promise<OperationFacts> {
  const bySeq = typeof ref.eventId === 'number' || /^\d+$/.test(ref.eventId);
  const which = bySeq ? sql`e.seq = ${Number(ref.eventId)}` : sql`e.payload->>'id' = ${String(ref.eventId)}`;
  // The loan, its client's grade, the payment and whether a payment came after it: one statement.
  const { rows } = await sql<PaymentRow>`
    select l.id, l.client_id, l.principal, l.terms, l.status, l.disbursed_on, l.opened_on, c.risk_grade, c.pep,
      e.seq, e.effective_on, e.payload,
      exists (select 1 from loan_events x where x.loan_id = l.id and x.type = 'payment' and x.seq > e.seq) as later
    from loans l
    left join clients c on c.id = l.client_id
    left join loan_events e on e.loan_id = l.id and e.type = 'payment' and ${which}
    where l.id = ${ref.loanId}
    limit 1`.execute(tx);
  const loan = rows[0];
  if (!loan) throw new NotFoundError('loan', ref.loanId);
  if (loan.seq === null) throw new NotFoundError('payment', String(ref.eventId));
  const payment = (typeof loan.payload === 'string' ? JSON.parse(loan.payload) : loan.payload) as StoredPayment;
  const date = day(payment.date ?? loan.effective_on);
  const cash = payment.method === 'cash';

  // A payoff: the loan is paid off and no payment came after this one.
  const kind = loan.status === 'paid-off' && !loan.later ? 'payoff' : 'payment';

  const { start, next } = monthBounds(date);
  const scope = loan.client_id === null ? sql`l.id = ${loan.id}` : sql`l.client_id = ${loan.client_id}`;
  const month = await sql<{ amount: string }>`
    select e.payload->>'amount' as amount
    from loan_events e join loans l on l.id = e.loan_id
    where ${scope} and e.type = 'payment' and e.payload->>'method' = 'cash'
      and e.effective_on >= ${start}::date and e.effective_on < ${next}::date
      and not exists (
        select 1 from loan_events r
        where r.loan_id = e.loan_id and r.type = 'payment-reversal' and r.payload->>'paymentId' = e.payload->>'id')`.execute(tx);
  const cashTotal = month.rows.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));

  const disbursed = loan.disbursed_on ?? loan.opened_on;
  return {
    operation: {
      amount: new Decimal(payment.amount ?? '0').toFixed(2),
      cash,
      third_party: payment.payer?.relationship === 'third-party',
      days_since_disbursement: disbursed ? daysBetween(day(disbursed), date) : null,
      kind,
    },
    loan: { installment: installmentOf(loan.terms), amount: new Decimal(loan.principal).toFixed(2) },
    month: { cash_total: cashTotal.toFixed(2), cash_count: month.rows.length },
    client: { risk_grade: loan.risk_grade ?? null, pep: loan.pep ?? false },
  };
}
