// The straightforward decimal.js schedule: every convention written directly on Dec amounts in
// currency units. It is the specification the fast path must equal (proven by property test),
// and the fallback for amounts beyond safe integers.
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import type { LoanFee, LoanTerms } from '../loan-terms/loan-terms.ts';
import { roundTo, roundToMultiple } from '../rounding.ts';
import { flatPeriodInterests } from './flat-interest.ts';
import { roundedLevelPaymentDec } from './level-payment.ts';
import { planSchedule, type SchedulePlan } from './plan.ts';
import type { Schedule, ScheduleInstallment } from './schedule.ts';
import { scheduleCat } from './schedule-cat.ts';

/**
 * The schedule computed with decimal.js only (same output as generateSchedule, slower).
 * Used as the reference in tests and benchmarks and for very large amounts.
 */
export function generateReferenceSchedule(terms: LoanTerms, plan: SchedulePlan = planSchedule(terms)): Schedule {
  const s = terms.decimals;
  const mode = terms.rounding;
  const round = (x: Dec) => roundTo(x, s, mode);
  const str = (x: Dec) => x.toFixed(s);
  const P0 = new Dec(terms.principal);
  const r = new Dec(terms.annualRate);
  const t = new Dec(terms.tax?.rate ?? '0');
  const taxesInterest = terms.tax?.on.includes('interest') ?? false;
  const taxesFees = terms.tax?.on.includes('fees') ?? false;
  const taxable = (f: LoanFee) => taxesFees && f.taxable !== false;
  const tax = (x: Dec) => round(x.times(t));
  const feeOn = (f: LoanFee, base: Dec): Dec => {
    if (f.amount !== undefined) return new Dec(f.amount);
    let v = round(base.times(f.percent!));
    if (f.min !== undefined && v.lt(f.min)) v = new Dec(f.min);
    if (f.max !== undefined && v.gt(f.max)) v = new Dec(f.max);
    return v;
  };

  const oneTime = (timing: LoanFee['timing']) => terms.fees.filter((f) => f.timing === timing).map((f) => ({ f, amount: feeOn(f, P0) }));
  const sum = (xs: { f: LoanFee; amount: Dec }[], onlyTaxable = false) =>
    xs.reduce((acc, x) => (onlyTaxable && !taxable(x.f) ? acc : acc.plus(x.amount)), new Dec(0));
  const financedFees = oneTime('financed');
  const upfrontFees = oneTime('upfront');
  const deductedFees = oneTime('deducted');
  const P = P0.plus(sum(financedFees));
  const upfront = sum(upfrontFees);
  const deducted = sum(deductedFees);
  const disbursed = P0.minus(deducted).minus(sum(deductedFees, true).isZero() ? 0 : tax(sum(deductedFees, true)));
  const upfrontTotal = upfront.plus(sum(upfrontFees, true).isZero() ? 0 : tax(sum(upfrontFees, true)));
  const net = P0.minus(deducted).minus(upfront);
  if (disbursed.lte(0) || net.lte(0)) {
    throw new InvalidInputError([{ path: 'fees', message: `fees at signing (${deducted.plus(upfront).toFixed(s)} plus IVA) leave nothing to disburse from the principal ${terms.principal}` }]);
  }

  const n = terms.installments;
  const gp = terms.graceInstallments.principal;
  const gi = terms.graceInstallments.interest;
  const unit = new Dec(10).pow(-s);
  const step = terms.installmentMultipleOf === undefined ? unit : new Dec(terms.installmentMultipleOf);
  const included = terms.tax?.includedInInstallment === true && taxesInterest;
  const periodInterest = (balance: Dec, k: number) => {
    const f = plan.fractions[k]!;
    return round(balance.times(r).times(f.num).div(f.den));
  };
  const fail = (k: number, part: Dec, balance: Dec) => {
    if (part.gt(0) && part.lt(balance)) return;
    const hasMultiple = terms.installmentMultipleOf !== undefined;
    const message = part.lte(0)
      ? `installment ${k} would repay no principal (principal part ${part.toFixed(s)}): the installment does not cover the interest${hasMultiple ? '; use a smaller multiple' : '; the principal is too small for this many installments'}`
      : `installment ${k} would repay the whole balance ${balance.toFixed(s)} before the last installment${hasMultiple ? '; use a smaller multiple' : ''}`;
    throw new InvalidInputError([{ path: hasMultiple ? 'installmentMultipleOf' : 'principal', message }]);
  };

  // Principal part and accrued interest of each installment, by method.
  const principalParts: Dec[] = [];
  const accrued: Dec[] = [];
  let balance = P;
  if (terms.method === 'flat') {
    const total = round(P.times(r).times(plan.term.num).div(plan.term.den));
    // Fineract: `per` each, the rest on the last; when the rest would be negative, the total is
    // spread one currency unit at a time, the earliest periods first.
    const flat = flatPeriodInterests(terms, plan, P);
    const interestOf = (k: number) => flat[k]!;
    let graceInterest = new Dec(0);
    for (let k = 0; k < gp; k++) graceInterest = graceInterest.plus(interestOf(k));
    const level = roundToMultiple(P.plus(total).minus(graceInterest).div(n - gp), step, mode);
    for (let k = 0; k < n; k++) {
      accrued.push(interestOf(k));
      const part = k < gp ? new Dec(0) : k === n - 1 ? balance : level.minus(accrued[k]!);
      if (k >= gp && k < n - 1) fail(k + 1, part, balance);
      principalParts.push(part);
      balance = balance.minus(part);
    }
  } else {
    let level: Dec | undefined;
    const equal = round(P.div(n - gp));
    for (let k = 0; k < n; k++) {
      const interest = periodInterest(balance, k);
      accrued.push(interest);
      let part: Dec;
      if (k < gp) part = new Dec(0);
      else if (k === n - 1) part = balance;
      else if (terms.method === 'german') part = equal;
      else {
        level ??= roundedLevelPaymentDec(balance, r, plan.fractions.slice(gp), included ? t.plus(1) : new Dec(1), step, mode);
        part = level.minus(interest).minus(included ? tax(interest) : 0);
      }
      if (k >= gp && k < n - 1) fail(k + 1, part, balance);
      principalParts.push(part);
      balance = balance.minus(part);
    }
  }

  // Grace deferral, per-installment fees, IVA, totals.
  const perInstallment = terms.fees.filter((f) => f.timing === 'per-installment');
  const financedTaxable = sum(financedFees, true);
  const rows: ScheduleInstallment[] = [];
  const payments: number[] = [];
  const toUnits = (x: Dec) => x.div(unit).toNumber();
  let deferred = new Dec(0);
  const totals = { principal: new Dec(0), interest: new Dec(0), tax: new Dec(0), fees: new Dec(0) };
  balance = P;
  for (let k = 0; k < n; k++) {
    const principal = principalParts[k]!;
    let interest: Dec;
    if (k < gi) {
      deferred = deferred.plus(accrued[k]!);
      interest = new Dec(0);
    } else {
      interest = accrued[k]!.plus(deferred);
      deferred = new Dec(0);
    }
    let fees = new Dec(0);
    let feesTaxable = k === 0 ? financedTaxable : new Dec(0);
    for (const f of perInstallment) {
      const amount = feeOn(f, f.of === 'balance' ? balance : P);
      fees = fees.plus(amount);
      if (taxable(f)) feesTaxable = feesTaxable.plus(amount);
    }
    const taxOnInterest = taxesInterest ? tax(interest) : new Dec(0);
    const taxOnFees = taxesFees ? tax(feesTaxable) : new Dec(0);
    const taxSum = taxOnInterest.plus(taxOnFees);
    balance = balance.minus(principal);
    totals.principal = totals.principal.plus(principal);
    totals.interest = totals.interest.plus(interest);
    totals.tax = totals.tax.plus(taxSum);
    totals.fees = totals.fees.plus(fees);
    payments.push(toUnits(principal.plus(interest).plus(fees)));
    rows.push(
      Object.freeze({
        number: k + 1,
        dueDate: plan.dueDates[k]!,
        principal: str(principal),
        interest: str(interest),
        tax: str(taxSum),
        fees: str(fees),
        total: str(principal.plus(interest).plus(taxSum).plus(fees)),
        balance: str(balance),
        taxOnInterest: str(taxOnInterest),
        taxOnFees: str(taxOnFees),
      }),
    );
  }
  const grand = totals.principal.plus(totals.interest).plus(totals.tax).plus(totals.fees);
  const cat = scheduleCat(toUnits(net), payments, plan);
  return Object.freeze({
    installments: Object.freeze(rows),
    totals: Object.freeze({
      principal: str(totals.principal),
      interest: str(totals.interest),
      tax: str(totals.tax),
      fees: str(totals.fees),
      total: str(grand),
    }),
    disbursed: str(disbursed),
    financed: str(P),
    upfront: str(upfrontTotal),
    cat: cat.cat,
    catExact: cat.catExact,
    effectivePeriodRate: cat.effectivePeriodRate,
    totalToPay: str(grand.plus(upfrontTotal)),
    totalCost: str(grand.plus(upfrontTotal).minus(disbursed)),
  });
}
