// generateSchedule: the public entry point. Runs the fast path (integer units, proven identical to
// the decimal reference by test/schedule.property.test.ts) and falls back to the decimal
// reference when an amount does not fit safe integers.
import { InvalidInputError } from '../errors.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { roundProductRatio } from '../rounding.ts';
import { bulletParts } from './bullet.ts';
import { feeUnits, prepareFee, type UnitsFee } from './fee-amounts.ts';
import { flatParts } from './flat.ts';
import { frenchParts } from './french.ts';
import { germanParts } from './german.ts';
import type { MethodParts, UnitsContext } from './method-parts.ts';
import { planSchedule, type SchedulePlan } from './plan.ts';
import { generateReferenceSchedule } from './reference-schedule.ts';
import type { Schedule, ScheduleInstallment } from './schedule.ts';
import { scheduleCat } from './schedule-cat.ts';
import { formatUnits as formatUnitsImport, toRatio, toUnits } from './units.ts';

// A module-local binding: some loaders (tsx) compile imports to getters, costly in the hot loop.
const formatUnits = formatUnitsImport;

/**
 * The repayment schedule of validated loan terms (DESIGN.md output, frozen), with its CAT.
 * Throws InvalidInputError when the terms cannot produce a schedule (fees leave nothing to
 * disburse, a multiple too coarse for the interest, business days colliding).
 * @example generateSchedule(parseLoanTerms(json)).installments[0].total
 */
export function generateSchedule(terms: LoanTerms): Schedule {
  const plan = planSchedule(terms);
  return generateFastSchedule(terms, plan) ?? generateReferenceSchedule(terms, plan);
}

const METHODS: Record<LoanTerms['method'], (ctx: UnitsContext) => MethodParts> = {
  french: frenchParts,
  german: germanParts,
  flat: flatParts,
  bullet: bulletParts,
};

/** The fast path; undefined when some amount or rate does not fit safe-integer arithmetic. */
export function generateFastSchedule(terms: LoanTerms, plan: SchedulePlan): Schedule | undefined {
  const scale = terms.decimals;
  const mode = terms.rounding;
  const principalU = toUnits(terms.principal, scale);
  const rate = toRatio(terms.annualRate);
  const taxRate = terms.tax ? toRatio(terms.tax.rate) : { num: 0, den: 1 };
  const step = terms.installmentMultipleOf === undefined ? 1 : toUnits(terms.installmentMultipleOf, scale);
  if (principalU === undefined || rate === undefined || taxRate === undefined || step === undefined || rate.den > 1e10) return undefined;
  const taxesInterest = terms.tax?.on.includes('interest') ?? false;
  const taxesFees = terms.tax?.on.includes('fees') ?? false;
  const fees: UnitsFee[] = [];
  for (const fee of terms.fees) {
    const f = prepareFee(fee, scale, taxesFees);
    if (!f) return undefined;
    fees.push(f);
  }

  // One-time fees: on the principal requested.
  let financed = principalU;
  let upfront = 0;
  let upfrontTaxable = 0;
  let deducted = 0;
  let deductedTaxable = 0;
  let financedTaxable = 0;
  const perInstallment: UnitsFee[] = [];
  for (const f of fees) {
    if (f.fee.timing === 'per-installment') {
      perInstallment.push(f);
      continue;
    }
    const amount = feeUnits(f, principalU, mode);
    const taxable = f.taxable ? amount : 0;
    if (f.fee.timing === 'financed') {
      financed += amount;
      financedTaxable += taxable;
    } else if (f.fee.timing === 'upfront') {
      upfront += amount;
      upfrontTaxable += taxable;
    } else {
      deducted += amount;
      deductedTaxable += taxable;
    }
  }
  const tax = (base: number) => (base === 0 ? 0 : roundProductRatio(base, taxRate.num, 1, taxRate.den, mode));
  const disbursed = principalU - deducted - tax(deductedTaxable);
  const upfrontTotal = upfront + tax(upfrontTaxable);
  const net = principalU - deducted - upfront;
  if (disbursed <= 0 || net <= 0) {
    throw new InvalidInputError([{ path: 'fees', message: `fees at signing (${formatUnits(deducted + upfront, scale)} plus IVA) leave nothing to disburse from the principal ${terms.principal}` }]);
  }

  const n = terms.installments;
  // Every balance, interest and sum must stay a safe integer: bound the interest by P·r·years.
  const years = Math.max(plan.term.num / plan.term.den, (plan.dueDays[n - 1]! - plan.disbursementDay) / 360, n / 12);
  if ((financed + upfront + deducted) * (2 + (rate.num / rate.den) * years * 2) > 2 ** 52) return undefined;
  const ctx: UnitsContext = {
    financed,
    installments: n,
    gracePrincipal: terms.graceInstallments.principal,
    mode,
    scale,
    rate,
    fractions: plan.fractions,
    term: plan.term,
    includedTax: terms.tax?.includedInInstallment && taxesInterest ? taxRate : undefined,
    step,
    hasMultiple: terms.installmentMultipleOf !== undefined,
  };
  const parts = METHODS[terms.method](ctx);

  const gi = terms.graceInstallments.interest;
  const rows: ScheduleInstallment[] = new Array<ScheduleInstallment>(n);
  const payments: number[] = new Array<number>(n);
  const principals = parts.principal;
  const accrueds = parts.accrued;
  const dueDates = plan.dueDates;
  const hasPerInstallment = perInstallment.length > 0;
  // Equal amounts share one string: zero (fees, IVA on fees after installment 1, the last
  // balance) and the IVA column when it is all IVA on interest. Same values, fewer conversions.
  const zero = formatUnits(0, scale);
  let balance = financed;
  let deferred = 0;
  let tPrincipal = 0;
  let tInterest = 0;
  let tTax = 0;
  let tFees = 0;
  for (let k = 0; k < n; k++) {
    const principal = principals[k]!;
    const accrued = accrueds[k]!;
    let interest: number;
    if (k < gi) {
      deferred += accrued;
      interest = 0;
    } else {
      interest = accrued + deferred;
      deferred = 0;
    }
    let feeSum = 0;
    let feeTaxable = k === 0 ? financedTaxable : 0;
    if (hasPerInstallment) {
      for (const f of perInstallment) {
        const base = f.fee.of === 'balance' ? balance : financed;
        const amount = feeUnits(f, base, mode);
        feeSum += amount;
        if (f.taxable) feeTaxable += amount;
      }
    }
    const taxOnInterest = taxesInterest ? tax(interest) : 0;
    const taxOnFees = taxesFees ? tax(feeTaxable) : 0;
    const taxSum = taxOnInterest + taxOnFees;
    const total = principal + interest + taxSum + feeSum;
    balance -= principal;
    payments[k] = principal + interest + feeSum;
    tPrincipal += principal;
    tInterest += interest;
    tTax += taxSum;
    tFees += feeSum;
    const taxOnInterestText = taxOnInterest === 0 ? zero : formatUnits(taxOnInterest, scale);
    const taxOnFeesText = taxOnFees === 0 ? zero : formatUnits(taxOnFees, scale);
    rows[k] = Object.freeze({
      number: k + 1,
      dueDate: dueDates[k]!,
      principal: formatUnits(principal, scale),
      interest: interest === 0 ? zero : formatUnits(interest, scale),
      tax: taxOnFees === 0 ? taxOnInterestText : taxOnInterest === 0 ? taxOnFeesText : formatUnits(taxSum, scale),
      fees: feeSum === 0 ? zero : formatUnits(feeSum, scale),
      total: formatUnits(total, scale),
      balance: balance === 0 ? zero : formatUnits(balance, scale),
      taxOnInterest: taxOnInterestText,
      taxOnFees: taxOnFeesText,
    });
  }
  if (balance !== 0 || tPrincipal !== financed) throw new Error('schedule invariant broken: principal parts do not sum to the financed amount');
  const grand = tPrincipal + tInterest + tTax + tFees;
  const cat = scheduleCat(net, payments, plan);
  return Object.freeze({
    installments: Object.freeze(rows),
    totals: Object.freeze({
      principal: formatUnits(tPrincipal, scale),
      interest: formatUnits(tInterest, scale),
      tax: formatUnits(tTax, scale),
      fees: formatUnits(tFees, scale),
      total: formatUnits(grand, scale),
    }),
    disbursed: formatUnits(disbursed, scale),
    financed: formatUnits(financed, scale),
    upfront: formatUnits(upfrontTotal, scale),
    cat: cat.cat,
    catExact: cat.catExact,
    effectivePeriodRate: cat.effectivePeriodRate,
    totalToPay: formatUnits(grand + upfrontTotal, scale),
    totalCost: formatUnits(grand + upfrontTotal - disbursed, scale),
  });
}
