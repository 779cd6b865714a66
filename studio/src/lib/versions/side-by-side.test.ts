import { describe, expect, it } from 'vitest';
import { sideBySide } from './side-by-side.ts';

describe('side-by-side diff', () => {
  it('pairs each run of deletions with the insertions after it, and keeps equal lines on both sides', () => {
    const rows = sideBySide([
      { op: 'equal', oldLine: 1, newLine: 1, text: 'product x {' },
      { op: 'delete', oldLine: 2, text: '  A: 26%' },
      { op: 'insert', newLine: 2, text: '  A: 27%' },
      { op: 'insert', newLine: 3, text: '  B: 30%' },
      { op: 'equal', oldLine: 3, newLine: 4, text: '}' },
    ]);
    expect(rows).toEqual([
      { left: { line: 1, text: 'product x {', op: 'equal' }, right: { line: 1, text: 'product x {', op: 'equal' } },
      { left: { line: 2, text: '  A: 26%', op: 'delete' }, right: { line: 2, text: '  A: 27%', op: 'insert' } },
      { left: null, right: { line: 3, text: '  B: 30%', op: 'insert' } },
      { left: { line: 3, text: '}', op: 'equal' }, right: { line: 4, text: '}', op: 'equal' } },
    ]);
  });
});
