// What the lexer says about a mistaken token (tokens.ts, "common mistakes") and what it reads it
// as: one targeted error with the fix, and the meant token for the parser, so the rest of the
// statement parses and nothing else is reported for the same mistake.
import type { IToken, TokenType } from 'chevrotain';
import { respellNumber } from './number-spelling.ts';
import { And, Equals, GreaterEq, LessEq, MistakenNumber, MistakenOperator, MultipleLiteral, Not, NotEquals, NumberLiteral, Or, PercentLiteral } from './tokens.ts';

export interface Mistake {
  readonly code: string;
  readonly message: string;
  readonly help: string;
  /** The token type meant, which the parser gets instead. */
  readonly type: TokenType;
  /** Its Plazo spelling (`2_000`, `=`), which the AST builder reads instead of the image. */
  readonly intended: string;
}

const OPERATORS: Record<string, readonly [TokenType, string, string]> = {
  '==': [Equals, '=', 'compare with `=` (and `!=` for "not equal")'],
  '&&': [And, 'and', 'the logical operators are the words `and`, `or` and `not`'],
  '||': [Or, 'or', 'the logical operators are the words `and`, `or` and `not`'],
  '!': [Not, 'not', 'the logical operators are the words `and`, `or` and `not`'],
  '=>': [GreaterEq, '>=', 'the comparisons are `=`, `!=`, `<`, `<=`, `>`, `>=`'],
  '=<': [LessEq, '<=', 'the comparisons are `=`, `!=`, `<`, `<=`, `>`, `>=`'],
  '<>': [NotEquals, '!=', 'the comparisons are `=`, `!=`, `<`, `<=`, `>`, `>=`'],
};

/** The mistake a MistakenNumber or MistakenOperator token makes, or undefined for other tokens. */
export function mistakeOf(token: IToken): Mistake | undefined {
  const written = token.image;
  if (token.tokenType === MistakenOperator) {
    const [type, intended, help] = OPERATORS[written]!;
    return { code: 'unknown-operator', message: `write \`${intended}\` instead of \`${written}\``, help, type, intended };
  }
  if (token.tokenType !== MistakenNumber) return undefined;
  const respelled = respellNumber(written)!;
  const { intended } = respelled;
  const type = intended.endsWith('%') ? PercentLiteral : intended.endsWith('x') ? MultipleLiteral : NumberLiteral;
  const commaHelp = `a comma separates list items: \`${written.replace(/^\$[ \t]*/, '')}\` would read as two numbers`;
  if (respelled.currencySign) {
    const grouping = respelled.comma === 'thousands' ? '; group digits with `_`' : '';
    return { code: 'currency-sign', message: `amounts have no currency sign: \`${intended}\``, help: `write the number alone, in the product's \`currency\`${grouping}`, type, intended };
  }
  if (respelled.comma === 'decimal') return { code: 'decimal-comma', message: `decimals use a point: \`${intended}\``, help: commaHelp, type, intended };
  if (respelled.comma === 'thousands') return { code: 'thousands-separator', message: `group digits with \`_\`: \`${intended}\``, help: commaHelp, type, intended };
  return { code: 'percent-space', message: `write \`${intended}\` without a space`, help: '`%` goes right after its number', type, intended };
}

/** What to say about characters that start no token (`invalid-character`). */
export function invalidCharacterHelp(bad: string): string {
  if (bad.startsWith('$')) return 'amounts have no currency sign: write the number alone, in the product\'s `currency`';
  if (bad.startsWith('%')) return 'a percent is written right after its number: `12%`';
  if (/^[&|]/.test(bad)) return 'the logical operators are the words `and`, `or` and `not`';
  return 'names use letters, digits and `_`; strings go between double quotes';
}
