// The demo portfolio of the first start (issue 6): a small, seeded portfolio of loans on the
// example products, originated over the last ~120 days, with on-time, late and stopped-paying
// payers, written through the same servicing functions the loan routes use (import, disbursement,
// payments as real payment events) day by day, each day's end of day closed after its events
// through yesterday, so the summary, the reports, the books and the collection queues have
// something to show. PLAZO_DEMO_PORTFOLIO=false skips it.
import { addDays, Dec, generateSchedule, loanTermsFor, type LoanTerms, type ProductIR } from '@plazo/engine';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { runEndOfDay } from '../eod/eod-run.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { irOf } from '../products/product-versions.ts';
import { disbursementRequest, paymentRequest } from '../servicing/loan-event-requests.ts';
import { appendLoanEvent, openLoanFromTerms, type LoanWriteContext } from '../servicing/loan-servicing.ts';
import { bandOf, seededRandom } from './portfolio-sampling.ts';

/** The example products the demo mixes, with their weight. */
const DEMO_PRODUCTS: readonly { code: string; weight: number }[] = [
  { code: 'microcredito_grupal', weight: 35 },
  { code: 'nomina', weight: 25 },
  { code: 'financiamiento_tienda', weight: 25 },
  { code: 'capital_trabajo', weight: 10 },
  { code: 'adelanto_nomina', weight: 5 },
];

type Payer = 'on-time' | 'late' | 'stopped';

export interface DemoPortfolioOptions {
  readonly loans?: number;
  readonly days?: number;
  readonly seed?: number;
}

export interface DemoPortfolioResult {
  readonly loans: number;
  readonly payments: number;
  /** The last business date closed by the end of day (yesterday), or null when nothing was seeded. */
  readonly eodThrough: string | null;
  readonly seconds: number;
}

/** The published example products the demo can use, with their IR. */
async function demoProducts(db: Kysely<Database>): Promise<Map<string, ProductIR>> {
  const rows = await db
    .selectFrom('product_versions')
    .innerJoin('products', 'products.id', 'product_versions.product_id')
    .select(['products.code', 'product_versions.id', 'product_versions.version'])
    .where('products.code', 'in', DEMO_PRODUCTS.map((p) => p.code))
    .orderBy('product_versions.version', 'desc')
    .execute();
  const irs = new Map<string, ProductIR>();
  for (const r of rows) if (!irs.has(r.code)) irs.set(r.code, await irOf(db, r.id));
  return irs;
}

/**
 * Seeds the demo portfolio when the database has no loans yet (first start), then closes the end
 * of day from the first disbursement through yesterday. Returns what it did (0 loans: skipped).
 */
export async function seedDemoPortfolio(db: Kysely<Database>, clock: Clock, logger: Logger, options: DemoPortfolioOptions = {}): Promise<DemoPortfolioResult> {
  const started = performance.now();
  const none = { loans: 0, payments: 0, eodThrough: null, seconds: 0 };
  if ((await db.selectFrom('loans').select('id').limit(1).execute()).length > 0) return none;
  const irs = await demoProducts(db);
  const products = DEMO_PRODUCTS.filter((p) => irs.has(p.code));
  if (products.length === 0) {
    logger.warn('demo portfolio skipped: none of the example products is published');
    return none;
  }
  const n = options.loans ?? 150;
  const days = options.days ?? 120;
  const rnd = seededRandom(options.seed ?? 20261127);
  const today = clock.today();
  const yesterday = addDays(today, -1);
  const from = addDays(today, -days);
  const weight = products.reduce((a, p) => a + p.weight, 0);
  const at = () => clock.now().toISOString();
  const ctx = (date: string): LoanWriteContext => ({ actor: 'system', at: at(), requestId: 'demo-portfolio', today: date });

  // Plan every loan first (seeded), then write them in disbursement order.
  const plans: { product: string; terms: LoanTerms; payments: { date: string; amount: string }[] }[] = [];
  let attempts = 0;
  while (plans.length < n && attempts++ < n * 10) {
    let pick = rnd() * weight;
    const product = products.find((p) => (pick -= p.weight) < 0) ?? products[0]!;
    const ir = irs.get(product.code)!;
    const limits = ir.limits as { amount: { min: string; max: string; step?: string }; terms: { frequency: string; payments: { min: number; max: number } }[] };
    // An amount on the product's step between its minimum and 8 times it (the draw picks a whole
    // number of steps; the money itself is exact).
    const step = new Dec(limits.amount.step ?? '1');
    const min = new Dec(limits.amount.min);
    const max = Dec.min(new Dec(limits.amount.max), min.times(8));
    const amount = min.plus(step.times(Math.floor(rnd() * max.minus(min).div(step).toNumber()))).toFixed();
    const term = limits.terms[Math.floor(rnd() * limits.terms.length)]!;
    const count = term.payments.min + Math.floor(rnd() * (term.payments.max - term.payments.min + 1));
    // Originated over the window, the last one at least a few days before yesterday.
    const start = addDays(from, Math.floor(rnd() * (days - 3)));
    let terms: LoanTerms;
    let schedule: ReturnType<typeof generateSchedule>;
    try {
      terms = loanTermsFor(ir, { amount, payments: count, frequency: term.frequency as LoanTerms['frequency'] }, bandOf(ir), start);
      schedule = generateSchedule(terms);
    } catch {
      continue;
    }
    const r = rnd();
    const payer: Payer = r < 0.65 ? 'on-time' : r < 0.85 ? 'late' : 'stopped';
    const stopAfter = payer === 'stopped' ? Math.floor(rnd() * 3) : Infinity;
    const payments: { date: string; amount: string }[] = [];
    let last = start;
    schedule.installments.forEach((inst, i) => {
      if (i >= stopAfter) return;
      let date = inst.dueDate;
      let amountDue = new Dec(inst.total);
      if (payer === 'late') {
        date = addDays(inst.dueDate, 1 + Math.floor(rnd() * 15));
        // A fifth of the late payments are partial (40–90 %); the rest cover the installment.
        if (rnd() < 0.2) amountDue = amountDue.times(new Dec(40 + Math.floor(rnd() * 50)).div(100));
      }
      if (date < last) date = last;
      if (date > yesterday) return;
      const text = amountDue.toFixed(2);
      if (!new Dec(text).gt(0)) return;
      last = date;
      payments.push({ date, amount: text });
    });
    plans.push({ product: product.code, terms, payments });
  }
  plans.sort((a, b) => (a.terms.disbursementDate < b.terms.disbursementDate ? -1 : a.terms.disbursementDate > b.terms.disbursementDate ? 1 : 0));

  // Day by day, as a lender's days go: the day's loans and payments, then that night's close (the
  // books of every loan then follow its history: accrual, stage, reserves at each month end).
  const byDate = new Map<string, (() => Promise<void>)[]>();
  const on = (date: string, step: () => Promise<void>) => {
    const list = byDate.get(date);
    if (list) list.push(step);
    else byDate.set(date, [step]);
  };
  let paymentsPosted = 0;
  for (const [k, plan] of plans.entries()) {
    const disbursedOn = plan.terms.disbursementDate;
    const loan = { id: '', stopped: false };
    on(disbursedOn, async () => {
      const opened = await openLoanFromTerms(db, { product: plan.product, terms: plan.terms, externalRef: `DEMO-${String(k + 1).padStart(4, '0')}` }, ctx(disbursedOn));
      loan.id = opened.id;
      await appendLoanEvent(db, loan.id, disbursementRequest({ reference: `DEMO-DISB-${k + 1}` }, undefined), ctx(disbursedOn));
    });
    for (const [j, p] of plan.payments.entries()) {
      on(p.date, async () => {
        if (loan.stopped) return;
        try {
          await appendLoanEvent(db, loan.id, paymentRequest({ amount: p.amount, date: p.date, reference: `DEMO-PAY-${k + 1}-${j + 1}` }, undefined), ctx(p.date));
          paymentsPosted++;
        } catch (error) {
          // Paid off early (a late payer's extra), written off, or any other refusal: the payer stops here.
          if (!(error instanceof AppError)) throw error;
          loan.stopped = true;
        }
      });
    }
  }
  const first = plans[0]?.terms.disbursementDate;
  if (first !== undefined) {
    for (let date = first; date <= yesterday; date = addDays(date, 1)) {
      for (const step of byDate.get(date) ?? []) await step();
      await runEndOfDay(db, { through: date, actor: 'system', now: () => clock.now() });
    }
  }
  return { loans: plans.length, payments: paymentsPosted, eodThrough: first === undefined ? null : yesterday, seconds: (performance.now() - started) / 1000 };
}
