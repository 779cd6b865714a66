// The three-way merge of drafts: examples, and properties over random line edits (fast-check,
// fixed seed from the root vitest.fast-check.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHunks, lineHunks } from './line-diff.ts';
import { hasConflictMarkers, mergeDrafts, mergedText, textWithMarkers } from './merge.ts';

/** Texts of a few lines from a small alphabet: repeated lines make the diffs ambiguous on purpose. */
const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', '  }'), { maxLength: 14 }).map((lines) => lines.join('\n'));

describe('lineHunks', () => {
  it('turns one text into the other (property)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const base = a.split('\n');
        const other = b.split('\n');
        expect(applyHunks(base, lineHunks(base, other))).toEqual(other);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the one changed line among many, and treats a pasted file as one hunk when it must', () => {
    const base = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const other = [...base];
    other[1500] = 'changed';
    expect(lineHunks(base, other)).toEqual([{ start: 1500, end: 1501, lines: ['changed'] }]);
    const pasted = Array.from({ length: 3000 }, (_, i) => `other ${i}`);
    const hunks = lineHunks(base, pasted);
    expect(applyHunks(base, hunks)).toEqual(pasted);
  });
});

describe('mergeDrafts', () => {
  it('merges changes to different lines, even adjacent ones', () => {
    const merged = mergeDrafts('a\nb\nc\nd', 'A\nb\nc\nd', 'a\nb\nc\nD');
    expect(merged.conflicts).toBe(0);
    expect(mergedText(merged)).toBe('A\nb\nc\nD');
    expect(mergedText(mergeDrafts('a\nb\nc', 'a\nB\nc', 'a\nb\nC'))).toBe('a\nB\nC');
    expect(mergedText(mergeDrafts('a\nb', 'x\na\nb', 'a\nb\ny'))).toBe('x\na\nb\ny');
  });

  it('reports changes to the same lines as a conflict with both sides and the base line', () => {
    const merged = mergeDrafts('a\nb\nc', 'a\nmine\nc', 'a\ntheirs\nc');
    expect(merged.conflicts).toBe(1);
    expect(merged.regions).toEqual([
      { kind: 'same', lines: ['a'] },
      { kind: 'conflict', baseLine: 2, base: ['b'], mine: ['mine'], theirs: ['theirs'] },
      { kind: 'same', lines: ['c'] },
    ]);
    expect(mergedText(merged, 'mine')).toBe('a\nmine\nc');
    expect(mergedText(merged, 'theirs')).toBe('a\ntheirs\nc');
    const marked = textWithMarkers(merged, { mine: 'mío', theirs: 'Lucía (revisión 7)' });
    expect(marked).toBe('a\n<<<<<<< mío\nmine\n=======\ntheirs\n>>>>>>> Lucía (revisión 7)\nc');
    expect(hasConflictMarkers(marked)).toBe(true);
    expect(hasConflictMarkers('a\nb == c\n<<<< no')).toBe(false);
  });

  it('insertions at the same place conflict unless they are the same', () => {
    expect(mergeDrafts('a\nb', 'a\nx\nb', 'a\ny\nb').conflicts).toBe(1);
    expect(mergedText(mergeDrafts('a\nb', 'a\nx\nb', 'a\nx\nb'))).toBe('a\nx\nb');
  });

  it('merging with an unchanged side gives the other side (property)', () => {
    fc.assert(
      fc.property(text, text, (base, other) => {
        const theirsOnly = mergeDrafts(base, base, other);
        expect(theirsOnly.conflicts).toBe(0);
        expect(mergedText(theirsOnly)).toBe(other);
        const mineOnly = mergeDrafts(base, other, base);
        expect(mineOnly.conflicts).toBe(0);
        expect(mergedText(mineOnly)).toBe(other);
      }),
      { numRuns: 500 },
    );
  });

  it('the same edit on both sides is no conflict, and merging is symmetric (property)', () => {
    fc.assert(
      fc.property(text, text, text, (base, a, b) => {
        const same = mergeDrafts(base, a, a);
        expect(same.conflicts).toBe(0);
        expect(mergedText(same)).toBe(a);
        const ab = mergeDrafts(base, a, b);
        const ba = mergeDrafts(base, b, a);
        expect(ab.conflicts).toBe(ba.conflicts);
        expect(mergedText(ab, 'mine')).toBe(mergedText(ba, 'theirs'));
        expect(mergedText(ab, 'theirs')).toBe(mergedText(ba, 'mine'));
        expect(hasConflictMarkers(textWithMarkers(ab, { mine: 'm', theirs: 't' }))).toBe(ab.conflicts > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps both sides of edits to separate parts of a text (property)', () => {
    // Distinct base lines; mine edits before line `cut`, theirs after it; line `cut` stays.
    const edit = (prefix: string) => fc.array(fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`), { maxLength: 4 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), edit('m'), edit('t'), fc.nat(), fc.nat(), (n, c, mineNew, theirNew, ma, ta) => {
        const base = Array.from({ length: n }, (_, i) => `line ${i}`);
        const cut = c % n;
        const mStart = ma % (cut + 1);
        const tStart = cut + 1 + (ta % (n - cut));
        const mine = [...base.slice(0, mStart), ...mineNew, ...base.slice(mStart + (mStart < cut ? 1 : 0))];
        const theirs = [...base.slice(0, tStart), ...theirNew, ...base.slice(Math.min(n, tStart + 1))];
        const expected = [...mine.slice(0, mine.length - (n - cut)), ...theirs.slice(cut)];
        const merged = mergeDrafts(base.join('\n'), mine.join('\n'), theirs.join('\n'));
        expect(merged.conflicts).toBe(0);
        expect(mergedText(merged)).toBe(expected.join('\n'));
      }),
      { numRuns: 500 },
    );
  });
});
