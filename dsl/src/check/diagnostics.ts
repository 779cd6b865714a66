// Small constructors for checker diagnostics, so every check reads as one line of intent.
import type { Range } from '../ast/nodes.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { diagnostic, type MessageArgs, type MessageId } from '../messages/catalogue.ts';

/** An error: the product cannot compile while it stands. Its text is the catalogue's `id`. */
export function error<Id extends MessageId>(id: Id, args: MessageArgs<Id>, range: Range): Diagnostic;
export function error(id: MessageId, args: unknown, range: Range): Diagnostic {
  return diagnostic('error', id, args as never, range);
}

/** A warning: the product compiles, but probably not as meant (or against a regulation). */
export function warning<Id extends MessageId>(id: Id, args: MessageArgs<Id>, range: Range): Diagnostic;
export function warning(id: MessageId, args: unknown, range: Range): Diagnostic {
  return diagnostic('warning', id, args as never, range);
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

/** The 1-based line of a range, for catalogue messages that point elsewhere. */
export function lineNumber(range: Range): number {
  return range.start.line + 1;
}
