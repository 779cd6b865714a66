// The line diff is a correct and shortest edit script: applying it rebuilds both texts, and it
// keeps as many lines as the longest common subsequence (checked against a plain DP).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDiff } from './json-diff.ts';
import { diffHunks, lineDiff, unifiedDiff } from './text-diff.ts';

function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', 'rate 36%'), { maxLength: 25 });

describe('lineDiff', () => {
  it('rebuilds both sides and is as short as the LCS allows', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const script = lineDiff(a.map((l) => l + '\n').join(''), b.map((l) => l + '\n').join(''));
        expect(script.filter((l) => l.op !== 'insert').map((l) => l.text)).toEqual(a);
        expect(script.filter((l) => l.op !== 'delete').map((l) => l.text)).toEqual(b);
        expect(script.filter((l) => l.op === 'equal').length).toBe(lcsLength(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a unified diff with GNU hunk headers', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\ni\nj\n';
    expect(unifiedDiff(before, after, { before: 'x@1', after: 'x@2' }, 1)).toBe(
      ['--- x@1', '+++ x@2', '@@ -3,3 +3,3 @@', ' c', '-d', '+D', ' e', '@@ -9,1 +9,2 @@', ' i', '+j', ''].join('\n'),
    );
    expect(diffHunks(lineDiff('', 'x\n'))).toEqual([{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1, lines: [{ op: 'insert', newLine: 1, text: 'x' }] }]);
    expect(unifiedDiff('same\n', 'same\n', { before: 'a', after: 'b' })).toBe('');
  });
});

describe('jsonDiff', () => {
  it('lists changed, added and removed paths', () => {
    expect(
      jsonDiff(
        { pricing: { rate: '0.36' }, fees: [{ amount: '300' }], gone: 1, 'odd key': true },
        { pricing: { rate: '0.40' }, fees: [{ amount: '300' }, { amount: '50' }], 'odd key': false },
      ),
    ).toEqual([
      { path: 'fees[1]', op: 'added', after: { amount: '50' } },
      { path: 'gone', op: 'removed', before: 1 },
      { path: '["odd key"]', op: 'changed', before: true, after: false },
      { path: 'pricing.rate', op: 'changed', before: '0.36', after: '0.40' },
    ]);
    expect(jsonDiff({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });
});
