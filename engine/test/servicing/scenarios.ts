// Random loans and event histories for the servicing differential and checkpoint properties:
// every method, frequency, basis, rounding mode and scale, taxes, financed and per-installment
// fees, grace, penalties, collection policies, and payments, reversals, fee charges, day closes,
// restructures and write-offs.
import fc from 'fast-check';
import { addDays, CatOutOfRangeError, generateSchedule, parseLoanTerms, type AllocationComponent, type CollectionStep, type LoanEvent, type LoanTerms, type Penalties, type ProductIR } from '../../src/index.ts';
import { product } from './fixtures.ts';

export interface Scenario {
  readonly ir: ProductIR;
  readonly terms: LoanTerms;
  /** In date order, none after asOf. */
  readonly events: readonly LoanEvent[];
  readonly asOf: string;
}

const ORDER: AllocationComponent[] = ['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'];
const START = '2025-01-06';

const termsArb = fc.record({
  method: fc.constantFrom('french', 'german', 'flat', 'bullet'),
  frequency: fc.constantFrom<unknown>('weekly', 'biweekly', 'semimonthly', 'monthly', { everyDays: 10 }),
  basis: fc.constantFrom('period', 'actual/360', 'actual/365', '30/360'),
  n: fc.integer({ min: 1, max: 10 }),
  principal: fc.integer({ min: 1000, max: 50000 }),
  rateBp: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 100, max: 12000 })),
  decimals: fc.constantFrom(0, 2, 2, 2, 3),
  rounding: fc.constantFrom('half-even', 'half-up'),
  taxed: fc.constantFrom(null, ['interest', 'fees'], ['fees']),
  financed: fc.option(fc.constantFrom({ amount: '250' }, { percent: '0.03' }), { nil: undefined }),
  perInstallment: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  grace: fc.option(fc.record({ principal: fc.integer({ min: 0, max: 2 }), interest: fc.integer({ min: 0, max: 2 }) }), { nil: undefined }),
  firstDueShift: fc.option(fc.integer({ min: -2, max: 9 }), { nil: undefined }),
});

function termsOf(g: TermsGen): LoanTerms | null {
  const n = g.method === 'bullet' ? 1 : g.n;
  const fees: unknown[] = [];
  if (g.financed) fees.push({ name: 'apertura', timing: 'financed', ...g.financed });
  if (g.perInstallment) fees.push({ name: 'admin', timing: 'per-installment', amount: String(g.perInstallment) });
  try {
    // Terms whose schedule has no CAT to disclose (beyond 10^6 %) cannot become a loan: skipped.
    const terms = parseLoanTerms({
      principal: String(g.principal), annualRate: (g.rateBp / 10000).toFixed(4), installments: n, frequency: g.frequency,
      method: g.method, interestBasis: g.basis, disbursementDate: START, decimals: g.decimals, rounding: g.rounding,
      ...(g.firstDueShift !== undefined && g.frequency === 'monthly' ? { firstDueDate: addDays('2025-02-06', g.firstDueShift) } : {}),
      ...(g.taxed ? { tax: { rate: '0.16', on: g.taxed } } : {}),
      fees,
      ...(g.grace && n > 2 && g.method !== 'flat' ? { graceInstallments: g.grace } : {}),
    });
    try {
      generateSchedule(terms);
    } catch (error) {
      if (error instanceof CatOutOfRangeError) return null;
    }
    return terms;
  } catch {
    return null;
  }
}

type TermsGen = typeof termsArb extends fc.Arbitrary<infer T> ? T : never;

const productArb = fc.record({
  lateFee: fc.option(fc.record({ kind: fc.constantFrom('fixed', 'overdue', 'installment'), grace: fc.integer({ min: 0, max: 5 }), taxable: fc.boolean(), capped: fc.boolean() }), { nil: undefined }),
  moratorium: fc.option(fc.record({ multiple: fc.boolean(), onInstallment: fc.boolean(), basis: fc.constantFrom('actual/360', 'actual/365', '30/360', 'period'), taxable: fc.boolean() }), { nil: undefined }),
  stopAt: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  reminders: fc.boolean(),
  order: fc.shuffledSubarray(ORDER, { minLength: 6, maxLength: 6 }),
  prepayment: fc.constantFrom('reduce-term', 'reduce-installment', 'not-allowed'),
  productTax: fc.boolean(),
});

/** An overpayment tolerance no generated payment reaches: these folds take every payment, as before the limit existed. */
export const GENEROUS_TOLERANCE = '1000000000';

function productOf(g: ProductGen): ProductIR {
  const lf = g.lateFee;
  const penalties = {
    ...(lf ? { lateFee: { amount: lf.kind === 'fixed' ? { kind: 'fixed', value: '150' } : { kind: 'percent', rate: '0.075', of: lf.kind }, ...(lf.capped ? { min: '50', max: '400.5' } : {}), graceDays: lf.grace, taxable: lf.taxable } } : {}),
    ...(g.moratorium ? { moratorium: { rate: g.moratorium.multiple ? { kind: 'multiple', factor: '1.5' } : { kind: 'annual', rate: '0.9137' }, on: g.moratorium.onInstallment ? 'overdue-installment' : 'overdue-principal', basis: g.moratorium.basis, taxable: g.moratorium.taxable } } : {}),
  } as Penalties;
  const collection: CollectionStep[] = [
    ...(g.reminders ? [{ kind: 'at', day: -3, actions: [{ kind: 'notify', channel: 'sms', template: 'rec' }] }, { kind: 'at', day: 0, actions: [] }, { kind: 'at', day: 2, actions: [{ kind: 'queue', queue: 'call' }] }] as CollectionStep[] : []),
    ...(g.stopAt === 1 ? [] : [{ kind: 'stage', stage: 'temprana', from: 1, to: (g.stopAt ?? 61) - 1, actions: [{ kind: 'queue', queue: 'q' }] } as CollectionStep]),
    ...(g.stopAt ? [{ kind: 'stage', stage: 'judicial', from: g.stopAt, actions: [{ kind: 'stop-accrual' }] } as CollectionStep] : []),
  ];
  const base = product();
  return product({
    penalties, allocation: g.order, prepayment: g.prepayment, collection,
    // Generous: the reference fold (test/servicing/reference) has no payment limit, so any payment is taken here too.
    overpaymentTolerance: GENEROUS_TOLERANCE,
    pricing: { ...base.pricing, tax: g.productTax ? { rate: '0.16', on: ['interest', 'fees', 'moratorium', 'penalties'] } : undefined } as ProductIR['pricing'],
  });
}

type ProductGen = typeof productArb extends fc.Arbitrary<infer T> ? T : never;

const eventArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('payment' as const), day: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: 1, max: 4_000_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('payment-reversal' as const), day: fc.integer({ min: 0, max: 400 }), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('day-close' as const), day: fc.integer({ min: 0, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fee-charged' as const), day: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: 100, max: 50_000 }), installment: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), taxable: fc.option(fc.boolean(), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restructure' as const), day: fc.integer({ min: 1, max: 300 }), installments: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('write-off' as const), day: fc.integer({ min: 30, max: 400 }) }) },
);

/** An amount of `cents` hundredths shown at the loan's scale (rounded down to it, at least one unit). */
function amount(cents: number, decimals: number): string {
  if (decimals >= 2) return (cents / 100).toFixed(2);
  // Now and then with zeros beyond the scale ("12.00" at scale 0), which are not decimal places.
  const units = String(Math.max(1, Math.floor(cents / 100)));
  return cents % 3 === 0 ? `${units}.00` : units;
}

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({ t: termsArb, p: productArb, events: fc.array(eventArb, { maxLength: 12 }), horizon: fc.integer({ min: 0, max: 450 }), dailyCloses: fc.boolean() })
  .map(({ t, p, events: raw, horizon, dailyCloses }): Scenario | null => {
    const terms = termsOf(t);
    if (terms === null) return null;
    const asOfDay = Math.max(horizon, 1);
    const sorted = raw.filter((e) => e.day <= asOfDay).sort((a, b) => a.day - b.day);
    const events: LoanEvent[] = [{ kind: 'disbursement', date: START }];
    const paid: string[] = [];
    const reversed = new Set<string>();
    let writeOffs = 0;
    let id = 0;
    for (const e of sorted) {
      const date = addDays(START, e.day);
      if (e.kind === 'payment') {
        const pid = `p${id++}`;
        paid.push(pid);
        events.push({ kind: 'payment', id: pid, date, amount: amount(e.cents, terms.decimals) });
      } else if (e.kind === 'payment-reversal') {
        const open = paid.filter((x) => !reversed.has(x));
        if (open.length === 0) continue;
        const target = open[e.which % open.length]!;
        reversed.add(target);
        events.push({ kind: 'payment-reversal', date, paymentId: target });
      } else if (e.kind === 'day-close') events.push({ kind: 'day-close', date });
      else if (e.kind === 'fee-charged') {
        events.push({ kind: 'fee-charged', date, name: 'visita', amount: amount(e.cents, terms.decimals), ...(e.installment !== undefined ? { installment: e.installment } : {}), ...(e.taxable !== undefined ? { taxable: e.taxable } : {}) });
      } else if (e.kind === 'restructure') events.push({ kind: 'restructure', date, installments: e.installments });
      else if (writeOffs++ === 0) events.push({ kind: 'write-off', date });
    }
    if (dailyCloses) {
      // The end of day's pattern: a day close on every day, after that day's other events.
      const withCloses: LoanEvent[] = [];
      let k = 0;
      for (let d = 0; d <= asOfDay; d++) {
        const date = addDays(START, d);
        while (k < events.length && events[k]!.date === date) {
          if (events[k]!.kind !== 'day-close') withCloses.push(events[k]!);
          k++;
        }
        if (d > 0) withCloses.push({ kind: 'day-close', date });
      }
      events.splice(0, events.length, ...withCloses);
    }
    return { ir: productOf(p), terms, events, asOf: addDays(START, asOfDay) };
  })
  .filter((s): s is Scenario => s !== null);

/** The result of `fn`, or the error's name and message it throws. */
export function outcome<T>(fn: () => T): T | { error: string } {
  try {
    return fn();
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
