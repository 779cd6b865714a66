// The language's one rule for product codes (and names), used by the checker, by `retitleProduct`
// and by the runtime when a product is created.
import type { Range } from './ast/nodes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { keywords, softKeywords } from './lexer/tokens.ts';
import { diagnostic } from './messages/catalogue.ts';

/** The longest product code (the runtime stores and routes by it). */
export const PRODUCT_CODE_MAX_LENGTH = 64;

const PRODUCT_CODE = /^[a-z_][a-z0-9_]*$/;
const RESERVED = new Set(keywords.filter((k) => !softKeywords.has(k)));

/** Why a text cannot be a product code: the rule's one answer, for every language's message. */
export type ProductCodeIssue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly max: number; readonly length: number }
  | { readonly kind: 'pattern'; readonly code: string }
  | { readonly kind: 'keyword'; readonly code: string };

/**
 * Why `code` cannot be a product's code, or undefined when it can: lowercase letters, digits and
 * `_`, starting with a letter or `_`, at most 64 characters, not a reserved keyword.
 * @example productCodeIssue('nomina_quincenal') // undefined
 * productCodeIssue('Nómina') // { kind: 'pattern', code: 'Nómina' }
 */
export function productCodeIssue(code: string): ProductCodeIssue | undefined {
  if (code.length === 0) return { kind: 'empty' };
  if (code.length > PRODUCT_CODE_MAX_LENGTH) return { kind: 'too-long', max: PRODUCT_CODE_MAX_LENGTH, length: code.length };
  if (!PRODUCT_CODE.test(code)) return { kind: 'pattern', code };
  if (RESERVED.has(code)) return { kind: 'keyword', code };
  return undefined;
}

/** `productCodeIssue` in English words, for the API's error messages. */
export function productCodeProblem(code: string): string | undefined {
  const issue = productCodeIssue(code);
  if (!issue) return undefined;
  switch (issue.kind) {
    case 'empty':
      return 'a product code cannot be empty';
    case 'too-long':
      return `a product code has at most ${issue.max} characters; this one has ${issue.length}`;
    case 'pattern':
      return `\`${issue.code}\` is not a product code: lowercase letters, digits and \`_\`, starting with a letter or \`_\``;
    case 'keyword':
      return `\`${issue.code}\` is a keyword of the language and cannot name a product`;
  }
}

/** The error diagnostic of a product-code issue at `range`, in the catalogue's words. */
export function productCodeDiagnostic(issue: ProductCodeIssue, range: Range): Diagnostic {
  switch (issue.kind) {
    case 'empty':
      return diagnostic('error', 'invalid-product-code/empty', {}, range);
    case 'too-long':
      return diagnostic('error', 'invalid-product-code/too-long', issue, range);
    case 'pattern':
      return diagnostic('error', 'invalid-product-code/pattern', issue, range);
    case 'keyword':
      return diagnostic('error', 'invalid-product-code/keyword', issue, range);
  }
}

/** Why a text cannot be a product's name (a string literal of one line). */
export type ProductNameIssue = { readonly kind: 'empty' } | { readonly kind: 'control' };

/** Why `name` cannot be a product's name, or undefined. */
export function productNameIssue(name: string): ProductNameIssue | undefined {
  if (name.trim().length === 0) return { kind: 'empty' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { kind: 'control' };
  return undefined;
}

/** The error diagnostic of a product-name issue at `range`, in the catalogue's words. */
export function productNameDiagnostic(issue: ProductNameIssue, range: Range): Diagnostic {
  return issue.kind === 'empty' ? diagnostic('error', 'invalid-product-name/empty', {}, range) : diagnostic('error', 'invalid-product-name/control', {}, range);
}

/** Why `name` cannot be a product's name (a string literal of one line), in English, or undefined. */
export function productNameProblem(name: string): string | undefined {
  const issue = productNameIssue(name);
  if (!issue) return undefined;
  return issue.kind === 'empty' ? 'a product name cannot be empty' : 'a product name is one line of text, without control characters';
}
