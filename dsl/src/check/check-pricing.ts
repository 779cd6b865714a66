// Checks on `pricing`: method, basis, rate (fixed or table), IVA, rounding, grace and business
// days; and the consumer-IVA warning (LIVA art. 15: interest to individuals is taxed).
import { Dec, LEVEL_INSTALLMENT_METHODS, LOAN_TERMS_LIMITS, type AmortizationMethod } from '@plazo/engine';
import type { LimitsSection, PricingSection, Range } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { checkRateTable } from './check-rate-table.ts';
import { literalValue } from './decimals.ts';
import { error, headRange, lineNumber, warning } from './diagnostics.ts';
import type { Scope } from './scope.ts';
import { checkOption, checkRateValue } from './options.ts';

export const METHODS = ['french', 'german', 'flat', 'bullet'] as const;
export const BASES = ['period', 'actual/360', 'actual/365', '30/360'] as const;
export const ROUNDING_MODES = ['half-even', 'half-up'] as const;
export const BUSINESS_DAY_RULES = ['next', 'previous', 'none'] as const;
export const TAX_TARGETS = ['interest', 'fees', 'moratorium', 'penalties'] as const;

/** The pricing section, and the product-level IVA expectations that depend on it. */
export function checkPricing(pricing: PricingSection, accept: Accept, scope: Scope, limits: LimitsSection | undefined): void {
  const head = headRange(pricing.range, 'pricing'.length);
  if (!pricing.method?.name) {
    accept(error('missing-method', {}, head));
  } else {
    checkOption(pricing.method, METHODS, 'method', accept);
  }
  if (pricing.basis?.name) checkOption(pricing.basis, BASES, 'basis', accept);
  if (!pricing.rate) {
    accept(error('missing-rate', {}, head));
  } else if (pricing.rate.kind === 'FixedRate') {
    checkRateValue(pricing.rate.rate, accept);
  } else {
    checkRateTable(pricing.rate, accept, scope, limits);
  }
  checkIva(pricing, accept);
  const rounding = pricing.rounding;
  if (rounding) {
    const decimals = literalValue(rounding.decimals);
    if (rounding.decimals && (!decimals || !decimals.isInteger() || decimals.lt(0) || decimals.gt(LOAN_TERMS_LIMITS.maxDecimals))) {
      accept(error('invalid-number/rounding', { decimals: rounding.decimals.value, most: LOAN_TERMS_LIMITS.maxDecimals }, rounding.decimals.range));
    }
    if (rounding.mode?.name) checkOption(rounding.mode, ROUNDING_MODES, 'rounding', accept);
    if (rounding.multiple) {
      const multiple = literalValue(rounding.multiple);
      if (!multiple || multiple.lte(0)) accept(error('invalid-number/multiple', { multiple: rounding.multiple.value }, rounding.multiple.range));
      const method = pricing.method?.name;
      if (method && (METHODS as readonly string[]).includes(method) && !LEVEL_INSTALLMENT_METHODS.includes(method as AmortizationMethod)) {
        accept(error('multiple-not-level', { method, methods: [...LEVEL_INSTALLMENT_METHODS] }, rounding.multiple.range));
      }
    }
  }
  const graceSeen = new Map<string, Range>();
  for (const grace of pricing.grace) {
    const count = literalValue(grace.count);
    if (grace.count && (!count || !count.isInteger() || count.lt(0))) {
      accept(error('invalid-number/grace', { count: grace.count.value }, grace.count.range));
    }
    const first = graceSeen.get(grace.what);
    if (first) accept(error('duplicate-name/grace', { what: grace.what, line: lineNumber(first) }, grace.range));
    else graceSeen.set(grace.what, grace.range);
  }
  if (pricing.businessDays?.name) checkOption(pricing.businessDays, BUSINESS_DAY_RULES, 'businessDays', accept);
  const kind = scope.product.productKind?.name || 'consumer';
  const onInterest = pricing.iva?.on.some((target) => target.name === 'interest') ?? false;
  if (kind === 'consumer' && !onInterest) {
    accept(warning('iva-missing', { declared: pricing.iva !== undefined }, pricing.iva ? pricing.iva.range : head));
  }
}

function checkIva(pricing: PricingSection, accept: Accept): void {
  const iva = pricing.iva;
  if (!iva) {
    if (pricing.installmentIncludesIva) {
      accept(error('iva-rate-missing/installment', {}, headRange(pricing.range, 'pricing'.length)));
    }
    return;
  }
  const rate = literalValue(iva.rate);
  if (iva.rate && (!rate || rate.lt(0) || rate.gt(LOAN_TERMS_LIMITS.maxTaxRate))) {
    accept(error('invalid-number/iva-rate', { rate: iva.rate.value, most: new Dec(LOAN_TERMS_LIMITS.maxTaxRate).times(100).toFixed() }, iva.rate.range));
  }
  const seen = new Set<string>();
  for (const target of iva.on) {
    if (!target.name) continue;
    checkOption(target, TAX_TARGETS, 'ivaTarget', accept);
    if (seen.has(target.name)) accept(error('duplicate-name/iva-target', { name: target.name }, target.range));
    seen.add(target.name);
  }
}

