// validateApplication: typed, exact values nested by path; every problem reported with its path.
import { describe, expect, it } from 'vitest';
import { Dec, InvalidInputError, validateApplication } from '../../src/index.ts';
import { goodApplicant, payrollProduct } from '../decision/payroll-product.ts';

function issuesOf(data: unknown): Record<string, string> {
  try {
    validateApplication(payrollProduct, data);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return Object.fromEntries((error as InvalidInputError).issues.map((i) => [i.path, i.message]));
  }
  throw new Error('expected the application to be rejected');
}

describe('validateApplication', () => {
  it('returns exact values nested by path, absent optional fields as null', () => {
    const app = validateApplication(payrollProduct, { ...goodApplicant, bureau: { score: '710', utilization: 0.35, monthly_debt: 2400.5 } });
    const values = app.values as Record<string, Record<string, unknown>>;
    expect(values['applicant']!['age']).toBe(35);
    expect(values['applicant']!['net_income']).toBe(24000);
    expect(values['bureau']!['score']).toBe(710);
    expect((values['bureau']!['utilization'] as Dec).toString()).toBe('0.35');
    expect((values['bureau']!['monthly_debt'] as Dec).toString()).toBe('2400.5');
    expect(values['applicant']!['birth_date']).toBe(null);
    expect(values['request']!['frequency']).toBe(null);
    expect(Object.isFrozen(values['applicant'])).toBe(true);
  });

  it('accepts dotted keys as well as nesting', () => {
    const flat = {
      'applicant.age': 35, 'applicant.net_income': '24000', 'employment.months': 30, 'employment.employer_in_agreement': true,
      'employment.type': 'formal', 'request.amount': '20000', 'request.payments': 24,
    };
    const app = validateApplication(payrollProduct, flat);
    expect((app.values['employment'] as Record<string, unknown>)['type']).toBe('formal');
  });

  it('keeps decimals beyond float precision exact', () => {
    const app = validateApplication(payrollProduct, { ...goodApplicant, applicant: { age: 35, net_income: '12345678901234567.89' } });
    expect(String((app.values['applicant'] as Record<string, unknown>)['net_income'])).toBe('12345678901234567.89');
  });

  it('lists every missing, ill-typed, out-of-range and unknown field at once', () => {
    const issues = issuesOf({
      applicant: { age: 35.5, net_income: 'mucho', birth_date: '1990-02-30', nickname: 'x' },
      employment: { months: 601, employer_in_agreement: 'yes', type: 'freelance' },
      bureau: { utilization: '35%', score: 200 },
      request: { amount: '20000' },
      extra: 1,
    });
    expect(issues).toEqual({
      'applicant.nickname': 'unknown field `applicant.nickname`: the product declares no such input',
      extra: 'unknown field `extra`: the product declares no such input',
      'applicant.age': 'must be a whole number, got 35.5',
      'applicant.net_income': 'must be an amount as a decimal string like "1234.50" or a JSON number, got "mucho"',
      'applicant.birth_date': 'must be a calendar date as "YYYY-MM-DD", got "1990-02-30"',
      'employment.months': 'must be at most 600, got 601',
      'employment.employer_in_agreement': 'must be true or false, got "yes"',
      'employment.type': 'must be one of `formal`, `informal`, got "freelance"',
      'bureau.score': 'must be at least 300, got 200',
      'bureau.utilization': 'percents are fractions: write "0.35" for 35%',
      'request.payments': 'is required (integer)',
    });
  });

  it('reports a required field given as null, a group that is not an object and a non-object application', () => {
    const issues = issuesOf({ ...goodApplicant, applicant: { age: null, net_income: '1' }, employment: 'formal' });
    expect(issues['applicant.age']).toBe('is required (integer)');
    expect(issues['employment']).toMatch(/^must be an object with `months`, `employer_in_agreement`, `type`/);
    expect(issues['employment.months']).toBe('is required (integer)');
    expect(() => validateApplication(payrollProduct, [1])).toThrow('the application must be a JSON object');
  });

  it('rejects the same field given twice and exponent strings', () => {
    const issues = issuesOf({ ...goodApplicant, 'applicant.age': 40, request: { amount: '2e4', payments: 24 } });
    expect(issues['applicant.age']).toBe('is given twice (nested and as a dotted key)');
    expect(issues['request.amount']).toMatch(/decimal string/);
  });

  it('declares request fields implicitly when the product does not', () => {
    const ir = { ...payrollProduct, inputs: payrollProduct.inputs.filter((f) => !f.path.startsWith('request.')) };
    const issues = (() => {
      try {
        validateApplication(ir, { ...goodApplicant, request: { amount: '1000', frequency: 'weekly' } });
        return {};
      } catch (error) {
        return Object.fromEntries((error as InvalidInputError).issues.map((i) => [i.path, i.message]));
      }
    })();
    expect(issues).toEqual({
      'request.payments': 'is required (integer)',
      'request.frequency': 'must be one of `semimonthly`, `monthly`, got "weekly"',
    });
  });
});
