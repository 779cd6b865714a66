// Why "Dar formato" cannot format the text: the formatter refuses a text with syntax errors (it
// returns it unchanged with them); the studio says so, pointing at the first error, 1-based as the
// editor shows lines.
import type { Diagnostic } from '@plazo/dsl';

export interface FormatRefusal {
  /** How many syntax errors stand in the way. */
  readonly n: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The refusal to report for a format result's diagnostics, or undefined when it formatted. */
export function formatRefusal(diagnostics: readonly Diagnostic[]): FormatRefusal | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (!first) return undefined;
  return { n: errors.length, line: first.range.start.line + 1, column: first.range.start.column + 1, message: first.message };
}
