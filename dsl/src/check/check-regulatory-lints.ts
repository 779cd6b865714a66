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
    accept(
      warning(
        'rate-high',
        `the rate \`${literal.value}%\` is above the ${percent(limit)} a year the institution flags as usurious`,
        literal.range,
        `Mexican law sets no rate cap for SOFOMES, but the SCJN's usury doctrine (jurisprudence 1a./J. 46/2014 and 47/2014, unverified) lets a judge cut an excessive rate, and CONDUSEF publishes how each product compares; ${percent(limit)} is a policy choice (unverified): set \`lints.maxAnnualRate\` in ${CONFIG}`,
      ),
    );
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
  const usury = `the SCJN's usury doctrine (jurisprudence 1a./J. 46/2014 and 47/2014, unverified) applies to moratorium interest, and products usually charge 1.5x to 2x the ordinary rate`;
  const moratorium = penalties.moratorium;
  if (moratorium?.rate.kind === 'multiple' && thresholds.maxMoratoriumMultiple !== false) {
    const factor = literalValue(moratorium.rate.factor);
    const limit = new Dec(thresholds.maxMoratoriumMultiple);
    if (factor?.gt(limit)) {
      accept(
        warning(
          'moratorium-high',
          `moratorium interest at \`${moratorium.rate.factor.value}x\` the ordinary rate is above ${limit.toFixed()}x`,
          moratorium.rate.factor.range,
          `${usury}; ${limit.toFixed()}x is a policy choice (unverified): set \`lints.maxMoratoriumMultiple\` in ${CONFIG}`,
        ),
      );
    }
  }
  if (moratorium?.rate.kind === 'annual' && thresholds.maxMoratoriumAnnualRate !== false) {
    const rate = literalValue(moratorium.rate.rate);
    const limit = new Dec(thresholds.maxMoratoriumAnnualRate);
    if (rate?.gt(limit)) {
      accept(
        warning(
          'moratorium-high',
          `moratorium interest at \`${moratorium.rate.rate.value}%\` a year is above ${percent(limit)}`,
          moratorium.rate.rate.range,
          `${usury}; ${percent(limit)} is a policy choice (unverified): set \`lints.maxMoratoriumAnnualRate\` in ${CONFIG}`,
        ),
      );
    }
  }
  const lateFee = penalties.lateFee;
  if (!lateFee || thresholds.maxLateFeeShareOfInstallment === false) return;
  const share = new Dec(thresholds.maxLateFeeShareOfInstallment);
  const taxed = lateFee.taxable || (pricing?.iva?.on.some((t) => t.name === 'penalties') ?? false);
  const withIva = taxed ? new Dec(1).plus(literalValue(pricing?.iva?.rate) ?? 0) : new Dec(1);
  const rule =
    `Banxico Circular 22/2010: a late fee (with its IVA) may not exceed the unpaid amount of the period` +
    (share.eq(1) ? '' : `; this product's threshold is ${percent(share)} of it (a policy choice)`) +
    `: set \`lints.maxLateFeeShareOfInstallment\` in ${CONFIG}`;
  const cap = share.eq(1) ? 'the' : `${percent(share)} of the`;
  const amount = literalValue(lateFee.amount);
  if (lateFee.amount?.kind === 'PercentLiteral') {
    // A percent of the unpaid amount: above the threshold for every installment.
    if (amount?.times(withIva).gt(share)) {
      accept(warning('late-fee-high', `a late fee of \`${lateFee.amount.value}%\`${taxed ? ' plus IVA' : ''} of the unpaid amount is above ${cap} unpaid amount`, lateFee.amount.range, rule));
    }
    const min = literalValue(lateFee.min);
    if (lateFee.min && min && smallest && min.times(withIva).gt(smallest.total.times(share))) {
      accept(warning('late-fee-high', `the late fee's \`min ${grouped(min)}\`${taxed ? ' plus IVA' : ''} is above ${cap} smallest installment (${grouped(smallest.total)}, on ${smallest.loan})`, lateFee.min.range, rule));
    }
    return;
  }
  if (amount && smallest && amount.times(withIva).gt(smallest.total.times(share))) {
    accept(
      warning(
        'late-fee-high',
        `the late fee \`${grouped(amount)}\`${taxed ? ' plus IVA' : ''} is above ${cap} smallest installment (${grouped(smallest.total)}, on ${smallest.loan})`,
        lateFee.amount.range,
        rule,
      ),
    );
  }
}
