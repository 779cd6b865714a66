// What a role may edit in the editor, as offset spans of the text: each section of an editable
// kind, from its first character through the blank space after it (so a new test can be typed
// after the last one), and everything else locked. Monaco-free: the editor's guard
// (monaco/section-guard.ts) turns these into decorations and refuses edits outside them; the
// runtime refuses them again on save (403 `section-locked`).
import type { PartKind, SectionSpan } from '@plazo/dsl';

/** [start, end) offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The spans of the editable sections, each stretched over the whitespace that follows it. */
export function editableSpans(text: string, sections: readonly SectionSpan[], editable: readonly PartKind[]): Span[] {
  const kinds = new Set(editable);
  const spans: Span[] = [];
  for (const s of sections) {
    if (!kinds.has(s.kind)) continue;
    let end = s.end;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    const last = spans.at(-1);
    if (last && last.end >= s.start) spans[spans.length - 1] = { start: last.start, end };
    else spans.push({ start: s.start, end });
  }
  return spans;
}

/** The rest of the text: what is locked. */
export function lockedSpans(length: number, editable: readonly Span[]): Span[] {
  const locked: Span[] = [];
  let at = 0;
  for (const e of editable) {
    if (e.start > at) locked.push({ start: at, end: e.start });
    at = Math.max(at, e.end);
  }
  if (at < length) locked.push({ start: at, end: length });
  return locked;
}

/**
 * True when every selection lies inside one editable span, strictly (neither on its first
 * character nor on the character after it): typing, deleting one character back or forward and
 * pasting there change only that span.
 */
export function selectionsEditable(selections: readonly Span[], editable: readonly Span[]): boolean {
  return selections.every((sel) => editable.some((e) => e.start < Math.min(sel.start, sel.end) && Math.max(sel.start, sel.end) < e.end));
}

/**
 * 1-based lines [first, last] to shade: lines whose every non-blank character is locked, and
 * blank lines inside a locked span.
 */
export function lockedLines(text: string, locked: readonly Span[]): { first: number; last: number }[] {
  // Asked in increasing order of i: one pass over the spans.
  let k = 0;
  const isLocked = (i: number) => {
    while (k < locked.length && locked[k]!.end <= i) k++;
    return k < locked.length && locked[k]!.start <= i;
  };
  const lines: { first: number; last: number }[] = [];
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const content = text.slice(lineStart, lineEnd);
    let shaded: boolean;
    if (content.trim() === '') shaded = isLocked(lineStart);
    else {
      shaded = true;
      for (let i = lineStart; i < lineEnd && shaded; i++) if (!/\s/.test(text[i]!) && !isLocked(i)) shaded = false;
    }
    if (shaded) {
      const prev = lines.at(-1);
      if (prev && prev.last === line - 1) prev.last = line;
      else lines.push({ first: line, last: line });
    }
    lineStart = lineEnd + 1;
  }
  return lines;
}

/** The text of the locked spans with whitespace removed: what an edit must leave alone. */
export function lockedFingerprint(text: string, locked: readonly Span[]): string {
  return locked.map((s) => text.slice(s.start, s.end).replace(/\s+/g, '')).join('\u0000');
}
