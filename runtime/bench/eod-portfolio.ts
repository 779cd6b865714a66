// A seeded loan portfolio for the end of day: plans (product, amount, term, payer behaviour and
// its payments) drawn from the example products' limits, written either through the HTTP API
// (tests: realistic, audited, posted) or directly into the database with multi-row INSERTs
// (the benchmark: N loans in seconds, no HTTP). Payers: on time, late (days after each due
// date, sometimes partial), defaulted (stop paying after a few installments).
import { addDays, generateSchedule, loanState, loanTermsFor, OverpaymentError, type LoanEvent, type LoanTerms, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { uuidv7 } from '../src/ids.ts';
import { bandOf, seededRandom } from '../src/bootstrap/portfolio-sampling.ts';

/** The example products the portfolio mixes, with their weight. */
export const PORTFOLIO_PRODUCTS: readonly { code: string; weight: number }[] = [
  { code: 'microcredito_grupal', weight: 35 },
  { code: 'nomina', weight: 25 },
  { code: 'financiamiento_tienda', weight: 25 },
  { code: 'capital_trabajo', weight: 10 },
  { code: 'adelanto_nomina', weight: 5 },
];

export type Payer = 'on-time' | 'late' | 'defaulted';

export interface LoanPlan {
  readonly product: string;
  readonly terms: LoanTerms;
  readonly payer: Payer;
  /** Payments by date (amount as a decimal string), within the plan's horizon. */
  readonly payments: readonly { readonly date: string; readonly amount: string }[];
}

function centsOf(amount: string): bigint {
  const [i, f = ''] = amount.split('.');
  return BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2));
}
function formatCents(c: bigint): string {
  const s = c.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/**
 * The engine refuses a payment above the payoff: each such payment of the plan becomes the largest
 * the loan takes on its date (the refusal says which), or goes when nothing is owed.
 */
function withinPayoff(ir: ProductIR, terms: LoanTerms, paid: { date: string; amount: string }[]): void {
  for (let tries = 0; tries <= paid.length; tries++) {
    const events: LoanEvent[] = [{ kind: 'disbursement', date: terms.disbursementDate }, ...paid.map((p, j) => ({ kind: 'payment' as const, id: `p${j + 1}`, date: p.date, amount: p.amount }))];
    try {
      loanState(ir, terms, events, paid[paid.length - 1]?.date ?? terms.disbursementDate);
      return;
    } catch (e) {
      if (!(e instanceof OverpaymentError)) throw e;
      const at = Number(/^events\[(\d+)\]/.exec(e.issues[0]?.path ?? '')?.[1]) - 1;
      if (!(at >= 0 && at < paid.length)) throw e;
      if (centsOf(e.maximum) <= 0n) paid.splice(at);
      else paid[at] = { date: paid[at]!.date, amount: e.maximum };
    }
  }
}

/**
 * Plans `n` loans disbursed between `from` and `to`, paying until `horizon`.
 * `late`: each payment 1–20 days after its due date, a fifth of them partial; `defaulted`: pays
 * 0–3 installments, then nothing.
 */
export function planPortfolio(irs: ReadonlyMap<string, ProductIR>, options: { n: number; seed: number; from: string; to: string; horizon: string; mix?: Readonly<Record<Payer, number>> }): LoanPlan[] {
  const rnd = seededRandom(options.seed);
  const mix = options.mix ?? { 'on-time': 0.7, late: 0.2, defaulted: 0.1 };
  const products = PORTFOLIO_PRODUCTS.filter((p) => irs.has(p.code));
  const weight = products.reduce((a, p) => a + p.weight, 0);
  const span = Math.max(0, (Date.parse(options.to) - Date.parse(options.from)) / 86_400_000);
  const plans: LoanPlan[] = [];
  for (let k = 0; k < options.n; k++) {
    let pick = rnd() * weight;
    const product = products.find((p) => (pick -= p.weight) < 0) ?? products[0]!;
    const ir = irs.get(product.code)!;
    const limits = ir.limits as { amount: { min: string; max: string; step?: string }; terms: { frequency: string; payments: { min: number; max: number } }[] };
    const step = Number(limits.amount.step ?? '1');
    const min = Number(limits.amount.min);
    const max = Math.min(Number(limits.amount.max), min * 8);
    const amount = String(min + Math.floor((rnd() * (max - min)) / step) * step);
    const term = limits.terms[Math.floor(rnd() * limits.terms.length)]!;
    const payments = term.payments.min + Math.floor(rnd() * (term.payments.max - term.payments.min + 1));
    const start = addDays(options.from, Math.floor(rnd() * (span + 1)));
    let terms: LoanTerms;
    let schedule: ReturnType<typeof generateSchedule>;
    try {
      terms = loanTermsFor(ir, { amount, payments, frequency: term.frequency as LoanTerms['frequency'] }, bandOf(ir), start);
      schedule = generateSchedule(terms);
    } catch {
      k--;
      continue;
    }
    const r = rnd();
    const payer: Payer = r < mix['on-time'] ? 'on-time' : r < mix['on-time'] + mix.late ? 'late' : 'defaulted';
    const paid: { date: string; amount: string }[] = [];
    const stopAfter = payer === 'defaulted' ? Math.floor(rnd() * 4) : Infinity;
    let last = start;
    // Until the last installment a payment never goes past what the schedule has made due by then
    // (so never past the payoff); the last one may carry a late payer's extra for penalties, and is
    // then held to what settles the loan on its date (one fold, only for loans that reach it).
    const n = schedule.installments.length;
    let dueCents = 0n;
    let paidCents = 0n;
    let reachedLast = false;
    schedule.installments.forEach((inst, i) => {
      if (i >= stopAfter) return;
      dueCents += centsOf(inst.total);
      let date = inst.dueDate;
      let cents = centsOf(inst.total);
      if (payer === 'late') {
        date = addDays(inst.dueDate, 1 + Math.floor(rnd() * 20));
        if (rnd() < 0.2) cents = (cents * BigInt(30 + Math.floor(rnd() * 60))) / 100n;
        else cents += cents / 20n; // a little extra for the penalties
      }
      if (i < n - 1 && cents > dueCents - paidCents) cents = dueCents - paidCents;
      if (date < last) date = last;
      if (date > options.horizon || cents <= 0n) return;
      last = date;
      paidCents += cents;
      reachedLast = i === n - 1;
      paid.push({ date, amount: formatCents(cents) });
    });
    if (reachedLast) withinPayoff(ir, terms, paid);
    plans.push({ product: product.code, terms, payer, payments: paid });
  }
  return plans;
}

/**
 * Writes the plans' loans (active, disbursed) and their events straight into the database in
 * batches of `batch` loans: multi-row INSERTs through unnest, no HTTP, no journal entries (the
 * benchmark measures the end of day, not the payment route): nothing is on the books yet
 * (`state.books` null), so a loan's first close posts its whole position. External refs are `P-<n>`, n counted
 * from `refOffset` + 1. With `until`, only the payments dated up to it (the later ones are for
 * bookPayments, day by day). Returns the loan ids.
 */
export async function insertPortfolio(
  db: Kysely<Database>,
  allPlans: readonly LoanPlan[],
  versions: ReadonlyMap<string, string>,
  options: { batch?: number; at?: string; refOffset?: number; until?: string } = {},
): Promise<string[]> {
  const batch = options.batch ?? 2000;
  const refOffset = options.refOffset ?? 0;
  const at = options.at ?? new Date().toISOString();
  const until = options.until;
  const plans = until === undefined ? allPlans : allPlans.map((p) => ({ ...p, payments: p.payments.filter((pay) => pay.date <= until) }));
  const ids: string[] = [];
  for (let i = 0; i < plans.length; i += batch) {
    const part = plans.slice(i, i + batch);
    const partIds = part.map(() => uuidv7());
    ids.push(...partIds);
    const lastDates = part.map((p) => p.payments.at(-1)?.date ?? p.terms.disbursementDate);
    await sql`
      insert into loans (id, product_version_id, product_code, external_ref, terms, status, currency, principal, opened_on, disbursed_on, state, last_event_seq, updated_at, updated_by, created_at, created_by)
      select t.id, t.version, t.code, 'P-' || (${refOffset + i}::int + t.k)::text, t.terms::jsonb, 'active', 'MXN', t.principal, t.opened, t.opened, t.state::jsonb, t.seq, ${at}::timestamptz, 'system', ${at}::timestamptz, 'system'
      from unnest(${partIds}::uuid[], ${part.map((p) => versions.get(p.product)!)}::uuid[], ${part.map((p) => p.product)}::text[], ${part.map((p) => JSON.stringify(p.terms))}::text[],
                  ${part.map((p) => p.terms.principal)}::numeric[], ${part.map((p) => p.terms.disbursementDate)}::date[],
                  ${part.map((p, k) => JSON.stringify({ books: null, lastEventDate: lastDates[k] }))}::text[], ${part.map((p) => 1 + p.payments.length)}::int[])
        with ordinality as t(id, version, code, terms, principal, opened, state, seq, k)
    `.execute(db);
    const loan: string[] = [];
    const seq: number[] = [];
    const type: string[] = [];
    const date: string[] = [];
    const payload: string[] = [];
    part.forEach((p, k) => {
      loan.push(partIds[k]!), seq.push(1), type.push('disbursement'), date.push(p.terms.disbursementDate);
      payload.push(JSON.stringify({ kind: 'disbursement', date: p.terms.disbursementDate }));
      p.payments.forEach((pay, j) => {
        loan.push(partIds[k]!), seq.push(j + 2), type.push('payment'), date.push(pay.date);
        payload.push(JSON.stringify({ kind: 'payment', id: `p${j + 1}`, date: pay.date, amount: pay.amount }));
      });
    });
    await sql`
      insert into loan_events (loan_id, seq, type, effective_on, payload, created_at, created_by)
      select t.l, t.s, t.t, t.d, t.p::jsonb, ${at}::timestamptz, 'system'
      from unnest(${loan}::uuid[], ${seq}::int[], ${type}::text[], ${date}::date[], ${payload}::text[]) as t(l, s, t, d, p)
    `.execute(db);
  }
  return ids;
}

/** A planned payment to book on its date: the loan, the payment's id in the plan (`p<n>`), its amount. */
export interface BookedPayment {
  readonly loanId: string;
  readonly paymentId: string;
  readonly amount: string;
}

/**
 * Books payments dated `date` the way the day's payments arrive before the night's close: each
 * one the loan's next event (its seq and last event date move), in batches, straight into the
 * database like insertPortfolio (no journal entries: the night's close posts the payments' effect on the books).
 */
export async function bookPayments(db: Kysely<Database>, date: string, payments: readonly BookedPayment[], options: { batch?: number; at?: string } = {}): Promise<void> {
  const batch = options.batch ?? 5000;
  const at = options.at ?? new Date().toISOString();
  for (let i = 0; i < payments.length; i += batch) {
    const part = payments.slice(i, i + batch);
    await sql`
      with p as (
        select t.id, t.pid, t.amount, row_number() over (partition by t.id order by t.ord) as rn, count(*) over (partition by t.id) as n
        from unnest(${part.map((p) => p.loanId)}::uuid[], ${part.map((p) => p.paymentId)}::text[], ${part.map((p) => p.amount)}::text[]) with ordinality as t(id, pid, amount, ord)
      ),
      moved as (
        update loans l set last_event_seq = l.last_event_seq + c.n, state = jsonb_set(l.state, '{lastEventDate}', to_jsonb(${date}::text))
        from (select distinct id, n from p) c where l.id = c.id returning l.id, l.last_event_seq - c.n as base
      )
      insert into loan_events (loan_id, seq, type, effective_on, payload, created_at, created_by)
      select m.id, m.base + p.rn, 'payment', ${date}::date, jsonb_build_object('kind', 'payment', 'id', p.pid, 'date', ${date}::text, 'amount', p.amount), ${at}::timestamptz, 'system'
      from moved m join p on p.id = m.id
    `.execute(db);
  }
}
