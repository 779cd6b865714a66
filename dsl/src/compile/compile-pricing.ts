// Limits, pricing and fees of the IR, with the documented defaults filled in.
import type {
  BusinessDayRule,
  Fee,
  FeeBase,
  Frequency,
  IntegerRange,
  InterestBasis,
  InterestMethod,
  Limits,
  Pricing,
  RateCell,
  RateKey,
  RateSpec,
  RoundingMode,
  TaxTarget,
} from '@plazo/engine';
import type { FeeDecl, FrequencyNode, LimitsSection, PricingSection, RangeExpr, RateNode } from '../ast/nodes.ts';
import { TAX_TARGETS } from '../check/check-pricing.ts';
import { literalText, wholeNumber } from './decimal-text.ts';

/** Defaults when the source is silent (documented in product-ir.ts). */
export const DEFAULT_AMOUNT_STEP = '1';

/** The limits section (checked: a bounded amount range and at least one term). */
export function compileLimits(limits: LimitsSection): Limits {
  const amount = limits.amount!;
  return {
    amount: {
      min: literalText(amount.range.min!),
      max: literalText(amount.range.max!),
      step: amount.step ? literalText(amount.step) : DEFAULT_AMOUNT_STEP,
    },
    terms: limits.terms.map((term) => ({ frequency: compileFrequency(term.frequency), payments: integerRange(term.payments) })),
    ...(limits.firstPayment ? { firstPaymentDays: integerRange(limits.firstPayment.days) } : {}),
  };
}

export function compileFrequency(frequency: FrequencyNode): Frequency {
  return frequency.kind === 'every' ? { everyDays: wholeNumber(frequency.days) } : frequency.kind;
}

/** A checked whole-number range with both bounds; `a..<b` becomes `a..b-1`. */
function integerRange(range: RangeExpr): IntegerRange {
  const max = Number(literalText(range.max!));
  return { min: Number(literalText(range.min!)), max: range.maxExclusive ? max - 1 : max };
}

/** The pricing section. */
export function compilePricing(pricing: PricingSection): Pricing {
  const grace = { principal: 0, interest: 0 };
  for (const g of pricing.grace) grace[g.what] = wholeNumber(g.count);
  const tax = pricing.iva
    ? {
        rate: literalText(pricing.iva.rate),
        // Canonical order, so `on fees, interest` and `on interest, fees` hash alike.
        on: TAX_TARGETS.filter((target) => pricing.iva!.on.some((id) => id.name === target)) as TaxTarget[],
      }
    : undefined;
  return {
    method: pricing.method!.name as InterestMethod,
    basis: (pricing.basis?.name ?? 'period') as InterestBasis,
    rate: compileRate(pricing.rate!),
    ...(tax ? { tax } : {}),
    rounding: {
      decimals: pricing.rounding ? wholeNumber(pricing.rounding.decimals) : 2,
      mode: (pricing.rounding?.mode?.name ?? 'half-even') as RoundingMode,
      ...(pricing.rounding?.multiple ? { installmentMultipleOf: literalText(pricing.rounding.multiple) } : {}),
    },
    installmentIncludesTax: pricing.installmentIncludesIva,
    grace,
    businessDays: (pricing.businessDays?.name ?? 'none') as BusinessDayRule,
  };
}

function compileRate(rate: RateNode): RateSpec {
  if (rate.kind === 'FixedRate') return { kind: 'fixed', rate: literalText(rate.rate) };
  return {
    kind: 'table',
    keys: rate.keys.map((key) => key.name as RateKey),
    rows: rate.rows.map((row) => ({
      cells: row.cells.map((cell): RateCell => (cell.kind === 'Identifier' ? { band: cell.name } : rangeCell(cell))),
      rate: literalText(row.rate),
    })),
  };
}

function rangeCell(range: RangeExpr): RateCell {
  return {
    ...(range.min ? { min: literalText(range.min) } : {}),
    ...(range.max ? { max: literalText(range.max) } : {}),
    ...(range.max && range.maxExclusive ? { maxExclusive: true } : {}),
  };
}

/** One fee; taxable by default when the pricing's IVA applies to fees. */
export function compileFee(fee: FeeDecl, pricing: Pricing): Fee {
  return {
    name: fee.name.name,
    amount:
      fee.amount.kind === 'PercentLiteral'
        ? { kind: 'percent', rate: literalText(fee.amount), of: (fee.of?.name ?? 'amount') as FeeBase }
        : { kind: 'fixed', value: literalText(fee.amount) },
    ...(fee.min ? { min: literalText(fee.min) } : {}),
    ...(fee.max ? { max: literalText(fee.max) } : {}),
    timing: fee.timing?.value ?? 'upfront',
    taxable: fee.taxable ?? pricing.tax?.on.includes('fees') ?? false,
    inCat: true,
    ...(fee.doc ? { doc: fee.doc } : {}),
  };
}
