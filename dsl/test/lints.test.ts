// Regulatory lints with thresholds the institution sets (issue 12, item 6): a late fee above the
// smallest installment (Banxico Circular 22/2010), a moratorium multiple or a rate above the
// usury thresholds; and the reader of plazo.config.json that names every field it cannot take.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.ts';
import { DEFAULT_LINT_THRESHOLDS, parseLintConfig } from '../src/check/lint-thresholds.ts';
import { parse } from '../src/parse.ts';
import { found, mutate, positionOf } from './check-helpers.ts';

const LOAN = `product microcredito "Microcrédito" {
  currency MXN
  input {
    request.amount: money
    request.payments: integer
  }
  limits {
    amount 500..10_000 step 100
    payments 4..12 monthly
  }
  pricing {
    method french
    rate 60%
    iva 16% on interest, fees
  }
  penalties {
    late fee 40 iva
  }
  collection {
    from 31 dpd stage tardia offer restructure rate 40%
  }
}
`;

const lints = (text: string, options = {}) => found(check(parse(text).file, options), 'late-fee-high', 'moratorium-high', 'rate-high');

describe('regulatory lints', () => {
  it('a product within the defaults draws none', () => {
    expect(found(check(parse(LOAN).file))).toEqual([]);
  });

  it('warns about a late fee above the smallest installment, naming the loan (Banxico 22/2010)', () => {
    const text = mutate('late fee 40 iva', 'late fee 5_000 iva', LOAN);
    const diagnostics = check(parse(text).file).filter((d) => d.code === 'late-fee-high');
    // 500 in 12 monthly payments at 60%: the last installment, 56.41 plus IVA on its interest, is 56.88.
    expect(found(diagnostics)).toEqual([`${positionOf(text, '5_000')} late-fee-high the late fee \`5_000\` plus IVA is above the smallest installment (56.88, on 500 in 12 monthly payments at 60%)`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.help).toMatch(/^Banxico Circular 22\/2010: a late fee \(with its IVA\) may not exceed the unpaid amount of the period: set `lints.maxLateFeeShareOfInstallment` in plazo.config.json$/);
    const percent = mutate('late fee 40 iva', 'late fee 120% of overdue', LOAN);
    expect(lints(percent)).toEqual([`${positionOf(percent, '120%')} late-fee-high a late fee of \`120%\` of the unpaid amount is above the unpaid amount`]);
  });

  it('warns about moratorium interest and rates above the usury thresholds, saying they are policy (unverified)', () => {
    const text = mutate('rate 60%', 'rate 900%', mutate('late fee 40 iva', 'moratorium 10x ordinary on overdue principal iva', LOAN));
    const diagnostics = check(parse(text).file).filter((d) => d.code !== 'engine-limit');
    expect(found(diagnostics)).toEqual([
      `${positionOf(text, '900%')} rate-high the rate \`900%\` is above the 200% a year the institution flags as usurious`,
      `${positionOf(text, '10x')} moratorium-high moratorium interest at \`10x\` the ordinary rate is above 3x`,
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning' && /unverified/.test(d.help ?? ''))).toBe(true);
    const annual = mutate('late fee 40 iva', 'moratorium 400% annual on overdue principal iva', LOAN);
    expect(lints(annual)).toEqual([`${positionOf(annual, '400%')} moratorium-high moratorium interest at \`400%\` a year is above 300%`]);
  });

  it('takes the institution thresholds: stricter, looser, or off', () => {
    expect(lints(LOAN, { lints: { maxAnnualRate: '0.5', maxLateFeeShareOfInstallment: '0.5' } })).toEqual([
      `${positionOf(LOAN, '60%')} rate-high the rate \`60%\` is above the 50% a year the institution flags as usurious`,
      `${positionOf(LOAN, '40 iva')} late-fee-high the late fee \`40\` plus IVA is above 50% of the smallest installment (56.88, on 500 in 12 monthly payments at 60%)`,
    ]);
    const high = mutate('rate 60%', 'rate 900%', LOAN);
    expect(lints(high, { lints: { maxAnnualRate: '10' } })).toEqual([]);
    expect(lints(high, { lints: { maxAnnualRate: false } })).toEqual([]);
  });
});

describe('plazo.config.json', () => {
  it('reads percents and multiples as written, over the defaults', () => {
    expect(parseLintConfig({ lints: { maxAnnualRate: '150%', maxMoratoriumMultiple: '2.5x', maxLateFeeShareOfInstallment: false } })).toEqual({
      ok: true,
      thresholds: { ...DEFAULT_LINT_THRESHOLDS, maxAnnualRate: '1.5', maxMoratoriumMultiple: '2.5', maxLateFeeShareOfInstallment: false },
    });
    expect(parseLintConfig({})).toEqual({ ok: true, thresholds: DEFAULT_LINT_THRESHOLDS });
  });

  it('names every field it cannot take, and how to write it', () => {
    const result = parseLintConfig({ lint: {}, lints: { maxAnualRate: '150%', maxMoratoriumMultiple: 'three', maxLateFeeShareOfInstallment: 0.5, maxMoratoriumAnnualRate: '300' } });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'lint', message: 'unknown field `lint`: did you mean `lints`?' },
        { path: 'lints.maxAnualRate', message: 'unknown lint threshold `maxAnualRate`: did you mean `maxAnnualRate`?' },
        { path: 'lints.maxMoratoriumMultiple', message: 'must be a multiple such as "3x", got "three"' },
        { path: 'lints.maxLateFeeShareOfInstallment', message: 'must be a string such as "200%" (or false to turn the lint off), got the number 0.5: write "50%" if that is what you mean' },
        { path: 'lints.maxMoratoriumAnnualRate', message: 'must be a percent such as "200%", got "300": write the percent sign, "300%" (or "30000%" if "300" is a fraction)' },
      ],
    });
    expect(parseLintConfig([])).toMatchObject({ ok: false, issues: [{ path: '' }] });
    expect(parseLintConfig({ lints: { maxAnnualRate: '0%' } })).toMatchObject({ ok: false, issues: [{ path: 'lints.maxAnnualRate', message: expect.stringContaining('above zero') }] });
  });
});
