// Coverage arithmetic: gaps and overlaps on integer and real domains, checked point by point.
import { Dec } from '@plazo/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeInterval, integerInterval, interval, intersect, isEmpty, uncovered, type Interval } from './intervals.ts';

const d = (n: number) => new Dec(n);

function contains(i: Interval, x: Dec): boolean {
  const lo = i.lo.value.comparedTo(x);
  const hi = i.hi.value.comparedTo(x);
  return (lo < 0 || (lo === 0 && !i.lo.open)) && (hi > 0 || (hi === 0 && !i.hi.open));
}

describe('uncovered', () => {
  it('finds the integer values between two bins', () => {
    const gaps = uncovered(integerInterval(d(300), d(850)), [integerInterval(undefined, d(579)), integerInterval(d(600), undefined)]);
    expect(gaps.map((g) => describeInterval(g, { integer: true, percent: false }))).toEqual(['values 580..599']);
  });
  it('lets integer bins `..579` and `580..` meet', () => {
    expect(uncovered(integerInterval(undefined, undefined), [integerInterval(undefined, d(579)), integerInterval(d(580), undefined)])).toEqual([]);
  });
  it('finds the open gap (579, 580) between real bins `..579` and `580..`', () => {
    const gaps = uncovered(interval(undefined, undefined), [interval(undefined, d(579)), interval(d(580), undefined)]);
    expect(gaps.map((g) => describeInterval(g, { integer: false, percent: false }))).toEqual(['values above 579 and below 580']);
  });
  it('closes the real gap with `..<580`', () => {
    expect(uncovered(interval(undefined, undefined), [interval(undefined, d(580), true), interval(d(580), undefined)])).toEqual([]);
  });
  it('describes percents as percents and unbounded ends in range notation', () => {
    const gaps = uncovered(interval(d(0), undefined), [interval(d(0), new Dec('0.3'), true)]);
    expect(gaps.map((g) => describeInterval(g, { integer: false, percent: true }))).toEqual(['values 30%..']);
  });
  it('agrees point by point with membership on random integer intervals', () => {
    const bound = fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined });
    const anInterval = fc.tuple(bound, bound, fc.boolean());
    fc.assert(
      fc.property(anInterval, fc.array(anInterval, { maxLength: 5 }), ([dlo, dhi], covers) => {
        const domain = integerInterval(dlo === undefined ? undefined : d(dlo), dhi === undefined ? undefined : d(dhi));
        const cs = covers.map(([lo, hi, ex]) => integerInterval(lo === undefined ? undefined : d(lo), hi === undefined ? undefined : d(hi), ex));
        const gaps = uncovered(domain, cs);
        for (let x = -25; x <= 25; x++) {
          const point = d(x);
          const inDomain = contains(domain, point);
          const covered = cs.some((c) => contains(c, point));
          const inGap = gaps.some((g) => contains(g, point));
          expect(inGap).toBe(inDomain && !covered);
        }
      }),
    );
  });
  it('agrees with membership on random real intervals, at and between the bounds', () => {
    const bound = fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined });
    const anInterval = fc.tuple(bound, bound, fc.boolean());
    fc.assert(
      fc.property(anInterval, fc.array(anInterval, { maxLength: 5 }), ([dlo, dhi, dex], covers) => {
        const domain = interval(dlo === undefined ? undefined : d(dlo), dhi === undefined ? undefined : d(dhi), dex);
        const cs = covers.map(([lo, hi, ex]) => interval(lo === undefined ? undefined : d(lo), hi === undefined ? undefined : d(hi), ex));
        const gaps = uncovered(domain, cs);
        for (let x = -12; x <= 12; x += 0.5) {
          const point = new Dec(x);
          const expected = contains(domain, point) && !cs.some((c) => contains(c, point));
          expect(gaps.some((g) => contains(g, point))).toBe(expected);
        }
        for (const gap of gaps) expect(isEmpty(gap)).toBe(false);
      }),
    );
  });
  it('intersects to the shared values', () => {
    const shared = intersect(integerInterval(d(580), d(689)), integerInterval(d(680), undefined));
    expect(describeInterval(shared, { integer: true, percent: false })).toBe('values 680..689');
  });
});
