// The canonical formatter: parses, refuses text with syntax errors, prints the AST in the
// canonical layout and puts every comment back next to the declaration it belongs to.
import type { Diagnostic } from '../diagnostic.ts';
import { parseDocument } from '../parse.ts';
import { renderFile, type Item, type SourceComment } from './layout.ts';
import { Spelling } from './print-expression.ts';
import { ProductLayout } from './product-layout.ts';

export interface FormatResult {
  /** The formatted text; the input unchanged when it has syntax errors. */
  readonly text: string;
  /** The syntax errors that prevented formatting (empty when formatted). */
  readonly diagnostics: Diagnostic[];
}

/**
 * Formats a product text canonically (see the README's "Formatting"); idempotent, and the AST of
 * the result equals the input's. A text with syntax errors is returned unchanged with its errors.
 * @example
 * format('product p "P" {currency MXN}').text; // 'product p "P" {\n  currency MXN\n}\n'
 */
export function format(text: string): FormatResult {
  const parsed = parseDocument(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { text, diagnostics: errors };
  const comments: SourceComment[] = parsed.commentTokens.map((c) => ({
    start: c.startOffset,
    end: c.startOffset + c.image.length,
    text: c.image,
  }));
  const items: Item[] = [];
  if (parsed.file.product) {
    items.push(new ProductLayout(new Spelling(text), parsed.tokens).product(parsed.file.product));
  }
  if (items.length === 0 && comments.length === 0) return { text: '', diagnostics: [] };
  return { text: renderFile(items, comments, { text, lines: parsed.lines }), diagnostics: [] };
}
