// A product's identity in its text — code, name, currency.
// `retitleProduct` gives an existing product text (a template, a copy of a published version) a
// new identity by rewriting exactly those three places of the parsed header, then formats it.
import type { IToken } from 'chevrotain';
import type { Range } from './ast/nodes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { format } from './format/format.ts';
import { parseDocument } from './parse.ts';
import { diagnostic } from './messages/catalogue.ts';
import { productCodeDiagnostic, productCodeIssue, productNameDiagnostic, productNameIssue } from './product-code.ts';

/** A string literal of the language for `value` (`"` and `\` escaped). */
export function stringLiteral(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export interface ProductIdentity {
  readonly code?: string;
  readonly name?: string;
  /** ISO 4217, three capital letters (`MXN`). */
  readonly currency?: string;
}

export interface RetitleResult {
  /** The product text with the new identity, formatted canonically; the input on errors. */
  readonly text: string;
  /** Why it could not be done: the text's syntax errors, or a code/name/currency that is not valid. */
  readonly diagnostics: Diagnostic[];
}

const NOWHERE: Range = { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } };

/**
 * The product text with its code, name and currency replaced (each one given), formatted with
 * {@link format}. Everything else — sections, comments, tests — stays as written.
 * @example retitleProduct(template, { code: 'nomina_2026', name: 'Nómina 2026', currency: 'MXN' }).text
 */
export function retitleProduct(text: string, identity: ProductIdentity): RetitleResult {
  const refused: Diagnostic[] = [];
  const codeIssue = identity.code === undefined ? undefined : productCodeIssue(identity.code);
  if (codeIssue) refused.push(productCodeDiagnostic(codeIssue, NOWHERE));
  const nameIssue = identity.name === undefined ? undefined : productNameIssue(identity.name);
  if (nameIssue) refused.push(productNameDiagnostic(nameIssue, NOWHERE));
  if (identity.currency !== undefined && !/^[A-Z]{3}$/.test(identity.currency)) {
    refused.push(diagnostic('error', 'invalid-currency', { currency: identity.currency }, NOWHERE));
  }
  if (refused.length > 0) return { text, diagnostics: refused };

  const parsed = parseDocument(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { text, diagnostics: errors };
  const product = parsed.file.product;
  if (!product) return { text, diagnostics: [diagnostic('error', 'missing-product', {}, NOWHERE)] };

  // Replacements by offset, applied from the end so earlier offsets stay valid.
  const edits: { start: number; end: number; text: string }[] = [];
  if (identity.code !== undefined) edits.push({ start: product.code.range.start.offset, end: product.code.range.end.offset, text: identity.code });
  if (identity.name !== undefined) {
    const literal = stringLiteral(identity.name.trim());
    if (product.name) edits.push({ start: product.name.range.start.offset, end: product.name.range.end.offset, text: literal });
    else edits.push({ start: product.code.range.end.offset, end: product.code.range.end.offset, text: ` ${literal}` });
  }
  if (identity.currency !== undefined) {
    if (product.currency?.name) edits.push({ start: product.currency.range.start.offset, end: product.currency.range.end.offset, text: identity.currency });
    else {
      const brace = openingBrace(parsed.tokens, product.code.range.end.offset);
      if (brace === undefined) return { text, diagnostics: [diagnostic('error', 'missing-product/brace', {}, NOWHERE)] };
      edits.push({ start: brace + 1, end: brace + 1, text: `\n  currency ${identity.currency}\n` });
    }
  }
  let next = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  const formatted = format(next);
  return formatted.diagnostics.length > 0 ? { text, diagnostics: formatted.diagnostics } : { text: formatted.text, diagnostics: [] };
}

/** The offset of the product's `{` (the first one after its code; comments are not tokens). */
function openingBrace(tokens: readonly IToken[], after: number): number | undefined {
  return tokens.find((t) => t.startOffset >= after && t.tokenType.name === 'LCurly')?.startOffset;
}
