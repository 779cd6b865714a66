// Conditions joined by `and` that no single value meets make a rule unreachable, reported as the
// checker reports any rule that can never fire (issue 12, item 9).
import { describe, expect, it } from 'vitest';
import { diagnose, found, mutate, positionOf } from './check-helpers.ts';

const RULED = `product reglas "Reglas" {
  currency MXN
  input {
    applicant.age: integer 18..99
    applicant.state: enum { CDMX, JAL, NL } optional
    applicant.has_car: boolean
    applicant.income: money
    applicant.debt: money
    employment.months: integer 0..600
    bureau.score: integer 300..850 optional
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
    decline "REGLA" when employment.months < 6
  }
}
`;

function unreachable(condition: string): { found: string[]; help: (string | undefined)[]; text: string } {
  const text = mutate('employment.months < 6', condition, RULED);
  const diagnostics = diagnose(text).filter((d) => d.code === 'rule-unreachable');
  return { found: found(diagnostics), help: diagnostics.map((d) => d.help), text };
}

describe('conjunctions that can never hold', () => {
  it.each([
    ['employment.months > 60 and employment.months < 30', '`employment.months > 60` and `employment.months < 30` cannot both hold'],
    ['applicant.age = 30 and applicant.age = 31', '`applicant.age = 30` and `applicant.age = 31` cannot both hold'],
    ['employment.months > 6 and employment.months < 7', '`employment.months > 6` and `employment.months < 7` cannot both hold'],
    ['dti > 50% and dti < 40%', '`dti > 50%` and `dti < 40%` cannot both hold'],
    ['applicant.state = CDMX and applicant.state = JAL', '`applicant.state = CDMX` and `applicant.state = JAL` cannot both hold'],
    ['applicant.has_car and applicant.has_car = false', '`applicant.has_car` and `applicant.has_car = false` cannot both hold'],
    ['applicant.has_car = true and not (applicant.has_car = true)', '`applicant.has_car = true` and `not (applicant.has_car = true)` cannot both hold'],
    ['bureau.score is missing and bureau.score > 700', '`bureau.score is missing` and `bureau.score > 700` cannot both hold'],
    ['(employment.months < 6 or employment.months > 120) and employment.months = 60', '`(employment.months < 6 or employment.months > 120)` and `employment.months = 60` cannot both hold'],
    ['applicant.income > 5_000 and employment.months >= 12 and employment.months in { 1, 2, 3 }', '`employment.months >= 12` and `employment.months in { 1, 2, 3 }` cannot both hold'],
  ])('%s', (condition, why) => {
    const { found: diagnostics, help, text } = unreachable(condition);
    expect(diagnostics).toEqual([`${positionOf(text, condition)} rule-unreachable rule \`REGLA\` can never fire`]);
    expect(help).toEqual([`its condition is never true: ${why}`]);
  });

  it('still reports one side the declared range rules out, with its own reason', () => {
    const { found: diagnostics, help, text } = unreachable('applicant.age < 18 and applicant.age >= 65');
    expect(diagnostics).toEqual([`${positionOf(text, 'applicant.age < 18')} rule-unreachable rule \`REGLA\` can never fire`]);
    expect(help).toEqual(['its condition is never true: `applicant.age` is declared 18..99']);
  });

  it.each([
    'employment.months > 6 and employment.months < 8',
    'employment.months >= 6 and employment.months <= 6',
    'applicant.state != CDMX and applicant.state != JAL',
    'bureau.score is present and bureau.score < 500',
    'not (bureau.score > 600) and not (bureau.score < 500)',
    'applicant.age > 60 and employment.months < 30',
    'employment.months > 60 or employment.months < 30',
  ])('leaves a satisfiable condition alone: %s', (condition) => {
    expect(unreachable(condition).found).toEqual([]);
  });
});
