// The README's own Plazo checks: every whole product in it checks clean, and the scorecard example
// (a ratio of two amounts binned in percents) checks and scores as the README says, inside the
// README's whole product with the inputs it reads.
import { decide } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { compileText } from '../src/compile/compile.ts';
import { diagnose, found } from './check-helpers.ts';
import { readmeBlock, readmeProducts } from './texts.ts';

describe('dsl/README.md', () => {
  it.each(readmeProducts().map((p) => [p.name, p.text] as const))('%s checks clean', (_name, text) => {
    expect(found(diagnose(text))).toEqual([]);
  });

  it('the scorecard example checks, with `let dti` from "Derived values", and bins the ratio in percents', () => {
    const whole = readmeBlock('A whole product');
    const scorecard = readmeBlock('Scorecard and bands');
    const dti = readmeBlock('Derived values').split('\n').find((line) => line.startsWith('let dti'))!;
    expect(dti).toBe('let dti = bureau.monthly_debt / applicant.net_income');
    const text = whole
      .replace('    request.amount: money\n', [
        '    bureau.score: integer 300..850 optional',
        '    bureau.monthly_debt: money',
        '    employment.type: enum { formal, informal }',
        '    applicant.has_car: boolean',
        '    request.amount: money',
        '',
      ].join('\n'))
      .replace('  limits {', `  ${dti}\n\n  limits {`)
      .replace('  offer {', `${scorecard.replace(/^/gm, '  ')}\n  offer {`)
      .replace(/ {2}test "sueldo suficiente" \{[\s\S]*?\n {2}\}\n/, '');
    expect(found(diagnose(text))).toEqual([]);
    const { ir } = compileText(text);
    const application = (debt: string) => ({
      applicant: { age: 35, net_income: '24000', has_car: true },
      bureau: { score: 700, monthly_debt: debt },
      employment: { type: 'formal' },
      request: { amount: '20000', payments: 12 },
    });
    // 600 + 50 (buró 700) + 20 (formal) + 10 (auto) = 680, and dti: 6,000 / 24,000 = 25% → +30, 12,000 / 24,000 = 50% → −50.
    expect(decide(ir!, application('6000'), '2025-01-06').score?.total).toBe('710');
    expect(decide(ir!, application('12000'), '2025-01-06').score?.total).toBe('630');
  });
});
