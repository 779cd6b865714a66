// Regulatory lints: warnings for rates, moratorium interest and late fees above the institution's
// thresholds (lint-thresholds.ts; `plazo.config.json`). Each names the rule it stands for and says
// "unverified" where the threshold is a policy choice rather than the law's own figure.
import { Dec } from '@plazo/engine';
import type { CollectionSection, PenaltiesSection, PercentLiteral, PricingSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import { warning } from './diagnostics.ts';
import type { SmallestInstallment } from './check-engine-corners.ts';
import { grouped } from './check-engine-limits.ts';
import type { LintThresholds } from './lint-thresholds.ts';

const CONFIG = 'plazo.config.json';

function percent(fraction: Dec | string): string {
  return `${new Dec(fraction).times(100).toFixed()}%`;
}

/** Ordinary and restructuring rates above `maxAnnualRate`. */
export function checkRateLints(pricing: PricingSection | undefined, collection: CollectionSection | undefined, thresholds: LintThresholds, accept: Accept): void {
  if (thresholds.maxAnnualRate === false) return;
  const limit = new Dec(thresholds.maxAnnualRate);
  const rates: PercentLiteral[] = [];
  const rate = pricing?.rate;
  if (rate?.kind === 'FixedRate' && rate.rate) rates.push(rate.rate);
  if (rate?.kind === 'RateTable') for (const row of rate.rows) if (row.rate) rates.push(row.rate);
  for (const step of collection?.steps ?? []) {
    for (const action of step.actions) if (action.kind === 'offer-restructure' && action.rate) rates.push(action.rate);
  }
  for (const literal of rates) {
    if (!literalValue(literal)?.gt(limit)) continue;
    accept(warning('rate-high', { rate: literal.value, limit: percent(limit), config: CONFIG }, literal.range));
  }
}

/** Moratorium interest above `maxMoratoriumMultiple` / `maxMoratoriumAnnualRate`, and late fees above `maxLateFeeShareOfInstallment`. */
export function checkPenaltyLints(
  penalties: PenaltiesSection,
  pricing: PricingSection | undefined,
  smallest: SmallestInstallment | undefined,
  thresholds: LintThresholds,
  accept: Accept,
): void {
  const moratorium = penalties.moratorium;
  if (moratorium?.rate.kind === 'multiple' && thresholds.maxMoratoriumMultiple !== false) {
    const factor = literalValue(moratorium.rate.factor);
    const limit = new Dec(thresholds.maxMoratoriumMultiple);
    if (factor?.gt(limit)) {
      accept(warning('moratorium-high/multiple', { factor: moratorium.rate.factor.value, limit: limit.toFixed(), config: CONFIG }, moratorium.rate.factor.range));
    }
  }
  if (moratorium?.rate.kind === 'annual' && thresholds.maxMoratoriumAnnualRate !== false) {
    const rate = literalValue(moratorium.rate.rate);
    const limit = new Dec(thresholds.maxMoratoriumAnnualRate);
    if (rate?.gt(limit)) {
      accept(warning('moratorium-high/annual', { rate: moratorium.rate.rate.value, limit: percent(limit), config: CONFIG }, moratorium.rate.rate.range));
    }
  }
  const lateFee = penalties.lateFee;
  if (!lateFee || thresholds.maxLateFeeShareOfInstallment === false) return;
  const share = new Dec(thresholds.maxLateFeeShareOfInstallment);
  const taxed = lateFee.taxable || (pricing?.iva?.on.some((t) => t.name === 'penalties') ?? false);
  const withIva = taxed ? new Dec(1).plus(literalValue(pricing?.iva?.rate) ?? 0) : new Dec(1);
  const cap = share.eq(1) ? null : percent(share);
  const amount = literalValue(lateFee.amount);
  if (lateFee.amount?.kind === 'PercentLiteral') {
    // A percent of the unpaid amount: above the threshold for every installment.
    if (amount?.times(withIva).gt(share)) {
      accept(warning('late-fee-high/percent', { percent: lateFee.amount.value, taxed, cap, config: CONFIG }, lateFee.amount.range));
    }
    const min = literalValue(lateFee.min);
    if (lateFee.min && min && smallest && min.times(withIva).gt(smallest.total.times(share))) {
      accept(warning('late-fee-high/min', { min: grouped(min), taxed, cap, smallest: grouped(smallest.total), loan: smallest.loan, config: CONFIG }, lateFee.min.range));
    }
    return;
  }
  if (amount && smallest && amount.times(withIva).gt(smallest.total.times(share))) {
    accept(
      warning('late-fee-high/fixed', { amount: grouped(amount), taxed, cap, smallest: grouped(smallest.total), loan: smallest.loan, config: CONFIG }, lateFee.amount.range),
    );
  }
}
