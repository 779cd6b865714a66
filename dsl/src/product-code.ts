// The language's one rule for product codes (and names), used by the checker, by `retitleProduct`
// and by the runtime when a product is created.
import { keywords, softKeywords } from './lexer/tokens.ts';

/** The longest product code (the runtime stores and routes by it). */
export const PRODUCT_CODE_MAX_LENGTH = 64;

const PRODUCT_CODE = /^[a-z_][a-z0-9_]*$/;
const RESERVED = new Set(keywords.filter((k) => !softKeywords.has(k)));

/**
 * Why `code` cannot be a product's code, or undefined when it can: lowercase letters, digits and
 * `_`, starting with a letter or `_`, at most 64 characters, not a reserved keyword.
 * @example productCodeProblem('nomina_quincenal') // undefined
 * productCodeProblem('Nómina') // "`Nómina` is not a product code: ..."
 */
export function productCodeProblem(code: string): string | undefined {
  if (code.length === 0) return 'a product code cannot be empty';
  if (code.length > PRODUCT_CODE_MAX_LENGTH) return `a product code has at most ${PRODUCT_CODE_MAX_LENGTH} characters; this one has ${code.length}`;
  if (!PRODUCT_CODE.test(code)) return `\`${code}\` is not a product code: lowercase letters, digits and \`_\`, starting with a letter or \`_\``;
  if (RESERVED.has(code)) return `\`${code}\` is a keyword of the language and cannot name a product`;
  return undefined;
}

/** Why `name` cannot be a product's name (a string literal of one line), or undefined. */
export function productNameProblem(name: string): string | undefined {
  if (name.trim().length === 0) return 'a product name cannot be empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a product name is one line of text, without control characters';
  return undefined;
}
