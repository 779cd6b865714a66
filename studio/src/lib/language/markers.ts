// The one adapter between dsl ranges (0-based lines and columns) and Monaco (1-based): diagnostics
// become markers (in the studio's language), and Monaco positions become dsl offsets-free positions for lookups.
import { localizeDiagnostic, type Diagnostic, type Lang, type Position, type Range, type Severity } from '@plazo/dsl';
import type { editor, IRange, MarkerSeverity } from 'monaco-editor/editor';

/** MarkerSeverity values (Monaco's enum is a runtime object; this module imports Monaco's types only). */
const markerSeverity: Readonly<Record<Severity, MarkerSeverity>> = {
  error: 8 as MarkerSeverity,
  warning: 4 as MarkerSeverity,
  info: 2 as MarkerSeverity,
};

/** A dsl range as a Monaco range: both ends 1-based; an empty range still shows one character. */
export function toMonacoRange(range: Range): IRange {
  const startLineNumber = range.start.line + 1;
  const startColumn = range.start.column + 1;
  let endLineNumber = range.end.line + 1;
  let endColumn = range.end.column + 1;
  if (endLineNumber < startLineNumber || (endLineNumber === startLineNumber && endColumn <= startColumn)) {
    endLineNumber = startLineNumber;
    endColumn = startColumn + 1;
  }
  return { startLineNumber, startColumn, endLineNumber, endColumn };
}

/** A Monaco position (1-based) as a dsl-style 0-based line and column. */
export function fromMonacoPosition(position: { readonly lineNumber: number; readonly column: number }): Pick<Position, 'line' | 'column'> {
  return { line: position.lineNumber - 1, column: position.column - 1 };
}

/**
 * A dsl diagnostic as a Monaco marker, its message and help in `lang` (the dsl's catalogue); the
 * `help` text follows the message.
 * @example toMarker(diagnostic, 'es') // message: 'nombre desconocido `x`\n¿quisiste decir `y`?'
 */
export function toMarker(original: Diagnostic, lang: Lang): editor.IMarkerData {
  const diagnostic = localizeDiagnostic(original, lang);
  return {
    ...toMonacoRange(diagnostic.range),
    severity: markerSeverity[diagnostic.severity],
    code: diagnostic.code,
    source: 'plazo',
    message: diagnostic.help ? `${diagnostic.message}\n${diagnostic.help}` : diagnostic.message,
  };
}
