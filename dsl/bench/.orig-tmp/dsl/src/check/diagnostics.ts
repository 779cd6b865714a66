// Small constructors for checker diagnostics, so every check reads as one line of intent.
import type { Range } from '../ast/nodes.ts';
import type { Diagnostic } from '../diagnostic.ts';

/** An error: the product cannot compile while it stands. */
export function error(code: string, message: string, range: Range, help?: string): Diagnostic {
  return help === undefined ? { severity: 'error', code, message, range } : { severity: 'error', code, message, range, help };
}

/** A warning: the product compiles, but probably not as meant (or against a regulation). */
export function warning(code: string, message: string, range: Range, help?: string): Diagnostic {
  return help === undefined ? { severity: 'warning', code, message, range } : { severity: 'warning', code, message, range, help };
}

/** True when the range has real positions (tokens inserted by parser recovery may not). */
export function isPlacedRange(range: Range | undefined): range is Range {
  return (
    range !== undefined &&
    Number.isFinite(range.start?.line) &&
    Number.isFinite(range.start?.column) &&
    Number.isFinite(range.start?.offset) &&
    Number.isFinite(range.end?.offset)
  );
}

/** The first `length` characters of `range` (a section's keyword), so a diagnostic points at the keyword, not the block. */
export function headRange(range: Range, length: number): Range {
  const end = Math.min(range.start.offset + length, range.end.offset);
  const width = end - range.start.offset;
  return { start: range.start, end: { line: range.start.line, column: range.start.column + width, offset: end } };
}

/** `line N` (1-based) of a range, for messages that point elsewhere. */
export function lineOf(range: Range): string {
  return `line ${range.start.line + 1}`;
}
