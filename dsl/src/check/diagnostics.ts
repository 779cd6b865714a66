// Small constructors for checker diagnostics, so every check reads as one line of intent.
import type { Range } from '../ast/nodes.ts';
import type { Diagnostic, Severity } from '../diagnostic.ts';
import { diagnostic, type MessageArgs, type MessageId } from '../messages/catalogue.ts';

/** An error: the product cannot compile while it stands. Its text is the catalogue's `id`. */
export function error<Id extends MessageId>(id: Id, args: MessageArgs<Id>, range: Range): Diagnostic;
/** An error with English text only (not yet in the catalogue: `localizeDiagnostic` leaves it as is). */
export function error(code: string, message: string, range: Range, help?: string): Diagnostic;
export function error(id: string, args: unknown, range: Range, help?: string): Diagnostic {
  return make('error', id, args, range, help);
}

/** A warning: the product compiles, but probably not as meant (or against a regulation). */
export function warning<Id extends MessageId>(id: Id, args: MessageArgs<Id>, range: Range): Diagnostic;
export function warning(code: string, message: string, range: Range, help?: string): Diagnostic;
export function warning(id: string, args: unknown, range: Range, help?: string): Diagnostic {
  return make('warning', id, args, range, help);
}

function make(severity: Severity, id: string, args: unknown, range: Range, help: string | undefined): Diagnostic {
  if (typeof args !== 'string') return diagnostic(severity, id as MessageId, args as never, range);
  return help === undefined ? { severity, code: id, message: args, range } : { severity, code: id, message: args, range, help };
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

/** `line N` (1-based) of a range, for English-only messages that point elsewhere. */
export function lineOf(range: Range): string {
  return `line ${range.start.line + 1}`;
}

/** The 1-based line of a range, for catalogue messages that point elsewhere. */
export function lineNumber(range: Range): number {
  return range.start.line + 1;
}
