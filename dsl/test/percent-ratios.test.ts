// A ratio of two amounts is a percent, and every help that moves a value between percent and
// number notation keeps the value (issue 12, item 7): `0.5` is `50%`, `20%` is `0.2`, never `20`.
import { decide } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { compileText } from '../src/compile/compile.ts';
import { diagnose, found, mutate, positionOf } from './check-helpers.ts';

const SCORED = `product ratio "Ratio" {
  currency MXN
  input {
    applicant.income: money
    applicant.debt: money
    applicant.factor: number 0..10
    bureau.utilization: percent 0%..100%
    request.amount: money
    request.payments: integer
  }
  let dti = applicant.debt / applicant.income
  limits {
    amount 5_000..50_000 step 500
    payments 6..24 monthly
  }
  pricing {
    method french
    rate 48%
    iva 16% on interest, fees
  }
  eligibility {
    decline "ENDEUDAMIENTO" when dti > 60%
  }
  scorecard {
    base 530
    characteristic dti {
      ..<20% -> +40
      20%.. -> 0
    }
    band A when score >= 560
    band B when score >= 500
  }
}
`;

function help(text: string, code: string): string[] {
  return diagnose(text).filter((d) => d.code === code).map((d) => `${d.range.start.line + 1}:${d.range.start.column + 1} ${d.help ?? ''}`);
}

describe('money / money is a percent', () => {
  it('checks a ratio against percents, in rules and bins, and means the fraction', () => {
    expect(found(diagnose(SCORED))).toEqual([]);
    const { ir } = compileText(SCORED);
    expect(ir!.derived).toMatchObject([{ name: 'dti', type: 'percent' }]);
    // 1,500 / 10,000 = 15%: below 20%, +40 → 570; 3,000 / 10,000 = 30%: 530.
    const app = (debt: string) => ({ applicant: { income: '10000', debt, factor: '1' }, bureau: { utilization: '0.1' }, request: { amount: '5000', payments: 6 } });
    expect(decide(ir!, app('1500'), '2025-01-01').score?.total).toBe('570');
    expect(decide(ir!, app('3000'), '2025-01-01').score?.total).toBe('530');
    expect(decide(ir!, app('7000'), '2025-01-01').outcome).toBe('decline');
  });

  it('a bare number against a ratio: the help writes the same value as a percent', () => {
    const rule = mutate('dti > 60%', 'dti > 0.6', SCORED);
    expect(help(rule, 'type-mismatch')).toEqual([`${positionOf(rule, '0.6')} write \`60%\` (0.6 as a percent)`]);
    const bin = mutate('..<20% -> +40\n      20%..', '..<0.2 -> +40\n      0.2..', SCORED);
    expect(help(bin, 'type-mismatch')).toEqual([`${positionOf(bin, '0.2 ->')} write \`20%\` (0.2 as a percent)`, `${positionOf(bin, '0.2..')} write \`20%\` (0.2 as a percent)`]);
    // Above 1 the digits were probably meant as the percent: both readings.
    const digits = mutate('dti > 60%', 'dti > 60', SCORED);
    expect(help(digits, 'type-mismatch')).toEqual([`${positionOf(digits, '60\n')} write \`60%\` for 60 percent, or \`6000%\` if 60 is a fraction`]);
  });

  it('a percent where a number belongs: the help writes the fraction, not the digits', () => {
    const rule = mutate('dti > 60%', 'applicant.factor > 20%', SCORED);
    expect(help(rule, 'type-mismatch')).toEqual([`${positionOf(rule, '20%\n')} write \`0.2\` (20% as a number)`]);
    const bin = mutate('characteristic dti', 'characteristic applicant.factor', SCORED);
    expect(help(bin, 'type-mismatch')).toEqual([`${positionOf(bin, '20% ->')} write \`0.2\` (20% as a number)`, `${positionOf(bin, '20%..')} write \`0.2\` (20% as a number)`]);
    const bounds = mutate('applicant.factor: number 0..10', 'applicant.factor: number 0..50%', SCORED);
    expect(help(bounds, 'type-mismatch')).toEqual([`${positionOf(bounds, '50%')} write \`0.5\` (50% as a number)`]);
  });

  it('a bare number on a percent field: the help converts it', () => {
    const bounds = mutate('bureau.utilization: percent 0%..100%', 'bureau.utilization: percent 0%..1', SCORED);
    expect(help(bounds, 'type-mismatch')).toEqual([`${positionOf(bounds, '1\n')} write \`100%\` (1 as a percent)`]);
    const rule = mutate('dti > 60%', 'bureau.utilization > 0.9', SCORED);
    expect(help(rule, 'type-mismatch')).toEqual([`${positionOf(rule, '0.9')} write \`90%\` (0.9 as a percent)`]);
    const branch = mutate('let dti = applicant.debt / applicant.income', 'let dti = if applicant.income > 0 then applicant.debt / applicant.income else 0', SCORED);
    expect(help(branch, 'type-mismatch')).toEqual([`${positionOf(branch, '0\n  limits')} write \`0%\` (0 as a percent)`]);
  });

  it('a test given a bare number for a percent field, or a percent for a number field', () => {
    const given = `${SCORED.slice(0, SCORED.lastIndexOf('}'))}  test "t" {
    given applicant.income = 10_000, applicant.debt = 1_000, applicant.factor = 5%, bureau.utilization = 0.35,
          request.amount = 5_000, request.payments = 6
    expect approve
  }
}
`;
    expect(help(given, 'type-mismatch')).toEqual([`${positionOf(given, '5%')} give \`0.05\` (5% as a number)`, `${positionOf(given, '0.35')} give \`35%\` (0.35 as a percent)`]);
  });
});
