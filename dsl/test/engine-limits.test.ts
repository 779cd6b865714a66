// The engine's limits, checked at the product line that breaks them (issue 12, item 5). Each case
// starts from a product that checked clean before, shows the checker now reports `engine-limit`
// at the offending literal, and shows the engine really refuses the product: its IR, built without
// the checker's veto, makes a decision throw. The edge values themselves pass and decide.
import { decide, LOAN_TERMS_LIMITS, type ProductIR } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/check/check.ts';
import { productIR } from '../src/compile/product-ir.ts';
import { compileText } from '../src/compile/compile.ts';
import { parse } from '../src/parse.ts';
import { diagnose, found, mutate, positionOf, PRODUCT } from './check-helpers.ts';

const SMALL = `product small "Pequeño" {
  currency MXN
  input {
    request.amount: money
    request.payments: integer
  }
  limits {
    amount 5_000..50_000 step 500
    payments 6..24 monthly
  }
  pricing {
    method french
    rate 48%
    iva 16% on interest, fees
  }
  fee apertura 2% of amount deducted
}
`;

/** The IR the compiler would make if the checker let it: what a decision would run. */
function unchecked(text: string): ProductIR {
  const { file } = parse(text);
  const { scope } = analyze(file);
  return { ...productIR(file.product!, scope!), hash: 'unchecked' } as ProductIR;
}

function application(amount: string, payments: number, frequency?: string) {
  return { request: { amount, payments, ...(frequency ? { frequency } : {}) } };
}

function engineLimits(text: string): string[] {
  return found(diagnose(text), 'engine-limit');
}

describe('engine limits, at the line that breaks them', () => {
  it('the small product checks clean and decides at its corners', () => {
    expect(found(diagnose(SMALL))).toEqual([]);
    const { ir } = compileText(SMALL);
    for (const [amount, payments] of [['5000', 6], ['5000', 24], ['50000', 6], ['50000', 24]] as const) {
      expect(decide(ir!, application(amount, payments), '2025-01-01').outcome).toBe('approve');
    }
  });

  it('a rate above 1000%, fixed or in any rate-table row', () => {
    const fixed = mutate('rate 48%', 'rate 5000%', SMALL);
    expect(engineLimits(fixed)).toEqual([`${positionOf(fixed, '5000%')} engine-limit the rate \`5000%\` is above the highest annual rate the engine prices (1000%)`]);
    expect(() => decide(unchecked(fixed), application('5000', 6), '2025-01-01')).toThrow(/annualRate: must be at most 10/);
    const table = mutate('rate 48%', 'rate by payments { 6..12: 48%, 13..24: 1200% }', SMALL);
    expect(engineLimits(table)).toEqual([`${positionOf(table, '1200%')} engine-limit the rate \`1200%\` is above the highest annual rate the engine prices (1000%)`]);
    expect(() => decide(unchecked(table), application('5000', 18), '2025-01-01')).toThrow(/annualRate/);
  });

  it('an amount above the largest loan the engine schedules', () => {
    const text = mutate('amount 5_000..50_000 step 500', 'amount 5_000..1_000_000_000_000_000_000_000 step 500', SMALL);
    expect(engineLimits(text)).toEqual([
      `${positionOf(text, '1_000_000_000_000_000_000_000')} engine-limit the maximum amount \`1_000_000_000_000_000_000_000\` is above the largest loan the engine schedules (1_000_000_000_000)`,
    ]);
    expect(() => decide(unchecked(text), application('2000000000000', 6), '2025-01-01')).toThrow(/principal: must be at most/);
  });

  it('more payments than the engine schedules', () => {
    const text = mutate('payments 6..24 monthly', 'payments 6..10000 monthly', SMALL);
    expect(engineLimits(text)).toEqual([`${positionOf(text, '10000')} engine-limit \`10000\` payments is above the most the engine schedules (${LOAN_TERMS_LIMITS.maxInstallments})`]);
    expect(() => decide(unchecked(text), application('50000', 1001), '2025-01-01')).toThrow(/installments: must be between 1 and 1000/);
  });

  it('a period longer than the engine schedules, and one too short for business days', () => {
    const long = mutate('payments 6..24 monthly', 'payments 6..24 every 400 days', SMALL);
    expect(engineLimits(long)).toEqual([`${positionOf(long, '400')} engine-limit \`every 400 days\` is longer than the longest period the engine schedules (366 days)`]);
    expect(() => decide(unchecked(long), application('5000', 6), '2025-01-01')).toThrow(/frequency.everyDays/);
    const short = mutate('rate 48%', 'rate 48%\n    business days next', mutate('payments 6..24 monthly', 'payments 6..24 every 4 days', SMALL));
    expect(engineLimits(short)).toEqual([`${positionOf(short, '4 days')} engine-limit \`every 4 days\` is too short for \`business days next\``]);
    // Disbursed on 2025-04-13, the first due date is Holy Thursday, moved to Monday the 21st: the second's own day.
    expect(() => decide(unchecked(short), application('5000', 6), '2025-04-13')).toThrow(/businessDays.rule/);
    const window = mutate('payments 6..24 monthly', 'payments 6..24 monthly\n    first payment 1..3 days', mutate('rate 48%', 'rate 48%\n    business days previous', SMALL));
    expect(engineLimits(window)).toEqual([`${positionOf(window, '3 days')} engine-limit a first payment at most 3 days after disbursement can move back onto the disbursement day with \`business days previous\``]);
  });

  it('fees the engine cannot charge: above 100%, a percent of the installment, more decimals than the scale', () => {
    const high = mutate('fee apertura 2% of amount', 'fee apertura 150% of amount', SMALL);
    expect(engineLimits(high)).toEqual([`${positionOf(high, '150%')} engine-limit fee \`apertura\` of \`150%\` is above 100% of its base`]);
    expect(() => decide(unchecked(high), application('5000', 6), '2025-01-01')).toThrow(/fees\[0\].percent/);
    const ofInstallment = mutate('fee apertura 2% of amount deducted', 'fee seguro 1% of installment per installment', SMALL);
    expect(engineLimits(ofInstallment)).toEqual([`${positionOf(ofInstallment, 'installment per')} engine-limit the engine cannot charge fee \`seguro\` as a percent of the installment`]);
    expect(() => decide(unchecked(ofInstallment), application('5000', 6), '2025-01-01')).toThrow(/fees\[0\].amount.of/);
    const cents = mutate('fee apertura 2% of amount deducted', 'fee apertura 300.555 deducted', SMALL);
    expect(engineLimits(cents)).toEqual([`${positionOf(cents, '300.555')} engine-limit fee \`apertura\` of \`300.555\` has more decimals than the currency scale (2)`]);
    expect(() => decide(unchecked(cents), application('5000', 6), '2025-01-01')).toThrow(/fees\[0\].amount: has more than 2 decimal places/);
  });

  it('an amount step or installment multiple finer than the currency scale', () => {
    const step = mutate('step 500', 'step 0.001', mutate('amount 5_000..50_000', 'amount 5_000..50_000.000', SMALL));
    expect(engineLimits(step)).toEqual([`${positionOf(step, '0.001')} engine-limit the amount step \`0.001\` has more decimals than the currency scale (2)`]);
    expect(() => decide(unchecked(step), application('5000.001', 6), '2025-01-01')).toThrow(/principal: has more than 2 decimal places/);
    const multiple = mutate('iva 16% on interest, fees', 'iva 16% on interest, fees\n    rounding 2 half-even multiple 0.005', SMALL);
    expect(engineLimits(multiple)).toEqual([`${positionOf(multiple, '0.005')} engine-limit the installment multiple \`0.005\` has more decimals than the currency scale (2)`]);
    expect(() => decide(unchecked(multiple), application('5000', 6), '2025-01-01')).toThrow(/installmentMultipleOf/);
  });

  it('grace on every installment of the shortest term', () => {
    const text = mutate('iva 16% on interest, fees', 'iva 16% on interest, fees\n    grace principal 6', SMALL);
    expect(engineLimits(text)).toEqual([`${positionOf(text, '6\n')} engine-limit \`grace principal 6\` leaves no installment to repay a loan of 6 payments`]);
    expect(() => decide(unchecked(text), application('5000', 6), '2025-01-01')).toThrow(/graceInstallments.principal: must be between 0 and 5/);
  });

  it('a bullet loan over several payments, and IVA in the installment of a method without a level one', () => {
    const bullet = mutate('method french', 'method bullet', SMALL);
    expect(engineLimits(bullet)).toEqual([`${positionOf(bullet, '6..24')} engine-limit a \`bullet\` loan repays in one payment, but this term allows 6..24 payments`]);
    expect(() => decide(unchecked(bullet), application('5000', 6), '2025-01-01')).toThrow(/installments: a bullet loan has one payment/);
    const iva = mutate('method french', 'method german', mutate('iva 16% on interest, fees', 'iva 16% on interest, fees\n    installment includes iva', SMALL));
    expect(engineLimits(iva)).toEqual([`${positionOf(iva, 'german')} engine-limit \`installment includes iva\` levels a french installment, and \`german\` has none`]);
    expect(() => decide(unchecked(iva), application('5000', 6), '2025-01-01')).toThrow(/tax.includedInInstallment/);
  });

  it('fees at signing that leave nothing to disburse from the smallest loan', () => {
    const text = mutate('fee apertura 2% of amount deducted', 'fee apertura 2% of amount deducted\n  fee gastos 4_900 upfront', SMALL);
    expect(engineLimits(text)).toEqual([`${positionOf(text, '2% of')} engine-limit fees at signing leave nothing to disburse from the smallest loan (5_000)`]);
    expect(() => decide(unchecked(text), application('5000', 6), '2025-01-01')).toThrow(/fees: fees at signing/);
  });

  it('loans the engine refuses to schedule: an installment that cannot pay its principal, a multiple too coarse', () => {
    // The checker's own fixture, as it stood: 48 semimonthly payments at 36% with interest by days.
    const byDays = mutate('basis period', 'basis actual/360');
    expect(found(diagnose(byDays))).toEqual([`${positionOf(byDays, '6..48')} engine-limit the engine cannot schedule a loan this product allows: 5_000 in 48 semimonthly payments at 36%`]);
    const best = { applicant: { age: 35, net_income: '100000' }, employment: { months: 30, employer_in_agreement: true }, bureau: { score: 710 }, request: { amount: '5000', payments: 48 } };
    expect(() => decide(unchecked(byDays), best, '2025-01-01')).toThrow(/installment 1 would repay no principal/);
    expect(decide(compileText(PRODUCT).ir!, best, '2025-01-01').outcome).toBe('approve');
    const coarse = mutate('iva 16% on interest, fees', 'iva 16% on interest, fees\n    rounding 2 half-even multiple 1_000', SMALL);
    expect(engineLimits(coarse)).toEqual([`${positionOf(coarse, '1_000')} engine-limit the engine cannot schedule a loan this product allows: 5_000 in 24 monthly payments at 48%`]);
    expect(() => decide(unchecked(coarse), application('5000', 24), '2025-01-01')).toThrow(/installmentMultipleOf/);
  });

  it('accepts the limits themselves: 1000% a year, 10^12, 1000 payments, a year-long period', () => {
    const edge = mutate(
      'payments 6..24 monthly',
      'payments 1..24 monthly\n    payments 1..2 every 366 days',
      mutate('amount 5_000..50_000 step 500', 'amount 100_000..1_000_000_000_000 step 500', mutate('rate 48%', 'rate 1000%', SMALL)),
    );
    expect(engineLimits(edge)).toEqual([]);
    const { ir } = compileText(edge);
    for (const [amount, payments, frequency] of [['100000', 1, 'monthly'], ['1000000000000', 24, 'monthly'], ['1000000000000', 2, 'every_366_days']] as const) {
      expect(decide(ir!, application(amount, payments, frequency), '2025-01-01').outcome).toBe('approve');
    }
    const most = mutate('payments 6..24 monthly', 'payments 1..1000 weekly', mutate('amount 5_000..50_000', 'amount 500_000..1_000_000', SMALL));
    expect(engineLimits(most)).toEqual([]);
    expect(decide(compileText(most).ir!, application('500000', 1000), '2025-01-01').outcome).toBe('approve');
  });
});
