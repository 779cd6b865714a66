// The one diagnostic shape of every phase (lexing, parsing, checking), in Cedar's message style:
// lowercase, no final period, user text in backticks, the long explanation in `help`.
import type { Range } from './ast/nodes.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** kebab-case, documented in the README: `unknown-name`, `bin-overlap`... */
  readonly code: string;
  readonly message: string;
  readonly range: Range;
  /** How to fix it, when the message alone does not say. */
  readonly help?: string;
  /** The catalogue message id (`code` or `code/variant`), to re-render it in another language. */
  readonly id?: string;
  /** The message's arguments (plain data), for `localizeDiagnostic`. */
  readonly args?: Readonly<Record<string, unknown>>;
}

/** Collects diagnostics; checks receive it as `accept`. */
export type Accept = (diagnostic: Diagnostic) => void;

/** `file:line:col: severity code: message` with 1-based line and column (DESIGN.md). */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const head = `${file}:${d.range.start.line + 1}:${d.range.start.column + 1}: ${d.severity} ${d.code}: ${d.message}`;
  return d.help ? `${head}\n  help: ${d.help}` : head;
}
