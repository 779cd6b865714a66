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
import { error, lineOf } from './diagnostics.ts';
import { frequencyKey } from './check-limits.ts';
import { METHODS } from './check-pricing.ts';

const CODE = 'engine-limit';
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
function checkScale(literal: NumberLiteral | undefined, what: string, scale: number | undefined, accept: Accept): void {
  const value = literalValue(literal);
  if (!literal || !value || scale === undefined || value.decimalPlaces() <= scale) return;
  accept(
    error(
      CODE,
      `${what} \`${literal.value}\` has more decimals than the currency scale (${scale})`,
      literal.range,
      `the engine keeps money to ${scale} decimal places (\`rounding ${scale}\`): write ${scale === 0 ? 'a whole amount' : `at most ${scale} decimals`}, or raise the scale`,
    ),
  );
}

function checkLimitsAgainstEngine(limits: LimitsSection, pricing: PricingSection | undefined, method: AmortizationMethod | undefined, scale: number | undefined, accept: Accept): void {
  const max = limits.amount?.range.max;
  const maxValue = max?.kind === 'NumberLiteral' ? literalValue(max) : undefined;
  if (max && maxValue?.gt(MAX_PRINCIPAL)) {
    accept(
      error(
        CODE,
        `the maximum amount \`${grouped(maxValue)}\` is above the largest loan the engine schedules (${grouped(MAX_PRINCIPAL)})`,
        max.range,
        `every decision on an amount above ${grouped(MAX_PRINCIPAL)} would fail: lower the maximum`,
      ),
    );
  }
  // Requested amounts are multiples of the step (default 1), so the step bounds their decimals.
  checkScale(limits.amount?.step, 'the amount step', scale, accept);
  for (const term of limits.terms) {
    const payments = term.payments;
    const most = payments?.max?.kind === 'NumberLiteral' ? literalValue(payments.max) : undefined;
    if (payments?.max && most?.isInteger() && (payments.maxExclusive ? most.minus(1) : most).gt(LOAN_TERMS_LIMITS.maxInstallments)) {
      accept(
        error(
          CODE,
          `\`${payments.max.value}\` payments is above the most the engine schedules (${LOAN_TERMS_LIMITS.maxInstallments})`,
          payments.max.range,
          `every decision on more than ${LOAN_TERMS_LIMITS.maxInstallments} payments would fail: lower the maximum`,
        ),
      );
    }
    const frequency = term.frequency;
    if (frequency?.kind === 'every') {
      const days = literalValue(frequency.days);
      if (days?.isInteger() && days.gt(LOAN_TERMS_LIMITS.maxEveryDays)) {
        accept(error(CODE, `\`every ${frequency.days.value} days\` is longer than the longest period the engine schedules (${LOAN_TERMS_LIMITS.maxEveryDays} days)`, frequency.days.range, 'use `monthly`, or a period of at most a year'));
      } else if (days?.isInteger() && days.gte(1) && days.lte(LONGEST_MX_NON_BUSINESS_RUN)) {
        const rule = pricing?.businessDays?.name;
        if (rule === 'next' || rule === 'previous') {
          accept(
            error(
              CODE,
              `\`every ${frequency.days.value} days\` is too short for \`business days ${rule}\``,
              frequency.days.range,
              `Mexican banking holidays and weekends run up to ${LONGEST_MX_NON_BUSINESS_RUN} days in a row (Holy Thursday to Easter Sunday), so two due dates would move onto the same business day and the decision fails: use periods of at least ${LONGEST_MX_NON_BUSINESS_RUN + 1} days, or \`business days none\``,
            ),
          );
        }
      }
    }
    if (method === 'bullet' && payments?.min && payments.max) {
      const lo = literalValue(payments.min);
      const hi = literalValue(payments.max);
      const last = hi && payments.maxExclusive ? hi.minus(1) : hi;
      if (lo && last && lo.isInteger() && last.isInteger() && (!lo.eq(BULLET_INSTALLMENTS) || !last.eq(BULLET_INSTALLMENTS))) {
        accept(
          error(
            CODE,
            `a \`bullet\` loan repays in one payment, but this term allows ${lo.eq(last) ? lo.toFixed() : `${lo.toFixed()}..${last.toFixed()}`} payments`,
            payments.range,
            `write \`payments 1..1 ${frequencyKey(term.frequency) ?? 'monthly'}\`, or use another method (french, german, flat)`,
          ),
        );
      }
    }
  }
  const window = limits.firstPayment?.days;
  const lastDay = window?.max?.kind === 'NumberLiteral' ? literalValue(window.max) : undefined;
  if (window?.max && lastDay?.isInteger() && pricing?.businessDays?.name === 'previous' && (window.maxExclusive ? lastDay.minus(1) : lastDay).lte(LONGEST_MX_NON_BUSINESS_RUN)) {
    accept(
      error(
        CODE,
        `a first payment at most ${window.max.value} days after disbursement can move back onto the disbursement day with \`business days previous\``,
        window.max.range,
        `non-business days run up to ${LONGEST_MX_NON_BUSINESS_RUN} in a row (Holy Thursday to Easter Sunday): allow a first payment at least ${LONGEST_MX_NON_BUSINESS_RUN + 1} days out, or use \`business days next\``,
      ),
    );
  }
}

function checkPricingAgainstEngine(pricing: PricingSection, limits: LimitsSection | undefined, method: AmortizationMethod | undefined, scale: number | undefined, accept: Accept): void {
  for (const rate of ratesOf(pricing.rate)) {
    if (literalValue(rate)?.gt(MAX_RATE)) {
      accept(
        error(
          CODE,
          `the rate \`${rate.value}%\` is above the highest annual rate the engine prices (${percentText(MAX_RATE)})`,
          rate.range,
          `every decision at this rate would fail: a nominal annual rate is at most ${percentText(MAX_RATE)} (\`rate 48%\` is 0.48 a year)`,
        ),
      );
    }
  }
  const multiple = pricing.rounding?.multiple;
  checkScale(multiple, 'the installment multiple', scale, accept);
  if (multiple && literalValue(multiple)?.gt(MAX_PRINCIPAL)) {
    accept(error(CODE, `the installment multiple \`${multiple.value}\` is above ${grouped(MAX_PRINCIPAL)}`, multiple.range));
  }
  if (pricing.installmentIncludesIva && method && pricing.method && !TAX_INCLUDED_METHODS.includes(method) && (METHODS as readonly string[]).includes(method)) {
    accept(
      error(
        CODE,
        `\`installment includes iva\` levels a ${TAX_INCLUDED_METHODS.join(' or ')} installment, and \`${method}\` has none`,
        pricing.method.range,
        `use \`method ${TAX_INCLUDED_METHODS[0]}\`, or remove \`installment includes iva\``,
      ),
    );
  }
  if (!limits) return;
  // Grace covers all installments but the last of the shortest term.
  let shortest: { payments: Dec; line: string } | undefined;
  for (const term of limits.terms) {
    const lo = literalValue(term.payments?.min);
    if (term.payments?.min?.kind === 'NumberLiteral' && lo?.isInteger() && lo.gte(1) && (!shortest || lo.lt(shortest.payments))) shortest = { payments: lo, line: lineOf(term.at) };
  }
  if (!shortest) return;
  const most = maxGraceInstallments(shortest.payments.toNumber());
  for (const grace of pricing.grace) {
    const count = literalValue(grace.count);
    if (!count?.isInteger() || count.lte(most)) continue;
    accept(
      error(
        CODE,
        `\`grace ${grace.what} ${grace.count.value}\` leaves no installment to repay a loan of ${shortest.payments.toFixed()} payment${shortest.payments.eq(1) ? '' : 's'}`,
        grace.count.range,
        `the shortest term (${shortest.line}) has ${shortest.payments.toFixed()}: grace may cover at most ${most} installment${most === 1 ? '' : 's'} (all but the last), or raise the minimum payments`,
      ),
    );
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
      accept(error(CODE, `fee \`${name}\` of \`${fee.amount.value}%\` is above ${percentText(MAX_FEE_PERCENT)} of its base`, fee.amount.range, `the engine charges a fee of at most ${percentText(MAX_FEE_PERCENT)}: write it as a fixed amount, or lower it`));
    }
    const base = fee.of?.name;
    if (base === 'installment') {
      accept(
        error(
          CODE,
          `the engine cannot charge fee \`${name}\` as a percent of the installment`,
          fee.of!.range,
          `per-installment percent fees are of the ${SCHEDULE_FEE_BASES.map((b) => `\`${b}\``).join(' or the ')}: write \`of balance\` or \`of principal\`, or a fixed amount per installment`,
        ),
      );
    }
  } else {
    checkScale(fee.amount, `fee \`${name}\` of`, scale, accept);
  }
  checkScale(fee.min, `the \`min\` of fee \`${name}\``, scale, accept);
  checkScale(fee.max, `the \`max\` of fee \`${name}\``, scale, accept);
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
  const names = charged.map((f) => `\`${f.name?.name ?? ''}\``).join(', ');
  accept(
    error(
      CODE,
      `fees at signing leave nothing to disburse from the smallest loan (${grouped(smallest)})`,
      first.amount.range,
      `${names} ${charged.length === 1 ? 'is' : 'are'} charged at signing (deducted or upfront, with IVA where taxed) and take ${grouped(deducted.plus(upfront).plus(deductedTax).toDecimalPlaces(scale))} of a loan of ${grouped(smallest)} (the minimum amount on ${lineOf(min.range)}): every decision on it would fail; lower the fees or raise the minimum amount`,
    ),
  );
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
