// The checker and compiler on broken text: random deletions, duplications and swaps of words in a
// full product never make them throw, and every diagnostic range stays inside the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileText } from '../src/compile/compile.ts';
import { PRODUCT } from './check-helpers.ts';

const WORDS = PRODUCT.split(/(\s+)/);

function mutateWords(edits: readonly { op: number; at: number; other: number }[]): string {
  const words = [...WORDS];
  for (const { op, at, other } of edits) {
    const i = at % words.length;
    const j = other % words.length;
    if (op === 0) words.splice(i, 1);
    else if (op === 1) words.splice(i, 0, words[j]!);
    else [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return words.join('');
}

describe('check and compile on mutated products', () => {
  it('never throw and keep ranges inside the text', () => {
    const edit = fc.record({ op: fc.integer({ min: 0, max: 2 }), at: fc.nat(), other: fc.nat() });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = mutateWords(edits);
        const { diagnostics } = compileText(text);
        for (const d of diagnostics) {
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
          expect(d.message).toMatch(/^[^A-Z].*[^.]$/s);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });
});
