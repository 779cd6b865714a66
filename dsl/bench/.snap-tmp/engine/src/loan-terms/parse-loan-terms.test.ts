import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { parseLoanTerms } from './parse-loan-terms.ts';

const valid = { principal: '10000.00', annualRate: '0.60', installments: 16, frequency: 'weekly', method: 'french', interestBasis: 'period', disbursementDate: '2025-01-06', decimals: 2, rounding: 'half-even' };

function issues(json: unknown, f: (t: ReturnType<typeof parseLoanTerms>) => unknown = () => undefined) {
  try {
    f(parseLoanTerms(json));
  } catch (e) {
    if (e instanceof InvalidInputError) return e.issues;
    throw e;
  }
  return [];
}
const pathsOf = (json: unknown) => issues(json).map((i) => i.path);

describe('parseLoanTerms', () => {
  it('accepts the DESIGN.md example and fills defaults', () => {
    const t = parseLoanTerms({ ...valid, firstDueDate: '2025-01-13', installmentMultipleOf: '1', tax: { rate: '0.16', on: ['interest', 'fees'] }, fees: [{ name: 'apertura', amount: '300.00', timing: 'deducted' }], graceInstallments: { principal: 0, interest: 0 } });
    expect(t.fees).toHaveLength(1);
    const minimal = parseLoanTerms({ principal: '100', annualRate: '0.1', installments: 2, frequency: 'monthly', disbursementDate: '2025-01-06' });
    expect(minimal).toMatchObject({ method: 'french', interestBasis: 'period', decimals: 2, rounding: 'half-even', fees: [], graceInstallments: { principal: 0, interest: 0 } });
    expect(Object.isFrozen(minimal)).toBe(true);
  });

  it.each([
    ['negative principal', { principal: '-5.00' }, 'principal', /greater than 0/],
    ['principal as a JSON number', { principal: 10000 }, 'principal', /decimal string/],
    ['principal beyond the scale', { principal: '100.005' }, 'principal', /more than 2 decimal places/],
    ['zero installments', { installments: 0 }, 'installments', /between 1 and 1000/],
    ['fractional installments', { installments: 2.5 }, 'installments', /whole number/],
    ['unknown frequency', { frequency: 'daily' }, 'frequency', /weekly/],
    ['everyDays zero', { frequency: { everyDays: 0 } }, 'frequency.everyDays', /between 1/],
    ['rate as a percentage', { annualRate: '60%' }, 'annualRate', /fraction, not a percentage: write "0.60" for 60%/],
    ['rate far too high', { annualRate: '60' }, 'annualRate', /at most 10 \(a fraction: "0.60" is 60%\)/],
    ['negative rate', { annualRate: '-0.1' }, 'annualRate', /negative/],
    ['unknown method', { method: 'balloon' }, 'method', /french/],
    ['unknown basis', { interestBasis: 'actual/actual' }, 'interestBasis', /30\/360/],
    ['bad disbursement date', { disbursementDate: '2025-02-30' }, 'disbursementDate', /YYYY-MM-DD/],
    ['first due before disbursement', { firstDueDate: '2025-01-01' }, 'firstDueDate', /after the disbursement date/],
    ['first due on disbursement', { firstDueDate: '2025-01-06' }, 'firstDueDate', /after the disbursement date/],
    ['semimonthly first due not 15th or month end', { frequency: 'semimonthly', firstDueDate: '2025-01-20' }, 'firstDueDate', /15th and the last day/],
    ['decimals out of range', { decimals: 11 }, 'decimals', /between 0 and 10/],
    ['unknown rounding', { rounding: 'down' }, 'rounding', /half-even/],
    ['unknown key', { interestRate: '0.6' }, 'interestRate', /unknown field/],
    ['multiple on german', { method: 'german', installmentMultipleOf: '5' }, 'installmentMultipleOf', /level installments/],
    ['zero multiple', { installmentMultipleOf: '0' }, 'installmentMultipleOf', /greater than 0/],
    ['tax rate as percent', { tax: { rate: '16%', on: ['interest'] } }, 'tax.rate', /write "0.16"/],
    ['tax on unknown', { tax: { rate: '0.16', on: ['penalties'] } }, 'tax.on[0]', /interest/],
    ['IVA-inclusive on flat', { method: 'flat', tax: { rate: '0.16', on: ['interest'], includedInInstallment: true } }, 'tax.includedInInstallment', /french/],
    ['negative fee', { fees: [{ name: 'apertura', amount: '-300.00', timing: 'deducted' }] }, 'fees[0].amount', /negative/],
    ['fee unknown timing', { fees: [{ name: 'apertura', amount: '300.00', timing: 'later' }] }, 'fees[0].timing', /upfront/],
    ['fee without amount', { fees: [{ name: 'apertura', timing: 'upfront' }] }, 'fees[0].amount', /missing/],
    ['fee percent as percentage', { fees: [{ name: 'apertura', percent: '3%', timing: 'upfront' }] }, 'fees[0].percent', /write "0.03"/],
    ['fee min above max', { fees: [{ name: 'x', percent: '0.01', min: '50', max: '10', timing: 'upfront' }] }, 'fees[0].min', /must not exceed max/],
    ['fee `of` on one-time fee', { fees: [{ name: 'x', percent: '0.01', of: 'balance', timing: 'upfront' }] }, 'fees[0].of', /per-installment/],
    ['fee unknown key', { fees: [{ name: 'x', amount: '1', timing: 'upfront', iva: true }] }, 'fees[0].iva', /unknown field/],
    ['grace as long as the loan', { graceInstallments: { principal: 16, interest: 0 } }, 'graceInstallments.principal', /between 0 and 15/],
    ['bullet with several installments', { method: 'bullet' }, 'installments', /bullet/],
    ['unknown business day rule', { businessDays: { rule: 'nearest' } }, 'businessDays.rule', /next/],
    ['bad extra holiday', { businessDays: { rule: 'next', holidays: ['2025-13-01'] } }, 'businessDays.holidays[0]', /YYYY-MM-DD/],
  ])('rejects %s', (_name, patch, path, message) => {
    const found = issues({ ...valid, ...patch });
    const issue = found.find((i) => i.path === path);
    expect(issue, JSON.stringify(found)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('collects every issue at once', () => {
    expect(pathsOf({ principal: '-1', annualRate: '60%', installments: 0, frequency: 'daily', disbursementDate: 'yesterday', extra: 1 })).toEqual(
      expect.arrayContaining(['extra', 'principal', 'annualRate', 'installments', 'frequency', 'disbursementDate']),
    );
    expect(pathsOf(null)).toEqual(['']);
  });

  it('rejects terms that cannot make a schedule, naming the field', () => {
    expect(issues({ ...valid, fees: [{ name: 'apertura', amount: '9000.00', timing: 'deducted' }], tax: { rate: '0.16', on: ['fees'] } }, generateSchedule)[0]).toMatchObject({ path: 'fees' });
    expect(issues({ ...valid, principal: '1000.00', installments: 4, installmentMultipleOf: '1000' }, generateSchedule)[0]).toMatchObject({ path: 'installmentMultipleOf' });
    expect(issues({ ...valid, principal: '0.05', installments: 10, method: 'german' }, generateSchedule)[0]).toMatchObject({ path: 'principal' });
    expect(issues({ ...valid, frequency: { everyDays: 1 }, businessDays: { rule: 'next' } }, generateSchedule)[0]).toMatchObject({ path: 'businessDays.rule' });
  });
});
