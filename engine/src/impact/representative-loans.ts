// The loans that stand for a product's range — its smallest, a typical and its largest amount at
// its shortest and longest term — and their schedule (rate, installment, total, CAT) under two
// versions.
import { Dec } from '../decimal.ts';
import { loanTermsFor } from '../decision/loan-terms-for.ts';
import { InvalidInputError } from '../errors.ts';
import type { IsoDate, ProductIR } from '../ir/product-ir.ts';
import { regularInstallment } from '../product-tests/regular-installment.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { frequencyKey } from '../application/request-fields.ts';
import type { RepresentativeLoan, ScheduleChange, ScheduleSide } from './impact-report.ts';

function bandOf(ir: ProductIR): string | null {
  const rate = ir.pricing.rate;
  if (rate.kind !== 'table' || !rate.keys.includes('band')) return null;
  return ir.scorecard?.bands[0]?.name ?? null;
}

/** The amounts × terms grid of one product, on its first (default) frequency. */
function loansOf(ir: ProductIR): RepresentativeLoan[] {
  const term = ir.limits.terms[0];
  if (!term) return [];
  const { min, max, step } = ir.limits.amount;
  const middle = new Dec(min).plus(max).div(2).toNearest(step, Dec.ROUND_DOWN);
  const typical = Dec.max(middle, min).toFixed();
  const band = bandOf(ir);
  const amounts = [['min', new Dec(min).toFixed()], ['typical', typical], ['max', new Dec(max).toFixed()]] as const;
  const terms = [['shortest', term.payments.min], ['longest', term.payments.max]] as const;
  return amounts.flatMap(([amount, value]) => terms.map(([t, payments]) => ({ amount, term: t, band, request: { amount: value, payments, frequency: term.frequency } })));
}

const loanKey = (l: RepresentativeLoan) => `${l.request.amount}|${l.request.payments}|${frequencyKey(l.request.frequency)}|${l.band ?? ''}`;

/**
 * The representative loans of the version after the change, then those of the version before that
 * differ (limits that moved): the same loan is priced under both.
 * @example representativeLoans(published, draft).length // 6 when the limits did not move
 */
export function representativeLoans(before: ProductIR, after: ProductIR): RepresentativeLoan[] {
  const seen = new Set<string>();
  const out: RepresentativeLoan[] = [];
  for (const loan of [...loansOf(after), ...loansOf(before)]) {
    const key = loanKey(loan);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(loan);
  }
  return out;
}

function scheduleSide(ir: ProductIR, loan: RepresentativeLoan, disbursementDate: IsoDate): ScheduleSide | { readonly error: string } {
  try {
    const terms = loanTermsFor(ir, loan.request, loan.band, disbursementDate);
    const s = generateSchedule(terms);
    return { annualRate: terms.annualRate, installment: regularInstallment(s), totalToPay: s.totalToPay, cat: s.cat };
  } catch (e) {
    if (e instanceof InvalidInputError) return { error: e.message };
    throw e;
  }
}

const same = (a: ScheduleSide | { error: string }, b: ScheduleSide | { error: string }): boolean => {
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b;
  return new Dec(a.annualRate).eq(b.annualRate) && new Dec(a.installment).eq(b.installment) && new Dec(a.totalToPay).eq(b.totalToPay) && new Dec(a.cat).eq(b.cat);
};

/**
 * Each loan's schedule under both versions, disbursed on `disbursementDate`.
 * @example compareSchedules(v1, v2, representativeLoans(v1, v2), '2025-03-03')[0].after.cat
 */
export function compareSchedules(before: ProductIR, after: ProductIR, loans: readonly RepresentativeLoan[], disbursementDate: IsoDate): ScheduleChange[] {
  return loans.map((loan) => {
    const b = scheduleSide(before, loan, disbursementDate);
    const a = scheduleSide(after, loan, disbursementDate);
    return { loan, before: b, after: a, changed: !same(b, a) };
  });
}
