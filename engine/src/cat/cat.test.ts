import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.ts';
import { CAT_OUT_OF_RANGE, CatOutOfRangeError, InvalidInputError } from '../errors.ts';
import { parseLoanTerms } from '../loan-terms/parse-loan-terms.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { generateReferenceSchedule } from '../schedule/reference-schedule.ts';
import { fixed, roundTenthHalfUp } from './format.ts';
import { NoCatError, solveAnnualRate } from './irr.ts';
import { catResidual } from './residual.ts';
import { parseCatFlows, solveCat } from './solve.ts';

describe('solveCat', () => {
  it('periodic payments: one monthly payment of 1100 on 1000 is 1.1^12 − 1', () => {
    // 1.1^12 = 3.138428376721 → CAT 213.8428376721%.
    expect(solveCat({ periodsPerYear: 12, disbursed: '1000', payments: ['1100'] })).toEqual({ cat: '213.8', catExact: '213.8428376721' });
  });
  it('dated flows use days/365, and upfront charges reduce what is received', () => {
    // 1000 − 100 received, 1000 paid after 365 days: 1000/900 − 1 = 11.111…%.
    expect(solveCat({ disbursed: '1000', upfrontCharges: '100', flows: [{ days: 365, amount: '1000' }] })).toEqual({ cat: '11.1', catExact: '11.1111111111' });
  });
  it('zero cost is 0%, and a loss for the lender is negative', () => {
    expect(solveCat({ periodsPerYear: 52, disbursed: '100', payments: ['50', '50'] }).cat).toBe('0.0');
    expect(Number(solveCat({ periodsPerYear: 12, disbursed: '100', payments: ['90'] }).cat)).toBeLessThan(0);
  });
  it('is robust above 5000%: a weekly loan costing 10% a week', () => {
    // Weekly 10% effective: 1.1^52 − 1 = 14104.6…%.
    const r = solveCat({ periodsPerYear: 52, disbursed: '1000', payments: ['1100'] });
    expect(r.cat).toBe(new Dec('1.1').pow(52).minus(1).times(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1));
  });
  it('rejects bad flows naming the field', () => {
    const path = (json: unknown) => {
      try {
        solveCat(json);
      } catch (e) {
        return (e as InvalidInputError).issues.map((i) => i.path);
      }
      return [];
    };
    expect(path({ periodsPerYear: 12, disbursed: '1000', payments: ['100', '-5'] })).toEqual(['payments[1]']);
    expect(path({ periodsPerYear: 0, disbursed: '1000', payments: ['100'] })).toEqual(['periodsPerYear']);
    expect(path({ disbursed: '0', flows: [{ days: 7, amount: '10' }] })).toEqual(['disbursed']);
    expect(path({ disbursed: '100', flows: [{ days: 'x', amount: '10' }] })).toEqual(['flows[0].days']);
    expect(path({ disbursed: '100', upfrontCharges: '100', flows: [{ days: 7, amount: '10' }] })).toEqual(['upfrontCharges']);
    expect(path({ disbursed: '100' })).toEqual(['flows']);
  });
});

describe('float root search agrees with the decimal equation', () => {
  it('to 1e-9 relative on random flows from about 0% to beyond 5000%', () => {
    const flows = fc.record({
      ppy: fc.constantFrom(52, 26, 24, 12),
      n: fc.integer({ min: 1, max: 60 }),
      payment: fc.integer({ min: 100, max: 100_000_00 }),
      costBp: fc.integer({ min: 0, max: 2_000_000 }),
    });
    fc.assert(
      fc.property(flows, ({ ppy, n, payment, costBp }) => {
        const pay = new Dec(payment).div(100);
        const payments = Array.from({ length: n }, () => pay.toFixed(2));
        // Disbursement such that the total cost ranges from 0 to 200× the amount lent.
        const disbursed = pay.times(n).div(new Dec(costBp).div(10000).plus(1)).toDecimalPlaces(2, Dec.ROUND_DOWN);
        if (disbursed.lte(0)) return;
        const parsed = parseCatFlows({ periodsPerYear: ppy, disbursed: disbursed.toFixed(2), payments });
        const decimalFlows = parsed.amounts.map((amount, k) => ({ amount, timeNum: parsed.timeNum[k]!, timeDen: parsed.timeDen }));
        let r;
        try {
          r = solveCat({ periodsPerYear: ppy, disbursed: disbursed.toFixed(2), payments });
        } catch (e) {
          // Refused only when the root is truly beyond 10^6 %: the payments are still worth more
          // than the amount received at that rate.
          expect(e).toBeInstanceOf(CatOutOfRangeError);
          expect(catResidual(parsed.net, decimalFlows, new Dec(10000)).gt(0)).toBe(true);
          return;
        }
        expect(new Dec(r.catExact).lte(1_000_000)).toBe(true);
        const residual = catResidual(parsed.net, decimalFlows, new Dec(r.catExact).div(100));
        expect(residual.abs().lte('1e-9')).toBe(true);
      }),
      { numRuns: 200, seed: 99 },
    );
  });
  it('reaches CATs above 5000% and down to 0%', () => {
    expect(solveAnnualRate(1000, [1200], [7 / 365]) * 100).toBeGreaterThan(5000);
    expect(solveAnnualRate(1000, [500, 500], [1 / 12, 2 / 12])).toBe(0);
  });
});

describe('CAT printing without decimal.js or regex', () => {
  it('rounds to one decimal half-up exactly like decimal.js, ties and signs included', () => {
    const viaDec = (t: string) => new Dec(t).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1);
    const fixedCases = ['0.0000000000', '-0.0400000000', '-0.0500000000', '0.0500000000', '0.0499999999', '-1.2500000000', '9.9500000000', '99.9499999999',
      '-99.9500000000', '12345678901234.9500000000', '123456789012345.9500000000', '1e+21', 'Infinity', '-0.0000000001'];
    for (const t of fixedCases) expect(roundTenthHalfUp(t)).toBe(viaDec(t));
    fc.assert(
      fc.property(fc.double({ min: -1e16, max: 1e16, noNaN: true }), fc.integer({ min: 0, max: 99 }), (v, tail) => {
        // Random values and exact ties (…x5 followed by zeros) at every magnitude.
        const t = fixed(v, 10);
        expect(roundTenthHalfUp(t)).toBe(viaDec(t));
        const tie = `${Math.trunc(v)}.${tail % 10}500000000`;
        expect(roundTenthHalfUp(tie)).toBe(viaDec(tie));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
  it('drops the sign of a negative zero like /^-0\\.?0*$/', () => {
    for (const [v, p] of [[-0, 10], [-1e-12, 10], [-0.4, 0], [-1e-7, 6], [-0.5, 0], [-0.01, 1], [-1.0, 2]] as const) {
      const s = v.toFixed(p);
      expect(fixed(v, p)).toBe(/^-0\.?0*$/.test(s) ? s.slice(1) : s);
    }
  });
});

describe('root search warm start (Jensen lower bound, then Newton)', () => {
  it('solves single payments in closed form and dated flows with payments at t = 0', () => {
    // One payment: (1 + i)^t = B / A exactly.
    expect(Math.abs(solveAnnualRate(900, [1000], [1]) - 1000 / 900 + 1)).toBeLessThan(1e-15);
    expect(solveAnnualRate(1000, [100, 1000], [0, 0.5])).toBeGreaterThan(0);
    // Only payments at t = 0 that do not cover the amount: no finite rate.
    expect(() => solveAnnualRate(1000, [500], [0])).toThrow(NoCatError);
  });
  it('finds negative CATs and rejects rates beyond any float', () => {
    const i = solveAnnualRate(1000, [300, 300, 300], [1 / 12, 2 / 12, 3 / 12]);
    expect(i).toBeLessThan(0);
    expect(Math.abs(300 * ((1 + i) ** (-1 / 12) + (1 + i) ** (-2 / 12) + (1 + i) ** (-3 / 12)) - 1000)).toBeLessThan(1e-9);
    expect(() => solveAnnualRate(1, [1e300], [1 / 365])).toThrow(CatOutOfRangeError);
    expect(() => solveAnnualRate(1e300, [1], [1 / 365])).toThrow(NoCatError);
  });
});

describe('the CAT bound: 10^6 %, never exponent notation nor Infinity', () => {
  it('prints a CAT up to 10^6 % as a plain decimal string', () => {
    // One payment a year later: (1 + i) = 9001 / 1 → i = 9000 = 900,000%.
    const r = solveCat({ periodsPerYear: 1, disbursed: '1', payments: ['9001'] });
    expect(r.cat).toBe('900000.0');
    expect(r.catExact).toMatch(/^900000\.0000000\d{3}$/);
  });

  it('refuses a CAT beyond 10^6 % with the one error code', () => {
    // 10,002 a year after 1: 1,000,100%. 1,000 a week after 1: (1000)^52 − 1 ≈ 10^156, which
    // printed `1e+158`; 10^12 a day after 1 is past 1e308 and printed `Infinity`.
    const cases = [
      { periodsPerYear: 1, disbursed: '1', payments: ['10002'] },
      { periodsPerYear: 52, disbursed: '1', payments: ['1000'] },
      { periodsPerYear: 12, disbursed: '1', payments: ['1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '3000000'] },
      { disbursed: '1', flows: [{ days: 1, amount: '1000000000000' }] },
    ];
    for (const flows of cases) {
      let error: unknown;
      try {
        solveCat(flows);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CatOutOfRangeError);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as CatOutOfRangeError).code).toBe(CAT_OUT_OF_RANGE);
      expect((error as CatOutOfRangeError).message).toContain('1000000%');
    }
  });

  it('refuses a schedule whose CAT is beyond it (1000% nominal, every day: e^10 − 1 ≈ 2,202,546%)', () => {
    const terms = parseLoanTerms({ principal: '1000000.00', annualRate: '10', installments: 365, frequency: { everyDays: 1 }, disbursementDate: '2025-01-06' });
    expect(() => generateSchedule(terms)).toThrow(CatOutOfRangeError);
    expect(() => generateReferenceSchedule(terms)).toThrow(CatOutOfRangeError);
  });
});
