// The engine's limits on what it can schedule, checked at the product line that would break them:
// every value that flows from limits, pricing and fees into LoanTerms is held to the bounds the
// engine itself enforces (LOAN_TERMS_LIMITS and friends, exported by @plazo/engine), so a product
// that checks clean never has a decision fail for a reason its text already showed.
import {
  BULLET_INSTALLMENTS,
  Dec,
  LOAN_TERMS_LIMITS,
  LONGEST_MX_NON_BUSINESS_RUN,
  SCHEDULE_FEE_BASES,
  TAX_INCLUDED_METHODS,
  maxGraceInstallments,
  type AmortizationMethod,
} from '@plazo/engine';
import type { FeeDecl, LimitsSection, NumberLiteral, PercentLiteral, PricingSection, RateNode } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import type { ScaleWhat } from '../messages/en.ts';
import { error, lineNumber } from './diagnostics.ts';
import { frequencyKey } from './check-limits.ts';
import { METHODS } from './check-pricing.ts';

const MAX_PRINCIPAL = new Dec(LOAN_TERMS_LIMITS.maxPrincipal);
const MAX_RATE = new Dec(LOAN_TERMS_LIMITS.maxAnnualRate);
const MAX_FEE_PERCENT = new Dec(LOAN_TERMS_LIMITS.maxFeePercent);

/** Every product-side value of LoanTerms, against the engine's bounds. */
export function checkEngineLimits(limits: LimitsSection | undefined, pricing: PricingSection | undefined, fees: readonly FeeDecl[], accept: Accept): void {
  const scale = currencyScale(pricing);
  const method = pricing?.method?.name as AmortizationMethod | undefined;
  if (limits) checkLimitsAgainstEngine(limits, pricing, method, scale, accept);
  if (pricing) checkPricingAgainstEngine(pricing, limits, method, scale, accept);
  for (const fee of fees) checkFeeAgainstEngine(fee, scale, accept);
  if (limits) checkSigningFees(limits, pricing, fees, scale, accept);
}

/** The product's currency scale (`rounding N`, default 2), or undefined when it is itself invalid. */
function currencyScale(pricing: PricingSection | undefined): number | undefined {
  if (!pricing?.rounding) return 2;
  const decimals = literalValue(pricing.rounding.decimals);
  if (!decimals || !decimals.isInteger() || decimals.lt(0) || decimals.gt(LOAN_TERMS_LIMITS.maxDecimals)) return undefined;
  return decimals.toNumber();
}

/** `1000000000000` as `1_000_000_000_000`, the way products write amounts. */
export function grouped(value: Dec | string | number): string {
  const [whole, fraction] = new Dec(value).toFixed().split('.');
  const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '_');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

function percentText(fraction: Dec | string): string {
  return `${new Dec(fraction).times(100).toFixed()}%`;
}

/** A money value with more decimals than the currency scale cannot be a LoanTerms amount. */
function checkScale(literal: NumberLiteral | undefined, what: ScaleWhat, scale: number | undefined, accept: Accept): void {
  const value = literalValue(literal);
  if (!literal || !value || scale === undefined || value.decimalPlaces() <= scale) return;
  accept(error('engine-limit/scale', { what, value: literal.value, scale }, literal.range));
}

function checkLimitsAgainstEngine(limits: LimitsSection, pricing: PricingSection | undefined, method: AmortizationMethod | undefined, scale: number | undefined, accept: Accept): void {
  const max = limits.amount?.range.max;
  const maxValue = max?.kind === 'NumberLiteral' ? literalValue(max) : undefined;
  if (max && maxValue?.gt(MAX_PRINCIPAL)) {
    accept(error('engine-limit/max-amount', { amount: grouped(maxValue), most: grouped(MAX_PRINCIPAL) }, max.range));
  }
  // Requested amounts are multiples of the step (default 1), so the step bounds their decimals.
  checkScale(limits.amount?.step, { kind: 'step' }, scale, accept);
  for (const term of limits.terms) {
    const payments = term.payments;
    const most = payments?.max?.kind === 'NumberLiteral' ? literalValue(payments.max) : undefined;
    if (payments?.max && most?.isInteger() && (payments.maxExclusive ? most.minus(1) : most).gt(LOAN_TERMS_LIMITS.maxInstallments)) {
      accept(error('engine-limit/max-payments', { payments: payments.max.value, most: LOAN_TERMS_LIMITS.maxInstallments }, payments.max.range));
    }
    const frequency = term.frequency;
    if (frequency?.kind === 'every') {
      const days = literalValue(frequency.days);
      if (days?.isInteger() && days.gt(LOAN_TERMS_LIMITS.maxEveryDays)) {
        accept(error('engine-limit/every-days-long', { days: frequency.days.value, most: LOAN_TERMS_LIMITS.maxEveryDays }, frequency.days.range));
      } else if (days?.isInteger() && days.gte(1) && days.lte(LONGEST_MX_NON_BUSINESS_RUN)) {
        const rule = pricing?.businessDays?.name;
        if (rule === 'next' || rule === 'previous') {
          accept(error('engine-limit/every-days-short', { days: frequency.days.value, rule, run: LONGEST_MX_NON_BUSINESS_RUN }, frequency.days.range));
        }
      }
    }
    if (method === 'bullet' && payments?.min && payments.max) {
      const lo = literalValue(payments.min);
      const hi = literalValue(payments.max);
      const last = hi && payments.maxExclusive ? hi.minus(1) : hi;
      if (lo && last && lo.isInteger() && last.isInteger() && (!lo.eq(BULLET_INSTALLMENTS) || !last.eq(BULLET_INSTALLMENTS))) {
        accept(error('engine-limit/bullet-term', { payments: lo.eq(last) ? lo.toFixed() : `${lo.toFixed()}..${last.toFixed()}`, frequency: frequencyKey(term.frequency) ?? 'monthly' }, payments.range));
      }
    }
  }
  const window = limits.firstPayment?.days;
  const lastDay = window?.max?.kind === 'NumberLiteral' ? literalValue(window.max) : undefined;
  if (window?.max && lastDay?.isInteger() && pricing?.businessDays?.name === 'previous' && (window.maxExclusive ? lastDay.minus(1) : lastDay).lte(LONGEST_MX_NON_BUSINESS_RUN)) {
    accept(error('engine-limit/first-payment-previous', { days: window.max.value, run: LONGEST_MX_NON_BUSINESS_RUN }, window.max.range));
  }
}

function checkPricingAgainstEngine(pricing: PricingSection, limits: LimitsSection | undefined, method: AmortizationMethod | undefined, scale: number | undefined, accept: Accept): void {
  for (const rate of ratesOf(pricing.rate)) {
    if (literalValue(rate)?.gt(MAX_RATE)) {
      accept(error('engine-limit/rate', { rate: rate.value, most: percentText(MAX_RATE) }, rate.range));
    }
  }
  const multiple = pricing.rounding?.multiple;
  checkScale(multiple, { kind: 'multiple' }, scale, accept);
  if (multiple && literalValue(multiple)?.gt(MAX_PRINCIPAL)) {
    accept(error('engine-limit/multiple', { multiple: multiple.value, most: grouped(MAX_PRINCIPAL) }, multiple.range));
  }
  if (pricing.installmentIncludesIva && method && pricing.method && !TAX_INCLUDED_METHODS.includes(method) && (METHODS as readonly string[]).includes(method)) {
    accept(error('engine-limit/tax-included-method', { methods: [...TAX_INCLUDED_METHODS], method }, pricing.method.range));
  }
  if (!limits) return;
  // Grace covers all installments but the last of the shortest term.
  let shortest: { payments: Dec; line: number } | undefined;
  for (const term of limits.terms) {
    const lo = literalValue(term.payments?.min);
    if (term.payments?.min?.kind === 'NumberLiteral' && lo?.isInteger() && lo.gte(1) && (!shortest || lo.lt(shortest.payments))) shortest = { payments: lo, line: lineNumber(term.at) };
  }
  if (!shortest) return;
  const most = maxGraceInstallments(shortest.payments.toNumber());
  for (const grace of pricing.grace) {
    const count = literalValue(grace.count);
    if (!count?.isInteger() || count.lte(most)) continue;
    accept(error('engine-limit/grace', { what: grace.what, count: grace.count.value, payments: shortest.payments.toNumber(), line: shortest.line, most }, grace.count.range));
  }
}

function ratesOf(rate: RateNode | undefined): PercentLiteral[] {
  if (!rate) return [];
  if (rate.kind === 'FixedRate') return rate.rate ? [rate.rate] : [];
  return rate.rows.map((row) => row.rate).filter((r): r is PercentLiteral => r !== undefined);
}

function checkFeeAgainstEngine(fee: FeeDecl, scale: number | undefined, accept: Accept): void {
  const name = fee.name?.name ?? '';
  if (fee.amount?.kind === 'PercentLiteral') {
    if (literalValue(fee.amount)?.gt(MAX_FEE_PERCENT)) {
      accept(error('engine-limit/fee-percent', { name, percent: fee.amount.value, most: percentText(MAX_FEE_PERCENT) }, fee.amount.range));
    }
    const base = fee.of?.name;
    if (base === 'installment') {
      accept(error('engine-limit/fee-of-installment', { name, bases: [...SCHEDULE_FEE_BASES] }, fee.of!.range));
    }
  } else {
    checkScale(fee.amount, { kind: 'fee', name }, scale, accept);
  }
  checkScale(fee.min, { kind: 'fee-min', name }, scale, accept);
  checkScale(fee.max, { kind: 'fee-max', name }, scale, accept);
}

/**
 * Fees charged at signing (`deducted`, `upfront`), with their IVA, must leave something to
 * disburse from the smallest loan; a fee's share of the principal only shrinks as the loan grows.
 */
function checkSigningFees(limits: LimitsSection, pricing: PricingSection | undefined, fees: readonly FeeDecl[], scale: number | undefined, accept: Accept): void {
  const min = limits.amount?.range.min;
  const principal = min?.kind === 'NumberLiteral' ? literalValue(min) : undefined;
  if (!min || !principal || principal.lte(0) || scale === undefined) return;
  const step = literalValue(limits.amount?.step) ?? new Dec(1);
  const smallest = step.gt(0) ? principal.div(step).ceil().times(step) : principal;
  const ivaRate = literalValue(pricing?.iva?.rate) ?? new Dec(0);
  const feesTaxed = pricing?.iva?.on.some((t) => t.name === 'fees') ?? false;
  let deducted = new Dec(0);
  let upfront = new Dec(0);
  let deductedTax = new Dec(0);
  const charged: FeeDecl[] = [];
  for (const fee of fees) {
    const timing = fee.timing?.value ?? 'upfront';
    if (timing !== 'deducted' && timing !== 'upfront') continue;
    const amount = feeAt(fee, smallest, scale);
    if (amount === undefined) return; // an invalid fee, reported elsewhere
    if (amount.isZero()) continue;
    charged.push(fee);
    const taxable = (fee.taxable ?? feesTaxed) && pricing?.iva !== undefined;
    if (timing === 'deducted') {
      deducted = deducted.plus(amount);
      if (taxable) deductedTax = deductedTax.plus(amount.times(ivaRate));
    } else {
      upfront = upfront.plus(amount);
    }
  }
  if (charged.length === 0) return;
  const disbursed = smallest.minus(deducted).minus(deductedTax.toDecimalPlaces(scale));
  const net = smallest.minus(deducted).minus(upfront);
  if (disbursed.gt(0) && net.gt(0)) return;
  const first = charged[0]!;
  const names = charged.map((f) => f.name?.name ?? '');
  const taken = grouped(deducted.plus(upfront).plus(deductedTax).toDecimalPlaces(scale));
  accept(error('engine-limit/signing-fees', { smallest: grouped(smallest), names, taken, line: lineNumber(min.range) }, first.amount.range));
}

/** A one-time fee on a principal (percent of it, rounded to the scale and capped), or undefined if malformed. */
function feeAt(fee: FeeDecl, principal: Dec, scale: number): Dec | undefined {
  const value = literalValue(fee.amount);
  if (!value || value.isNegative()) return undefined;
  if (fee.amount.kind === 'NumberLiteral') return value;
  if (value.gt(MAX_FEE_PERCENT)) return undefined;
  let amount = principal.times(value).toDecimalPlaces(scale, Dec.ROUND_HALF_EVEN);
  const lo = literalValue(fee.min);
  const hi = literalValue(fee.max);
  if (lo && amount.lt(lo)) amount = lo;
  if (hi && amount.gt(hi)) amount = hi;
  return amount;
}
