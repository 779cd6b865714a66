// largestFitting: the boundary of a monotone predicate from any guess, in few probes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestFitting } from './largest-fitting.ts';

describe('largestFitting', () => {
  it('finds the boundary from any guess and says when nothing fits (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: -600, max: 1200 }), fc.integer({ min: -10, max: 1100 }), (lo, span, boundary, guess) => {
        const hi = lo + span;
        let probes = 0;
        const k = largestFitting(lo, hi, guess, (x) => {
          probes++;
          expect(x >= lo && x <= hi).toBe(true);
          return x <= boundary;
        });
        expect(k).toBe(boundary < lo ? undefined : Math.min(boundary, hi));
        expect(probes).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(span + 2)) + 2);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('takes two probes when the guess is the answer', () => {
    let probes = 0;
    expect(largestFitting(10, 300, 127, (k) => (probes++, k <= 127))).toBe(127);
    expect(probes).toBe(2);
    expect(largestFitting(5, 4, 5, () => true)).toBeUndefined();
  });
});
