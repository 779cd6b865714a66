import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.ts';
import { roundHalfEven, roundHalfUp, roundProductRatio, roundRatio, roundRatioBig, roundToMultiple } from './rounding.ts';

describe('rounding', () => {
  it('half-even rounds ties to the even neighbour', () => {
    expect(roundHalfEven(new Dec('2.345'), 2).toFixed(2)).toBe('2.34');
    expect(roundHalfEven(new Dec('2.355'), 2).toFixed(2)).toBe('2.36');
    expect(roundHalfEven(new Dec('2.3451'), 2).toFixed(2)).toBe('2.35');
    expect(roundHalfEven(new Dec('0.5'), 0).toFixed(0)).toBe('0');
  });
  it('half-up rounds ties away from zero', () => {
    expect(roundHalfUp(new Dec('2.345'), 2).toFixed(2)).toBe('2.35');
    expect(roundHalfUp(new Dec('2.3449'), 2).toFixed(2)).toBe('2.34');
    expect(roundHalfUp(new Dec('0.5'), 0).toFixed(0)).toBe('1');
  });
  it('rounds to a multiple', () => {
    expect(roundToMultiple(new Dec('304.91'), new Dec('1'), 'half-even').toFixed(2)).toBe('305.00');
    expect(roundToMultiple(new Dec('302.50'), new Dec('5'), 'half-even').toFixed(2)).toBe('300.00');
    expect(roundToMultiple(new Dec('302.50'), new Dec('5'), 'half-up').toFixed(2)).toBe('305.00');
    expect(roundToMultiple(new Dec('10.26'), new Dec('0.5'), 'half-even').toFixed(2)).toBe('10.50');
    expect(() => roundToMultiple(new Dec(1), new Dec(0), 'half-up')).toThrow(RangeError);
  });
  it('rounds exact integer ratios like decimal.js', () => {
    for (let num = 0; num < 400; num++) {
      for (const den of [1, 2, 3, 7, 52, 360, 365]) {
        for (const mode of ['half-even', 'half-up'] as const) {
          const expected = new Dec(num).div(den).toDecimalPlaces(0, mode === 'half-even' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP).toNumber();
          expect(roundRatio(num, den, mode)).toBe(expected);
          expect(Number(roundRatioBig(BigInt(num), BigInt(den), mode))).toBe(expected);
        }
      }
    }
  });
  it('falls back to big integers when a product exceeds safe integers', () => {
    const expected = new Dec('123456789012345').times('987654321').times(7).div(1000).toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toFixed(0);
    expect(String(BigInt(roundProductRatio(123456789012345, 987654321, 7, 1000, 'half-even')))).not.toBe('');
    expect(roundRatioBig(123456789012345n * 987654321n * 7n, 1000n, 'half-even').toString()).toBe(expected);
  });
});
