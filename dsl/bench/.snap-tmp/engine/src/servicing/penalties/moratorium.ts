// Moratorium interest (intereses moratorios): the annual rate a product charges on overdue
// amounts and the interest of a span of days by its day basis, unrounded (rounded when charged).
import { Dec } from '../../decimal.ts';
import type { Frequency, InterestBasis, Penalties } from '../../ir/product-ir.ts';
import { days360 } from '../../calendar/iso-date.ts';

/** An exact year fraction num/den. */
export interface YearFraction {
  readonly num: number;
  readonly den: number;
}

/** The moratorium annual rate: the product's annual rate, or `factor` × the loan's ordinary rate. */
export function moratoriumAnnualRate(rule: NonNullable<Penalties['moratorium']>, ordinaryRate: Dec): Dec {
  return rule.rate.kind === 'annual' ? new Dec(rule.rate.rate) : ordinaryRate.times(rule.rate.factor);
}

/**
 * Nominal days per year under the `period` basis: the rate per period spread over the period's
 * nominal days (weekly 52 × 7 = 364, biweekly 26 × 14 = 364, semimonthly 24 × 15 = 360, monthly
 * 12 × 30 = 360, every N days 365).
 */
export function periodBasisYearDays(frequency: Frequency): number {
  if (typeof frequency === 'object') return 365;
  return { weekly: 364, biweekly: 364, semimonthly: 360, monthly: 360 }[frequency];
}

/**
 * The year fraction from day `from` to day `to` (day numbers) under a moratorium basis: actual
 * days over 360 or 365, 30E/360 days over 360, or (`period`) actual days over
 * {@link periodBasisYearDays}. Fractions of consecutive spans add up to the fraction of the whole.
 */
export function moratoriumYearFraction(basis: InterestBasis, frequency: Frequency, from: number, to: number): YearFraction {
  switch (basis) {
    case 'actual/360':
      return { num: to - from, den: 360 };
    case 'actual/365':
      return { num: to - from, den: 365 };
    case '30/360':
      return { num: days360(from, to), den: 360 };
    case 'period':
      return { num: to - from, den: periodBasisYearDays(frequency) };
  }
}

/**
 * Moratorium interest on `base` at `annualRate` over `fraction`, exact (not rounded).
 * @example moratoriumInterest(new Dec('1000'), new Dec('0.9'), { num: 10, den: 360 }).toFixed(2) // '25.00'
 */
export function moratoriumInterest(base: Dec, annualRate: Dec, fraction: YearFraction): Dec {
  if (fraction.num === 0 || base.isZero()) return new Dec(0);
  return base.times(annualRate).times(fraction.num).div(fraction.den);
}
