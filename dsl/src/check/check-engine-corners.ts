// The last word on whether the engine can run a product: the product's extreme loans (smallest and
// largest amount, fewest and most payments, each frequency and band) go through the engine's own
// loanTermsFor and generateSchedule, exactly as a decision would. What they refuse — an installment
// multiple too coarse for a small loan, a principal too small for its payments — is reported at the
// product line the engine's field path points to. Runs only on a product free of other errors.
import { Dec, generateSchedule, InvalidInputError, loanTermsFor, NoCatError, selectRate, type FieldIssue, type Frequency, type ProductIR, type UnhashedProductIR } from '@plazo/engine';
import type { FeeDecl, LimitsSection, PricingSection, Range } from '../ast/nodes.ts';
import type { LoanArg } from '../messages/en.ts';
import type { Accept } from '../diagnostic.ts';
import { error, headRange } from './diagnostics.ts';
import { grouped } from './check-engine-limits.ts';

/**
 * The decision date the corners are tried on: disbursing on the 1st of a 31-day month gives the
 * longest first period (monthly to Feb 1, a Saturday before a holiday; semimonthly to Jan 31), the
 * one where interest weighs most against the installment. The calendar-dependent limits (business
 * days on short periods) are checked statically.
 */
const CORNER_DATE = '2025-01-01';

/** The product lines a LoanTerms field path can point to. */
export interface CornerSources {
  readonly limits: LimitsSection;
  readonly pricing: PricingSection;
  readonly fees: readonly FeeDecl[];
}

/** The smallest installment among the product's extreme loans, and the loan it belongs to. */
export interface SmallestInstallment {
  readonly total: Dec;
  /** "500 in 12 monthly payments at 48%" */
  readonly loan: LoanArg;
}

/**
 * Tries each extreme loan of the product on the engine; reports the first refusal per product
 * line. Returns the smallest installment (total with IVA and fees) any of them has.
 */
export function checkEngineCorners(ir: UnhashedProductIR, sources: CornerSources, accept: Accept): SmallestInstallment | undefined {
  let smallest: SmallestInstallment | undefined;
  const product = { ...ir, hash: '' } as ProductIR;
  const bands: (string | null)[] = ir.scorecard && ir.scorecard.bands.length > 0 ? ir.scorecard.bands.map((b) => b.name) : [null];
  const tried = new Set<string>();
  const reported = new Set<Range>();
  ir.limits.terms.forEach((term, termIndex) => {
    for (const principal of cornerAmounts(ir)) {
      for (const payments of cornerPayments(ir, term.payments)) {
        for (const band of bands) {
          const request = { amount: principal.toFixed(), payments, frequency: term.frequency };
          const rate = selectRate(ir.pricing.rate, { band, payments, amount: request.amount });
          if (rate === undefined) continue; // a gap in the rate table: `rate-gap`, and a decline, not a failure
          const key = `${request.amount}|${payments}|${termIndex}|${rate}`;
          if (tried.has(key)) continue;
          tried.add(key);
          const loan: LoanArg = { amount: grouped(principal), payments, frequency: frequencyText(term.frequency), rate: new Dec(rate).times(100).toFixed() };
          const outcome = schedule(product, request, band);
          if ('total' in outcome) {
            if (!smallest || outcome.total.lt(smallest.total)) smallest = { total: outcome.total, loan };
            continue;
          }
          const issue = outcome.issue;
          if (!issue) continue;
          const range = sourceOf(issue.path, sources, termIndex);
          if (reported.has(range)) continue;
          reported.add(range);
          const remedy = issue.path !== 'principal' ? null : ir.pricing.basis === 'period' ? 'period' : 'days';
          accept(error('engine-limit/corner', { loan, issue: issue.message, remedy }, range));
        }
      }
    }
  });
  return smallest;
}

/**
 * The amounts worth trying: the smallest loan (fees weigh most on it, a coarse installment multiple
 * or a short principal fail first there), and the smallest of each amount row of the rate table.
 */
function cornerAmounts(ir: UnhashedProductIR): Dec[] {
  const { min, max, step } = ir.limits.amount;
  const grid = (value: Dec) => value.div(step).ceil().times(step);
  const amounts = [grid(new Dec(min))];
  const rate = ir.pricing.rate;
  const index = rate.kind === 'table' ? rate.keys.indexOf('amount') : -1;
  if (rate.kind === 'table' && index >= 0) {
    for (const row of rate.rows) {
      const cell = row.cells[index];
      if (cell && 'min' in cell && cell.min !== undefined) amounts.push(grid(Dec.max(min, cell.min)));
    }
  }
  return unique(amounts.filter((a) => a.gt(0) && a.lte(max)));
}

/**
 * The payment counts worth trying for one term: the most (interest weighs most against a level
 * installment over a long term), and the most of each payments row of the rate table within it.
 */
function cornerPayments(ir: UnhashedProductIR, range: { readonly min: number; readonly max: number }): number[] {
  const counts = [range.max];
  const rate = ir.pricing.rate;
  const index = rate.kind === 'table' ? rate.keys.indexOf('payments') : -1;
  if (rate.kind === 'table' && index >= 0) {
    for (const row of rate.rows) {
      const cell = row.cells[index];
      if (!cell || !('min' in cell || 'max' in cell) || cell.max === undefined) continue;
      const most = cell.maxExclusive ? Number(cell.max) - 1 : Number(cell.max);
      if (most >= range.min && most <= range.max) counts.push(Math.floor(most));
    }
  }
  return [...new Set(counts)];
}

function unique(values: Dec[]): Dec[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toFixed()) && Boolean(seen.add(v.toFixed())));
}

/**
 * The loan's smallest installment total, or the engine's first objection to it (undefined when
 * the engine declines it for a reason of its own rather than failing).
 */
function schedule(product: ProductIR, request: { amount: string; payments: number; frequency: Frequency }, band: string | null): { total: Dec } | { issue: FieldIssue | undefined } {
  try {
    const { installments } = generateSchedule(loanTermsFor(product, request, band, CORNER_DATE));
    let total = new Dec(installments[0]!.total);
    for (const row of installments) if (new Dec(row.total).lt(total)) total = new Dec(row.total);
    return { total };
  } catch (e) {
    // No CAT at all (fees at signing leaving next to nothing against a daily schedule): a decision fails too.
    if (e instanceof NoCatError) return { issue: { path: 'cat', message: `the loan has no CAT: ${e.message}` } };
    if (!(e instanceof InvalidInputError)) throw e;
    // A first-payment window no due date fits declines the application (PRIMER_PAGO_FUERA_DE_LIMITES).
    return { issue: e.issues.find((i) => i.path !== 'limits.firstPaymentDays' && i.path !== 'pricing.rate') };
  }
}

/** What to change when a level installment cannot pay its principal. */

function frequencyText(frequency: Frequency): string {
  return typeof frequency === 'string' ? frequency : `every-${frequency.everyDays}-days`;
}

/** The product line a LoanTerms field path comes from. */
function sourceOf(path: string, { limits, pricing, fees }: CornerSources, termIndex: number): Range {
  const term = limits.terms[termIndex];
  const fee = /^fees\[(\d+)\]/.exec(path);
  if (fee) return fees[Number(fee[1])]?.amount.range ?? limits.range;
  if (path === 'fees') return fees.find((f) => f.timing?.value === 'deducted' || f.timing?.value === 'upfront' || !f.timing)?.amount.range ?? limits.amount!.range.range;
  if (path.startsWith('installmentMultipleOf')) return pricing.rounding?.multiple?.range ?? pricing.range;
  if (path.startsWith('businessDays')) return pricing.businessDays?.range ?? headRange(pricing.range, 'pricing'.length);
  if (path.startsWith('graceInstallments')) return pricing.grace.find((g) => path.endsWith(g.what))?.range ?? headRange(pricing.range, 'pricing'.length);
  if (path.startsWith('tax')) return pricing.iva?.range ?? headRange(pricing.range, 'pricing'.length);
  if (path === 'decimals' || path === 'rounding') return pricing.rounding?.range ?? headRange(pricing.range, 'pricing'.length);
  if (path === 'annualRate') return pricing.rate?.range ?? headRange(pricing.range, 'pricing'.length);
  if (path.startsWith('frequency')) return term?.frequency.range ?? limits.range;
  // A principal part the level installment cannot pay (its interest is too high, or the
  // principal too small for so many installments): the term's maximum payments.
  if (path === 'installments' || path === 'principal') return term?.payments.range ?? limits.range;
  return limits.amount?.range.range ?? headRange(limits.range, 'limits'.length);
}
