// Fixed decimals: parsing, canonical form, exact results in safe integers and the fallback to Dec
// whenever a result would leave them.
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.ts';
import { add, compareNumbers, divide, multiply, roundNumber, subtract } from './arithmetic.ts';
import { Fixed, fixed, parseExact } from './fixed.ts';
import { isDec, toJsonValue } from './values.ts';

const show = (x: unknown) => toJsonValue(x);

describe('Fixed', () => {
  it('parses plain decimals into the canonical representation', () => {
    expect(parseExact('7')).toBe(7);
    expect(parseExact('-0.50')).toEqual(new Fixed(-5, 1));
    expect(parseExact('24000.50')).toEqual(new Fixed(240005, 1));
    expect(parseExact('000.000')).toBe(0);
    expect(parseExact('0.000000000000001')).toEqual(new Fixed(1, 15));
    expect(isDec(parseExact('0.0000000000000001'))).toBe(true);
    expect(isDec(parseExact('1234567890.1234567'))).toBe(true);
    expect(parseExact('1e5')).toBeUndefined();
    expect(fixed(1200, 2)).toBe(12);
    expect(new Fixed(-3, 2).toString()).toBe('-0.03');
  });

  it('computes exactly and falls back to Dec beyond safe integers', () => {
    expect(show(add(new Fixed(1, 1), new Fixed(2, 1)))).toBe('0.3');
    expect(add(new Fixed(5, 1), new Fixed(5, 1))).toBe(1);
    expect(show(subtract(new Fixed(1, 2), 1))).toBe('-0.99');
    expect(show(multiply(new Fixed(3, 1), 24000))).toBe('7200');
    expect(show(multiply(new Fixed(123456789, 4), new Fixed(987654321, 5)))).toBe('121932631.112635269');
    expect(isDec(multiply(new Fixed(123456789, 4), new Fixed(987654321, 5)))).toBe(true);
    expect(show(add(Number.MAX_SAFE_INTEGER, new Fixed(1, 1)))).toBe('9007199254740991.1');
  });

  it('divides exactly when the quotient terminates, else to 40 digits', () => {
    expect(show(divide(2400, 24000))).toBe('0.1');
    expect(show(divide(new Fixed(3, 1), 8))).toBe('0.0375');
    expect(divide(new Fixed(3, 1), new Fixed(1, 2))).toBe(30);
    expect(show(divide(2, 3))).toBe('0.6666666666666666666666666666666666666667');
    expect(divide(new Fixed(3, 1), 0)).toBe(null);
  });

  it('compares and rounds across representations', () => {
    expect(compareNumbers(new Fixed(45, 2), new Fixed(5, 1))).toBe(-1);
    expect(compareNumbers(new Fixed(5, 1), new Dec('0.5'))).toBe(0);
    expect(compareNumbers(1, new Fixed(9999, 4))).toBe(1);
    expect(show(roundNumber(new Fixed(2345, 3), 2, 'half-even'))).toBe('2.34');
    expect(show(roundNumber(new Fixed(-2345, 3), 2, 'half-up'))).toBe('-2.35');
    expect(roundNumber(new Fixed(25, 1), 0, 'half-even')).toBe(2);
  });
});
