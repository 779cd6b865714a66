// scoreSeparation: KS, AUC and Gini on hand-worked cases, and AUC against brute-force pair counting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSeparation } from '../../src/index.ts';

const g = (score: number) => ({ score, bad: false });
const b = (score: number) => ({ score, bad: true });

describe('scoreSeparation', () => {
  it('is perfect when every good outscores every bad', () => {
    expect(scoreSeparation([b(1), b(2), g(3), g(4)])).toEqual({ n: 4, goods: 2, bads: 2, ks: 1, ksScore: 2, auc: 1, gini: 1 });
  });

  it('gives tied good/bad pairs one half and steps KS only at distinct scores', () => {
    // goods 3, 2, 2; bads 2, 1. Pairs good > bad: (3,2) (3,1) (2,1) (2,1) = 4, ties (2,2) × 2 = 1 → AUC 5/6.
    // KS: at 1, F_bad = 1/2, F_good = 0 → 0.5; at 2, 1 vs 2/3 → 0.333; at 3, 1 vs 1 → 0.
    const s = scoreSeparation([g(3), g(2), g(2), b(2), b(1)])!;
    expect(s.auc).toBe(0.8333);
    expect(s.gini).toBe(0.6667);
    expect(s.ks).toBe(0.5);
    expect(s.ksScore).toBe(1);
  });

  it('is 0.5 AUC and 0 KS when every score is the same', () => {
    expect(scoreSeparation([g(600), b(600), g(600)])).toMatchObject({ ks: 0, auc: 0.5, gini: 0 });
  });

  it('is null without both goods and bads', () => {
    expect(scoreSeparation([g(1), g(2)])).toBeNull();
    expect(scoreSeparation([])).toBeNull();
  });

  it('matches counting every good/bad pair (ties one half), on random scores', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 400, max: 420 }), bad: fc.boolean() }), { minLength: 2, maxLength: 60 }), (rows) => {
        const goods = rows.filter((r) => !r.bad);
        const bads = rows.filter((r) => r.bad);
        const s = scoreSeparation(rows);
        if (goods.length === 0 || bads.length === 0) return s === null;
        let wins = 0;
        for (const x of goods) for (const y of bads) wins += x.score > y.score ? 1 : x.score === y.score ? 0.5 : 0;
        const auc = wins / (goods.length * bads.length);
        let ks = 0;
        for (const t of new Set(rows.map((r) => r.score))) {
          const fb = bads.filter((r) => r.score <= t).length / bads.length;
          const fg = goods.filter((r) => r.score <= t).length / goods.length;
          ks = Math.max(ks, Math.abs(fb - fg));
        }
        return Math.abs(s!.auc - auc) <= 0.00005 && Math.abs(s!.ks - ks) <= 0.00005 && Math.abs(s!.gini - (2 * auc - 1)) <= 0.0001;
      }),
      { numRuns: 300 },
    );
  });
});
